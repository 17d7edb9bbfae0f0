package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The train/test splits of a job's protocol. {@code shuffle-split} draws exactly the splits of
 * scikit-learn's {@code ShuffleSplit(n_splits, test_size, random_state=seed)} (NumPy's legacy
 * Mersenne Twister permutation), so a job can repeat a published protocol; {@code k-fold} is
 * scikit-learn's unshuffled {@code KFold}; {@code train-test} is a fixed split given by the data;
 * {@code within-subject} is a seeded stratified k-fold inside each subject.
 */
public final class CrossValidation {

    /** One split: the trials to fit on and the trials to score, in the order they are scored. */
    public record Split(int[] train, int[] test) {
    }

    private CrossValidation() {
    }

    /** scikit-learn's ShuffleSplit: each split a fresh permutation, test = its first ceil(n·testSize) trials. */
    public static List<Split> shuffleSplit(int n, int splits, double testSize, long seed) {
        int nTest = (int) Math.ceil(testSize * n);
        int nTrain = n - nTest;
        if (nTest < 1 || nTrain < 1) {
            throw new IllegalArgumentException("test_size " + testSize + " leaves " + nTrain + " training and " + nTest
                    + " test trials of " + n);
        }
        MersenneTwister random = new MersenneTwister((int) seed);
        List<Split> out = new ArrayList<>();
        for (int s = 0; s < splits; s++) {
            int[] permutation = IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = interval(random, i);
                int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
            out.add(new Split(Arrays.copyOfRange(permutation, nTest, n), Arrays.copyOfRange(permutation, 0, nTest)));
        }
        return out;
    }

    /** NumPy's legacy bounded integer in [0, max]: masked 32-bit draws, rejected until within range. */
    private static int interval(MersenneTwister random, int max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = (random.nextInt() & 0xffffffffL) & mask;
        } while (value > max);
        return (int) value;
    }

    /** scikit-learn's KFold without shuffling: contiguous folds, the first n % k one trial longer. */
    public static List<Split> kFold(int n, int folds) {
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("folds: expected 2.." + n + ", found " + folds);
        }
        List<Split> out = new ArrayList<>();
        int start = 0;
        for (int f = 0; f < folds; f++) {
            int size = n / folds + (f < n % folds ? 1 : 0);
            int from = start;
            int to = start + size;
            out.add(new Split(IntStream.range(0, n).filter(i -> i < from || i >= to).toArray(), IntStream.range(from, to).toArray()));
            start = to;
        }
        return out;
    }

    /**
     * Stratified k-fold within each group (subject): each class's trials of a group, shuffled by the
     * seed's legacy Mersenne Twister permutation, dealt round-robin into {@code folds} folds; every
     * (group, fold) is a split that trains on the group's other folds. Groups in first-seen order.
     */
    public static List<Split> withinGroups(List<String> groups, int[] labels, int folds, long seed) {
        MersenneTwister random = new MersenneTwister((int) seed);
        List<Split> out = new ArrayList<>();
        for (String g : groups.stream().distinct().toList()) {
            int[] members = IntStream.range(0, groups.size()).filter(i -> groups.get(i).equals(g)).toArray();
            if (members.length < folds) {
                throw new IllegalArgumentException("group " + g + " has " + members.length + " trials for " + folds + " folds");
            }
            int[] foldOf = new int[labels.length];
            int dealt = 0;
            for (int k : IntStream.of(members).map(i -> labels[i]).distinct().sorted().toArray()) {
                int[] ofClass = IntStream.of(members).filter(i -> labels[i] == k).toArray();
                for (int i = ofClass.length - 1; i > 0; i--) {
                    int j = interval(random, i);
                    int swap = ofClass[i];
                    ofClass[i] = ofClass[j];
                    ofClass[j] = swap;
                }
                for (int t : ofClass) {
                    foldOf[t] = dealt++ % folds;
                }
            }
            for (int f = 0; f < folds; f++) {
                int ff = f;
                out.add(new Split(IntStream.of(members).filter(i -> foldOf[i] != ff).toArray(),
                        IntStream.of(members).filter(i -> foldOf[i] == ff).toArray()));
            }
        }
        return out;
    }
}
