package org.neurodec.experiments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.decoders.classify.ShrinkageLda;

/** Shrinkage LDA (Ledoit-Wolf, as the lsqr solver of scikit-learn) on a trial matrix or on flattened EEG epochs. */
public final class LdaType implements ModelType {

    @Override
    public String name() {
        return "lda";
    }

    @Override
    public String summary() {
        return "Shrinkage LDA (Ledoit-Wolf, as the lsqr solver of scikit-learn) on a trial matrix or on flattened EEG epochs.";
    }

    @Override
    public List<Key> keys() {
        return List.of(
            new Key("shrinkage", "auto", "auto (Ledoit-Wolf) or none"),
            new Key("decimate", "1", "keep every Nth sample of EEG epochs, 1..1000"));
    }

    @Override
    public Set<Data> accepts() {
        return Set.of(Data.EEG_EPOCHS, Data.TRIAL_MATRIX);
    }

    @Override
    public JobModel create(Job.Section section, TrialData data) {
        String shrinkage = section.has("shrinkage") ? section.oneOf("shrinkage", List.of("auto", "none")) : "auto";
        int decimate = section.integer("decimate", 1, 1, 1000);
        requireMemory(section, data, decimate);
        return new Model(shrinkage.equals("auto"), decimate);
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
    /** Shrinkage (or plain) LDA on trial rows or flattened, decimated epochs. */
    static final class Model extends JobModel {
        private final boolean shrink;
        private final int decimate;
        private ShrinkageLda fitted;

        Model(boolean shrink, int decimate) {
            this.shrink = shrink;
            this.decimate = decimate;
        }

        private double[][] features(TrialData data, int[] rows) {
            return features(data, rows, decimate);
        }

        @Override
        public void fit(TrialData data, int[] train) {
            double[][] x = features(data, train);
            int classes = data.classes().size();
            fitted = shrink ? ShrinkageLda.fit(x, labels(data, train), classes) : ShrinkageLda.fitEmpirical(x, labels(data, train),
                    classes);
        }

        @Override
        public double[][] predict(TrialData data, int[] test) {
            return fromScores(fitted.scores(features(data, test)));
        }

        @Override
        public Map<String, Object> describe() {
            return org.neurodec.Ordered.map("type", "lda", "shrinkage", shrink ? "auto" : "none", "decimate", decimate,
                    "coefficients", fitted.coefficients(), "intercepts", fitted.intercepts());
        }
    }
}
