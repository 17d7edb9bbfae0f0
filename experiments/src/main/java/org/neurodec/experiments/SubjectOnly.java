package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neurodec.decoders.classify.ShrinkageLda;
import org.neurodec.decoders.classify.Standardizer;
import org.neurodec.encoders.Targets;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.adapters.Ridge;
import org.neurodec.subjects.adapters.RidgeModel;

/**
 * The subject-only baseline of a transfer experiment: decoders fitted on the new subject's
 * calibration trials alone, on their values z-scored with the calibration trials' statistics —
 * ridge to the stimulus features (penalty by leave-one-out) and shrinkage LDA for the classes with at
 * least two calibration trials (the most frequent class when fewer than two classes have).
 */
final class SubjectOnly {

    private SubjectOnly() {
    }

    static TransferScores scores(Targets targets, TrialSet calibration, TrialSet test, Map<String, String> groups, int resamples,
            long seed) {
        Standardizer scaling = Standardizer.fit(calibration.toRows());
        double[][] x = scaling.apply(calibration.toRows());
        double[][] z = scaling.apply(test.toRows());
        float[][] predicted = null;
        if (targets.hasFeatures()) {
            double[][] y = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                float[] f = targets.features().get(calibration.stimuli().get(i));
                y[i] = new double[f.length];
                for (int j = 0; j < f.length; j++) {
                    y[i][j] = f[j];
                }
            }
            RidgeModel ridge = Ridge.fit(x, y, Ridge.logSpace(-2, 5, 15), false);
            double[][] p = ridge.predict(z);
            predicted = new float[p.length][];
            for (int i = 0; i < p.length; i++) {
                predicted[i] = new float[p[i].length];
                for (int j = 0; j < p[i].length; j++) {
                    predicted[i][j] = (float) p[i][j];
                }
            }
        }
        double[] second = targets.hasClasses() ? new double[z.length] : null;
        int[] classes = targets.hasClasses() ? classes(targets, calibration, x, z, second) : null;
        return TransferScores.of(targets, test, predicted, classes, second, groups, resamples, seed);
    }

    /** Each test trial's class, and in {@code second} its score for class 1 against class 0 (two classes). */
    private static int[] classes(Targets targets, TrialSet calibration, double[][] x, double[][] z, double[] second) {
        int k = targets.classNames().size();
        int[] counts = new int[k];
        int[] label = calibration.stimuli().stream().mapToInt(targets::classOf).toArray();
        for (int l : label) {
            counts[l]++;
        }
        List<Integer> present = new ArrayList<>();
        int majority = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] >= 2) {
                present.add(c);
            }
            majority = counts[c] > counts[majority] ? c : majority;
        }
        int[] out = new int[z.length];
        if (present.size() < 2) {
            java.util.Arrays.fill(out, majority);
            return out;
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (present.contains(label[i])) {
                rows.add(x[i]);
                y.add(present.indexOf(label[i]));
            }
        }
        ShrinkageLda lda = ShrinkageLda.fit(rows.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray(),
                present.size());
        double[][] s = lda.scores(z);
        for (int i = 0; i < z.length; i++) {
            if (k == 2 && present.size() == 2) {
                second[i] = s[i][1] - s[i][0];
            }
            int best = 0;
            for (int c = 1; c < s[i].length; c++) {
                best = s[i][c] > s[i][best] ? c : best;
            }
            out[i] = present.get(best);
        }
        return out;
    }
}
