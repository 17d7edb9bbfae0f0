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
 * {@code within-subject} is a seeded stratified k-fold inside each subject; {@code stratified-k-fold},
 * {@code group-k-fold}, {@code leave-one-group-out} and {@code leave-p-groups-out} are scikit-learn's
 * {@code StratifiedKFold}, {@code GroupKFold}, {@code LeaveOneGroupOut} and {@code LeavePGroupsOut},
 * split for split (checked against golden indices). Groups (runs, sessions, subjects) are strings;
 * they are ordered as numbers when all of them are numbers (run "10" after run "9", as scikit-learn
 * orders integer groups), else as text.
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

    /**
     * scikit-learn's StratifiedKFold: classes numbered by first appearance, each class's trials dealt to
     * the folds as the sorted labels would be dealt round-robin, in trial order or (with
     * {@code shuffle}) in an order shuffled by the seed's legacy Mersenne Twister, one class after another.
     */
    public static List<Split> stratifiedKFold(int[] labels, int folds, boolean shuffle, long seed) {
        int n = labels.length;
        List<Integer> firstSeen = new ArrayList<>();
        for (int label : labels) {
            if (!firstSeen.contains(label)) {
                firstSeen.add(label);
            }
        }
        int classes = firstSeen.size();
        int[] encoded = new int[n];
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            encoded[i] = firstSeen.indexOf(labels[i]);
            counts[encoded[i]]++;
        }
        if (folds < 2 || java.util.Arrays.stream(counts).allMatch(c -> c < folds)) {
            throw new IllegalArgumentException("folds: expected 2 up to the largest class's " + Arrays.stream(counts).max()
                    .orElse(0) + " trials, found " + folds);
        }
        int[] sorted = encoded.clone();
        Arrays.sort(sorted);
        int[][] allocation = new int[folds][classes];
        for (int i = 0; i < n; i++) {
            allocation[i % folds][sorted[i]]++;
        }
        MersenneTwister random = new MersenneTwister((int) seed);
        int[] foldOf = new int[n];
        for (int k = 0; k < classes; k++) {
            int[] order = new int[counts[k]];
            int at = 0;
            for (int f = 0; f < folds; f++) {
                for (int r = 0; r < allocation[f][k]; r++) {
                    order[at++] = f;
                }
            }
            if (shuffle) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = interval(random, i);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
            }
            at = 0;
            for (int i = 0; i < n; i++) {
                if (encoded[i] == k) {
                    foldOf[i] = order[at++];
                }
            }
        }
        List<Split> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            out.add(byMask(foldOf, f));
        }
        return out;
    }

    /**
     * scikit-learn's GroupKFold: groups from the largest to the smallest (equal sizes: the later group
     * first, as NumPy's argsort reversed orders up to 16 groups) each go to the fold with the fewest
     * trials so far (the first such fold).
     */
    public static List<Split> groupKFold(List<String> groups, int folds) {
        List<String> unique = sortedGroups(groups);
        if (folds < 2 || folds > unique.size()) {
            throw new IllegalArgumentException("folds: expected 2 up to the " + unique.size() + " groups, found " + folds);
        }
        int[] index = groups.stream().mapToInt(unique::indexOf).toArray();
        int[] size = new int[unique.size()];
        for (int g : index) {
            size[g]++;
        }
        Integer[] ascending = IntStream.range(0, size.length).boxed().toArray(Integer[]::new);
        Arrays.sort(ascending, (a, b) -> Integer.compare(size[a], size[b]));
        int[] trialsIn = new int[folds];
        int[] foldOfGroup = new int[size.length];
        for (int r = ascending.length - 1; r >= 0; r--) {
            int g = ascending[r];
            int lightest = 0;
            for (int f = 1; f < folds; f++) {
                lightest = trialsIn[f] < trialsIn[lightest] ? f : lightest;
            }
            trialsIn[lightest] += size[g];
            foldOfGroup[g] = lightest;
        }
        int[] foldOf = IntStream.of(index).map(g -> foldOfGroup[g]).toArray();
        List<Split> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            out.add(byMask(foldOf, f));
        }
        return out;
    }

    /** scikit-learn's LeaveOneGroupOut: each group in order as the test set. */
    public static List<Split> leaveOneGroupOut(List<String> groups) {
        return leavePGroupsOut(groups, 1);
    }

    /** scikit-learn's LeavePGroupsOut: every combination of {@code p} groups, in lexicographic order, as the test set. */
    public static List<Split> leavePGroupsOut(List<String> groups, int p) {
        List<String> unique = sortedGroups(groups);
        if (p < 1 || p >= unique.size()) {
            throw new IllegalArgumentException("expected more than " + p + " groups, found " + unique.size() + " " + unique);
        }
        int[] index = groups.stream().mapToInt(unique::indexOf).toArray();
        List<Split> out = new ArrayList<>();
        int[] chosen = IntStream.range(0, p).toArray();
        while (true) {
            boolean[] test = new boolean[unique.size()];
            for (int g : chosen) {
                test[g] = true;
            }
            out.add(new Split(IntStream.range(0, index.length).filter(i -> !test[index[i]]).toArray(),
                    IntStream.range(0, index.length).filter(i -> test[index[i]]).toArray()));
            int i = p - 1;
            while (i >= 0 && chosen[i] == unique.size() - p + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            chosen[i]++;
            for (int j = i + 1; j < p; j++) {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }

    /** The distinct groups, as numbers when all are numbers, else as text. */
    static List<String> sortedGroups(List<String> groups) {
        List<String> unique = new ArrayList<>(new java.util.LinkedHashSet<>(groups));
        boolean numeric = unique.stream().allMatch(g -> g.matches("-?\\d+(\\.\\d+)?"));
        unique.sort(numeric ? java.util.Comparator.comparingDouble(Double::parseDouble) : java.util.Comparator.naturalOrder());
        return unique;
    }

    private static Split byMask(int[] foldOf, int fold) {
        return new Split(IntStream.range(0, foldOf.length).filter(i -> foldOf[i] != fold).toArray(),
                IntStream.range(0, foldOf.length).filter(i -> foldOf[i] == fold).toArray());
    }
}
