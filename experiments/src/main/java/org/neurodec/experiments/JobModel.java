package org.neurodec.experiments;

import java.util.List;
import java.util.Map;

/**
 * A job's model, fitted on one split's training trials at a time. Each model type is a plug-in, a
 * {@link ModelType} found with {@link java.util.ServiceLoader} ({@link ModelTypes}), which makes it from
 * the job's {@code model} section; these are the calls the job runner makes, and helpers the types share.
 */
public abstract class JobModel {

    /** Whether it predicts classes (else images). */
    public boolean classifies() {
        return true;
    }

    /** Fits on the trials {@code train} of {@code data}. */
    public abstract void fit(TrialData data, int[] train);

    /** Class index (0-based, in {@code data.classes()} order) and decision score of each trial, or images. */
    public abstract double[][] predict(TrialData data, int[] test);

    /** The fitted model's parameters, for {@code models/model.json}. */
    public abstract Map<String, Object> describe();

    /** Each trial's class index, in {@code data.classes()} order. */
    public static int[] labels(TrialData data, int[] rows) {
        List<String> classes = data.classes();
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = classes.indexOf(data.labels.get(rows[i]));
        }
        return out;
    }

    /** Trial rows, or flattened epochs keeping every {@code decimate}th sample. */
    public static double[][] features(TrialData data, int[] rows, int decimate) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (data.rows != null) {
                out[i] = data.rows[rows[i]];
                continue;
            }
            double[][] epoch = data.epochs[rows[i]];
            int keep = (epoch[0].length + decimate - 1) / decimate;
            out[i] = new double[epoch.length * keep];
            for (int c = 0; c < epoch.length; c++) {
                for (int s = 0; s < keep; s++) {
                    out[i][c * keep + s] = epoch[c][s * decimate];
                }
            }
        }
        return out;
    }

    /** Class index and decision score (second class minus first for two, else the best) from class scores. */
    public static double[][] fromScores(double[][] scores) {
        double[][] out = new double[scores.length][];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int k = 1; k < scores[i].length; k++) {
                best = scores[i][k] > scores[i][best] ? k : best;
            }
            double decision = scores[i].length == 2 ? scores[i][1] - scores[i][0] : scores[i][best];
            out[i] = new double[] {best, decision};
        }
        return out;
    }

}
