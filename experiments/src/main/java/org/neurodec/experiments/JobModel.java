package org.neurodec.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.decoders.classify.CspLda;
import org.neurodec.decoders.DecoderException;
import org.neurodec.decoders.classify.LogisticRegression;
import org.neurodec.decoders.reconstruct.PixelReconstruction;
import org.neurodec.decoders.classify.ShrinkageLda;
import org.neurodec.decoders.classify.Standardizer;
import org.neurodec.subjects.adapters.Ridge;

/**
 * The model of a job's {@code model} section, fitted on one split's training trials at a time:
 * {@code csp-lda} (EEG, two classes; {@code components}, {@code window} in seconds),
 * {@code lda} (shrinkage LDA on a trial matrix or on flattened EEG epochs; {@code shrinkage}: auto or
 * none, {@code decimate}), {@code logistic} (L2 logistic regression; {@code C}, {@code decimate},
 * {@code standardize}: z-score each feature with the training trials' statistics, default true) or
 * {@code ridge-reconstruction} (images from a trial matrix;
 * {@code components}: a list of principal-component counts to choose from by cross-validation, or 0
 * for pixels; {@code alphas}: from, to, count of a log10 grid).
 */
abstract class JobModel {

    /** Whether it predicts classes (else images). */
    boolean classifies() {
        return true;
    }

    /** Fits on the trials {@code train} of {@code data}. */
    abstract void fit(TrialData data, int[] train);

    /** Class index (0-based, in {@code data.classes()} order) and decision score of each trial, or images. */
    abstract double[][] predict(TrialData data, int[] test);

    /** The fitted model's parameters, for {@code models/model.json}. */
    abstract Map<String, Object> describe();

    /** The model of {@code section}, checked against {@code data} (null: the section's keys and values only). */
    static JobModel of(Job.Section section, TrialData data) {
        String type = section.oneOf("type", Job.MODELS);
        return switch (type) {
            case "csp-lda" -> {
                section.only(Set.of("type", "components", "window"));
                requireEeg(section, data);
                requireClasses(section, data, 2, 2);
                int channels = data == null ? Integer.MAX_VALUE : data.epochs[0].length;
                yield new CspLdaModel(section.integer("components", 4, 1, channels), window(section, data));
            }
            case "logistic" -> {
                section.only(Set.of("type", "C", "decimate", "standardize"));
                requireClasses(section, data, 2, Integer.MAX_VALUE);
                boolean standardize = !section.has("standardize") || section.oneOf("standardize", List.of("true", "false"))
                        .equals("true");
                yield new LogisticModel(section.number("C", 1.0, 0, Double.MAX_VALUE), section.integer("decimate", 1, 1, 1000),
                        standardize);
            }
            case "lda" -> {
                section.only(Set.of("type", "shrinkage", "decimate"));
                requireClasses(section, data, 2, Integer.MAX_VALUE);
                String shrinkage = section.has("shrinkage") ? section.oneOf("shrinkage", List.of("auto", "none")) : "auto";
                int decimate = section.integer("decimate", 1, 1, 1000);
                requireMemory(section, data, decimate);
                yield new LdaModel(shrinkage.equals("auto"), decimate);
            }
            case "ridge-reconstruction" -> {
                section.only(Set.of("type", "components", "alphas", "folds"));
                if (data != null && (data.rows == null || data.images == null)) {
                    throw section.error("type", "data with a trial matrix and images (data.hdf5 with x and images)",
                            "'ridge-reconstruction' on data without them");
                }
                int[] counts = section.has("components") ? section.integers("components", 0, 100_000) : new int[] {0};
                double[] alphas = section.has("alphas") ? section.logGrid("alphas", -12, 12, 1000) : Ridge.logSpace(-1, 6, 29);
                yield new ReconstructionModel(counts, alphas, section.integer("folds", 10, 2, 100));
            }
            default -> throw section.error("type", "a classical decoder here (the shared encoder runs through EncoderJob)",
                    "'" + type + "'");
        };
    }

