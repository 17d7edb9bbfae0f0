package org.neurodec.encoders;

import java.util.Arrays;

/** Classification scores: the area under the ROC curve and balanced accuracy. */
public final class ClassMetrics {

    private ClassMetrics() {
    }

    /**
     * ROC AUC of {@code scores} for the positive class ({@code positive[i]} true): the share of
     * (positive, negative) pairs the scores order correctly, ties counting half (the Mann–Whitney
     * statistic, equal to the rank-sum form with tied ranks averaged); NaN without both classes.
     */
    public static double auc(double[] scores, boolean[] positive) {
        // Mann-Whitney: each (positive, negative) pair counts 1 when the positive scores higher, 1/2 on a tie;
        // both groups sorted, one pass (the same value as the rank-sum form, without boxing or a comparator)
        int n = scores.length;
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (positive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double pairs = 0;
        int below = 0;
        int notAbove = 0;
        for (double p : pos) {
            while (below < negatives && Double.compare(neg[below], p) < 0) {
                below++;
            }
            notAbove = Math.max(notAbove, below);
            while (notAbove < negatives && Double.compare(neg[notAbove], p) <= 0) {
                notAbove++;
            }
            pairs += below + 0.5 * (notAbove - below);
        }
        return pairs / ((double) positives * negatives);
    }

    /** The mean over classes of the fraction of each class's trials predicted as that class. */
    public static double balancedAccuracy(int[] truth, int[] predicted, int classes) {
        int[] hits = new int[classes];
        int[] counts = new int[classes];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]]++;
            if (truth[i] == predicted[i]) {
                hits[truth[i]]++;
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0) {
                sum += hits[c] / (double) counts[c];
                present++;
            }
        }
        return sum / present;
    }

    /** The index of each row's largest value. */
    public static int[] argmax(float[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 1; c < rows[i].length; c++) {
                if (rows[i][c] > rows[i][out[i]]) {
                    out[i] = c;
                }
            }
        }
        return out;
    }
}
