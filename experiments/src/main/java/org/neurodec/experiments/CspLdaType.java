package org.neurodec.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.decoders.classify.CspLda;

/** CSP log power on a window of each epoch, then LDA (two classes, as in the MNE motor imagery example). */
public final class CspLdaType implements ModelType {

    @Override
    public String name() {
        return "csp-lda";
    }

    @Override
    public String summary() {
        return "CSP log power on a window of each epoch, then LDA (two classes, as in the MNE motor imagery example).";
    }

    @Override
    public List<Key> keys() {
        return List.of(
            new Key("components", "4", "CSP components, 1..channels"),
            new Key("window", "the epoch", "[from, to] in seconds within the epoch"));
    }

    @Override
    public Set<Data> accepts() {
        return Set.of(Data.EEG_EPOCHS);
    }

    @Override
    public int maxClasses() {
        return 2;
    }

    @Override
    public JobModel create(Job.Section section, TrialData data) {
        int channels = data == null ? Integer.MAX_VALUE : data.epochs[0].length;
        return new Model(section.integer("components", 4, 1, channels), window(section, data));
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
    /** CSP log power on a window of each epoch, then LDA. */
    static final class Model extends JobModel {
        private final int components;
        private final int[] window;
        private CspLda fitted;

        Model(int components, int[] window) {
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
        public void fit(TrialData data, int[] train) {
            fitted = CspLda.fit(cut(data, train), labels(data, train), components);
        }

        @Override
        public double[][] predict(TrialData data, int[] test) {
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
        public Map<String, Object> describe() {
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
}
