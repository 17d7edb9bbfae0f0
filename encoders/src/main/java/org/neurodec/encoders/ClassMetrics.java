package org.neurodec.encoders;

import java.util.Arrays;

/** Classification scores: the area under the ROC curve and balanced accuracy. */
public final class ClassMetrics {

    private ClassMetrics() {
    }

    /**
     * ROC AUC of {@code scores} for the positive class ({@code positive[i]} true), computed from
     * ranks with ties given their mean rank (the Mann–Whitney statistic); NaN without both classes.
     */
    public static double auc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
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