    /** LDA keeps several features × features matrices: refuse, before fitting, what the heap cannot hold. */
    private static void requireMemory(Job.Section section, TrialData data, int decimate) {
        if (data == null) {
            return;
        }
        long features = data.rows != null ? data.rows[0].length
                : (long) data.epochs[0].length * ((data.epochs[0][0].length + decimate - 1) / decimate);
        long need = 5L * features * features * Double.BYTES;
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (need > available) {
            String fix = "";
            if (data.rows == null) {
                long channels = data.epochs[0].length;
                int samples = data.epochs[0][0].length;
                int d = decimate;
                while (d < samples && 5L * Math.pow(channels * ((samples + d - 1) / d), 2) * Double.BYTES > available / 2) {
                    d++;
                }
                fix = d < samples ? "; set model.decimate: " + d + " (" + channels * ((samples + d - 1) / d) + " features)" : "";
            }
            throw section.error("type", String.format(java.util.Locale.ROOT, "a model that fits the heap: lda on %d features"
                    + " needs about %.1f GB for its covariance matrices, and %.1f GB are free (raise the heap, e.g. NEURODEC_JAVA_OPTS=-Xmx32g%s, or use csp-lda or"
                    + " logistic)", features, need / 1e9, available / 1e9, fix), "'lda'");
        }
    }

    private static void requireEeg(Job.Section section, TrialData data) {
        if (data != null && data.epochs == null) {
            throw section.error("type", "EEG epochs (data.eeg)", "'" + section.text("type") + "' on a trial matrix");
        }
    }

    private static void requireClasses(Job.Section section, TrialData data, int min, int max) {
        if (data == null) {
            return;
        }
        int n = data.classes().size();
        if (n < min || n > max) {
            throw section.error("type", (min == max ? min : min + " or more") + " classes in the data", n + " " + data.classes());
        }
    }

    private static int[] window(Job.Section section, TrialData data) {
        double[] w = section.numbers("window", 2);
        if (data == null) {
            return null;
        }
        int samples = data.epochs[0][0].length;
        if (w == null) {
            return new int[] {0, samples - 1};
        }
        int from = (int) Math.round((w[0] - data.tmin) * data.sfreq);
        int to = (int) Math.round((w[1] - data.tmin) * data.sfreq);
        if (from < 0 || to >= samples || to <= from) {
            throw section.error("window", String.format(java.util.Locale.ROOT, "from < to within the epochs (%.3f..%.3f s)",
                    data.tmin, data.tmin + (samples - 1) / data.sfreq), java.util.Arrays.toString(w));
        }
        return new int[] {from, to};
    }

