package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.decoders.ssvep.Cca;

/**
 * Training-free SSVEP decoding by canonical correlation with sine/cosine references
 * ({@code cca}), or with a filter bank ({@code fbcca}); each class names its stimulation frequency.
 */
public class CcaType implements ModelType {

    private final boolean filterBank;

    /** Standard CCA. */
    public CcaType() {
        this(false);
    }

    CcaType(boolean filterBank) {
        this.filterBank = filterBank;
    }

    /** Filter-bank CCA (Chen et al. 2015). */
    public static final class FilterBank extends CcaType {
        /** FBCCA. */
        public FilterBank() {
            super(true);
        }
    }

    @Override
    public String name() {
        return filterBank ? "fbcca" : "cca";
    }

    @Override
    public String summary() {
        return filterBank ? "Filter-bank CCA for SSVEP (Chen et al. 2015): sub-band correlations weighted m^-1.25 + 0.25; no training."
                : "Canonical correlation with sine/cosine references at each class's frequency and harmonics (SSVEP); no training.";
    }

    @Override
    public List<Key> keys() {
        List<Key> keys = new ArrayList<>(List.of(
            new Key("frequencies", "(required)", "each class's stimulation frequency in Hz, {class: Hz}"),
            new Key("harmonics", "2", "harmonics in the references, 1..10"),
            new Key("window", "the epoch", "[from, to] in seconds within the epoch")));
        if (filterBank) {
            keys.add(new Key("subbands", "3", "sub-bands, 1..10"));
            keys.add(new Key("subband_step", "8", "sub-band m starts at m × this many Hz"));
            keys.add(new Key("upper_edge", "60", "sub-bands end at this frequency in Hz (below Nyquist)"));
        }
        return keys;
    }

    @Override
    public Set<Data> accepts() {
        return Set.of(Data.EEG_EPOCHS);
    }

    @Override
    public JobModel create(Job.Section section, TrialData data) {
        if (!section.has("frequencies") || !section.tree().get("frequencies").isObject()) {
            throw section.error("frequencies", "a mapping of each class to its frequency in Hz", section.has("frequencies")
                    ? section.tree().get("frequencies") : "none");
        }
        Job.Section f = section.section("frequencies");
        Map<String, Double> byClass = new LinkedHashMap<>();
        f.tree().fieldNames().forEachRemaining(k -> byClass.put(k, f.number(k, 0, 1e-3, 1e4)));
        int harmonics = section.integer("harmonics", 2, 1, 10);
        double[] window = section.numbers("window", 2);
        int subbands = section.integer("subbands", 3, 1, 10);
        double step = section.number("subband_step", 8, 0.1, 1000);
        double upper = section.number("upper_edge", 60, 1, 1e5);
        if (data == null) {
            return null;
        }
        List<String> classes = data.classes();
        double[] frequencies = new double[classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            Double hz = byClass.get(classes.get(k));
            if (hz == null) {
                throw section.error("frequencies", "a frequency for every class " + classes, "none for " + classes.get(k));
            }
            frequencies[k] = hz;
        }
        int samples = data.epochs[0][0].length;
        int from = window == null ? 0 : (int) Math.round((window[0] - data.tmin) * data.sfreq);
        int to = window == null ? samples - 1 : (int) Math.round((window[1] - data.tmin) * data.sfreq);
        if (from < 0 || to >= samples || to - from < 2) {
            throw section.error("window", "from < to within the epochs", java.util.Arrays.toString(window));
        }
        Cca cca;
        try {
            cca = filterBank ? Cca.filterBank(frequencies, harmonics, data.sfreq, subbands, step, upper)
                    : Cca.standard(frequencies, harmonics, data.sfreq);
        } catch (org.neurodec.decoders.DecoderException e) {
            throw section.error(filterBank ? "upper_edge" : "harmonics", e.getMessage(), "these settings");
        }
        return new Model(name(), cca, from, to, byClass);
    }

    /** CCA needs no training; fit does nothing. */
    static final class Model extends JobModel {
        private final String name;
        private final Cca cca;
        private final int from;
        private final int to;
        private final Map<String, Double> frequencies;

        Model(String name, Cca cca, int from, int to, Map<String, Double> frequencies) {
            this.name = name;
            this.cca = cca;
            this.from = from;
            this.to = to;
            this.frequencies = frequencies;
        }

        @Override
        public void fit(TrialData data, int[] train) {
        }

        @Override
        public double[][] predict(TrialData data, int[] test) {
            double[][] scores = java.util.stream.IntStream.of(test).parallel().mapToObj(t -> {
                double[][] epoch = data.epochs[t];
                double[][] cut = new double[epoch.length][];
                for (int c = 0; c < epoch.length; c++) {
                    cut[c] = java.util.Arrays.copyOfRange(epoch[c], from, to + 1);
                }
                return cca.scores(cut);
            }).toArray(double[][]::new);
            return fromScores(scores);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", name);
            m.put("frequencies_hz", frequencies);
            m.put("window_samples", new int[] {from, to});
            return m;
        }
    }
}