    static int[] labels(TrialData data, int[] rows) {
        List<String> classes = data.classes();
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = classes.indexOf(data.labels.get(rows[i]));
        }
        return out;
    }

    /** CSP log power on a window of each epoch, then LDA. */
    static final class CspLdaModel extends JobModel {
        private final int components;
        private final int[] window;
        private CspLda fitted;

        CspLdaModel(int components, int[] window) {
            this.components = components;
            this.window = window;
        }

        private double[][][] cut(TrialData data, int[] rows) {
            double[][][] out = new double[rows.length][][];
            for (int i = 0; i < rows.length; i++) {
                double[][] epoch = data.epochs[rows[i]];
                out[i] = new double[epoch.length][];
                for (int c = 0; c < epoch.length; c++) {
                    out[i][c] = java.util.Arrays.copyOfRange(epoch[c], window[0], window[1] + 1);
                }
            }
            return out;
        }

        @Override
        void fit(TrialData data, int[] train) {
            fitted = CspLda.fit(cut(data, train), labels(data, train), components);
        }

        @Override
        double[][] predict(TrialData data, int[] test) {
            double[][][] x = cut(data, test);
            int[] predicted = fitted.predict(x);
            double[] decision = fitted.decision(x);
            double[][] out = new double[test.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new double[] {predicted[i], decision[i]};
            }
            return out;
        }

        @Override
        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "csp-lda");
            m.put("window_samples", window);
            m.put("csp_filters", fitted.csp().filters());
            m.put("csp_eigenvalues", fitted.csp().eigenvalues());
            m.put("lda_coefficients", fitted.lda().coefficients());
            m.put("lda_intercepts", fitted.lda().intercepts());
            return m;
        }
    }

    /** Shrinkage (or plain) LDA on trial rows or flattened, decimated epochs. */
    static final class LdaModel extends JobModel {
        private final boolean shrink;
        private final int decimate;
        private ShrinkageLda fitted;

        LdaModel(boolean shrink, int decimate) {
            this.shrink = shrink;
            this.decimate = decimate;
        }

        private double[][] features(TrialData data, int[] rows) {
            return JobModel.features(data, rows, decimate);
        }

        @Override
        void fit(TrialData data, int[] train) {
            double[][] x = features(data, train);
            int classes = data.classes().size();
            fitted = shrink ? ShrinkageLda.fit(x, labels(data, train), classes) : ShrinkageLda.fitEmpirical(x, labels(data, train),
                    classes);
        }

        @Override
        double[][] predict(TrialData data, int[] test) {
            return fromScores(fitted.scores(features(data, test)));
        }

        @Override
        Map<String, Object> describe() {
            return Map.of("type", "lda", "shrinkage", shrink ? "auto" : "none", "decimate", decimate,
                    "coefficients", fitted.coefficients(), "intercepts", fitted.intercepts());
        }
    }

    /** Trial rows, or flattened epochs keeping every {@code decimate}th sample. */
    static double[][] features(TrialData data, int[] rows, int decimate) {
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
    static double[][] fromScores(double[][] scores) {
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

    /** L2 logistic regression on (standardised) trial rows or flattened epochs. */
    static final class LogisticModel extends JobModel {
        private final double c;
        private final int decimate;
        private final boolean standardize;
        private Standardizer scaling;
        private LogisticRegression fitted;

        LogisticModel(double c, int decimate, boolean standardize) {
            this.c = c;
            this.decimate = decimate;
            this.standardize = standardize;
        }

        private double[][] features(TrialData data, int[] rows) {
            double[][] x = JobModel.features(data, rows, decimate);
            return scaling == null ? x : scaling.apply(x);
        }

        @Override
        void fit(TrialData data, int[] train) {
            scaling = standardize ? Standardizer.fit(JobModel.features(data, train, decimate)) : null;
            fitted = LogisticRegression.fit(features(data, train), labels(data, train), data.classes().size(), c);
        }

        @Override
        double[][] predict(TrialData data, int[] test) {
            double[][] p = fitted.probabilities(features(data, test));
            double[][] logs = new double[p.length][];
            for (int i = 0; i < p.length; i++) {
                logs[i] = java.util.Arrays.stream(p[i]).map(Math::log).toArray();
            }
            return fromScores(logs);
        }

        @Override
        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "logistic");
            m.put("C", c);
            m.put("decimate", decimate);
            m.put("standardize_mean", scaling == null ? null : scaling.mean());
            m.put("standardize_scale", scaling == null ? null : scaling.scale());
            m.put("weights", fitted.weights());
            m.put("intercepts", fitted.intercepts());
            return m;
        }
    }

    /** Ridge from voxels to pixels or to principal components chosen by cross-validation. */
    static final class ReconstructionModel extends JobModel {
        private final int[] components;
        private final double[] alphas;
        private final int folds;
        private PixelReconstruction fitted;

        ReconstructionModel(int[] components, double[] alphas, int folds) {
            this.components = components;
            this.alphas = alphas;
            this.folds = folds;
        }

        @Override
        boolean classifies() {
            return false;
        }

        @Override
        void fit(TrialData data, int[] train) {
            double[][] x = new double[train.length][];
            double[][] y = new double[train.length][];
            for (int i = 0; i < train.length; i++) {
                x[i] = data.rows[train[i]];
                y[i] = data.images[train[i]];
            }
            boolean pixels = components.length == 1 && components[0] == 0;
            if (!pixels && java.util.Arrays.stream(components).anyMatch(c -> c < 1)) {
                throw new DecoderException("model.components: expected 0 (pixels) or positive counts, found "
                        + java.util.Arrays.toString(components));
            }
            fitted = pixels ? PixelReconstruction.fit(x, y, alphas, false)
                    : PixelReconstruction.fitComponentsCrossValidated(x, y, components, folds, alphas);
        }

        @Override
        double[][] predict(TrialData data, int[] test) {
            double[][] x = new double[test.length][];
            for (int i = 0; i < test.length; i++) {
                x[i] = data.rows[test[i]];
            }
            return fitted.predict(x);
        }

        @Override
        Map<String, Object> describe() {
            return Map.of("type", "ridge-reconstruction", "components", fitted.components(), "alphas", fitted.alphas());
        }
    }
}
