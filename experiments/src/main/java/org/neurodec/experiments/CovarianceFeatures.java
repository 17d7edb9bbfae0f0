package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.neurodec.subjects.adapters.EuclideanAlignment;
import org.neurodec.subjects.riemann.Covariances;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;

/**
 * The covariance features the Riemannian model types share: each epoch (within {@code window})
 * optionally expanded into the SSVEP filter-bank signal ({@code filter_bank} frequencies, ±
 * {@code bandwidth} Hz, Butterworth {@code order}), its covariance by {@code estimator}, and each
 * subject's covariances aligned without labels ({@code align}: {@code recenter} whitens by the
 * subject's Riemannian mean, {@code euclidean} by its arithmetic mean), or the ERP-prototype
 * covariance ({@code erp}: the training classes' mean epochs stacked above each epoch), the subject's trials at hand
 * (training trials when fitting, test trials when predicting) serving as the reference. Covariances
 * are computed once per trial and kept for the job's other splits.
 */
final class CovarianceFeatures {

    static final List<ModelType.Key> KEYS = List.of(
        new ModelType.Key("estimator", "lwf", "covariance estimator: lwf (Ledoit-Wolf), oas, empirical or shrunk"),
        new ModelType.Key("shrinkage", "0.1", "shrunk: the fixed shrinkage intensity, 0..1"),
        new ModelType.Key("window", "the epoch", "[from, to] in seconds within the epoch"),
        new ModelType.Key("filter_bank", "none", "SSVEP extended signal: frequencies (Hz) each band-passed ± bandwidth"),
        new ModelType.Key("bandwidth", "1", "filter_bank: half-width of each band in Hz, > 0"),
        new ModelType.Key("order", "4", "filter_bank: Butterworth order, 1..10"),
        new ModelType.Key("align", "none", "per-subject alignment without labels: none, recenter or euclidean"),
        new ModelType.Key("erp", "false", "ERP-prototype covariances: the training classes' mean epochs stacked above each"
                + " epoch (P300, N170)"));

    private final Covariances.Estimator estimator;
    private final double shrinkage;
    private final double[] window;
    private final double[] bank;
    private final double bandwidth;
    private final int order;
    private final String align;
    private final boolean erp;
    /** The prototypes of the last fit (ERP covariances), or null. */
    private org.neurodec.decoders.riemann.ErpPrototypes prototypes;
    private final Map<Integer, Spd> cache = new java.util.concurrent.ConcurrentHashMap<>();

    CovarianceFeatures(Job.Section section) {
        String name = section.has("estimator") ? section.oneOf("estimator", List.of("lwf", "oas", "empirical", "shrunk"))
                : "lwf";
        estimator = Covariances.Estimator.named(name);
        shrinkage = section.number("shrinkage", 0.1, 0, 1);
        window = section.numbers("window", 2);
        bank = section.has("filter_bank") ? section.tree().get("filter_bank").isArray()
                ? java.util.stream.StreamSupport.stream(section.tree().get("filter_bank").spliterator(), false)
                        .mapToDouble(n -> n.asDouble()).toArray() : null : null;
        if (section.has("filter_bank") && (bank == null || bank.length == 0 || java.util.Arrays.stream(bank).anyMatch(f -> !(f > 0)))) {
            throw section.error("filter_bank", "a list of frequencies in Hz, each > 0", section.tree().get("filter_bank"));
        }
        bandwidth = section.number("bandwidth", 1, 1e-3, 1000);
        order = section.integer("order", 4, 1, 10);
        align = section.has("align") ? section.oneOf("align", List.of("none", "recenter", "euclidean")) : "none";
        erp = section.has("erp") && section.oneOf("erp", List.of("true", "false")).equals("true");
        if (erp && section.has("filter_bank")) {
            throw section.error("erp", "false with filter_bank (one kind of covariance)", "true");
        }
    }

    /** Checks the window and filter bank against the data's epochs. */
    void check(Job.Section section, TrialData data) {
        if (data == null) {
            return;
        }
        int samples = data.epochs[0][0].length;
        if (window != null) {
            int[] w = samples(data);
            if (w[0] < 0 || w[1] >= samples || w[1] - w[0] < 2) {
                throw section.error("window", String.format(Locale.ROOT, "from < to within the epochs (%.3f..%.3f s)",
                        data.tmin, data.tmin + (samples - 1) / data.sfreq), java.util.Arrays.toString(window));
            }
        }
        if (bank != null) {
            for (double f : bank) {
                if (!(f - bandwidth > 0 && f + bandwidth < data.sfreq / 2)) {
                    throw section.error("filter_bank", "bands f ± " + bandwidth + " Hz between 0 and the Nyquist frequency "
                            + data.sfreq / 2 + " Hz", f);
                }
            }
        }
    }

    private int[] samples(TrialData data) {
        int n = data.epochs[0][0].length;
        if (window == null) {
            return new int[] {0, n - 1};
        }
        return new int[] {(int) Math.round((window[0] - data.tmin) * data.sfreq),
            (int) Math.round((window[1] - data.tmin) * data.sfreq)};
    }

    /** Trial {@code t}'s epoch within the window. */
    private double[][] cut(TrialData data, int t) {
        int[] w = samples(data);
        double[][] epoch = data.epochs[t];
        double[][] cut = new double[epoch.length][];
        for (int c = 0; c < epoch.length; c++) {
            cut[c] = java.util.Arrays.copyOfRange(epoch[c], w[0], w[1] + 1);
        }
        return cut;
    }

    /** The covariance of trial {@code t}: computed once, or with ERP prototypes against the last fit's. */
    Spd covariance(TrialData data, int t) {
        if (erp) {
            return prototypes.covariance(cut(data, t), estimator, shrinkage);
        }
        return cache.computeIfAbsent(t, i -> {
            double[][] cut = cut(data, i);
            double[][] x = bank == null ? cut : Covariances.extended(cut, data.sfreq, bank, bandwidth, order);
            return Covariances.estimate(x, estimator, shrinkage);
        });
    }

    /** Fits what the features learn from labelled training trials (the ERP prototypes), before {@link #covariances}. */
    void fit(TrialData data, int[] train, int[] labels, int classes) {
        if (erp) {
            prototypes = org.neurodec.decoders.riemann.ErpPrototypes.fit(IntStream.of(train).mapToObj(t -> cut(data, t))
                    .toList(), labels, classes);
        }
    }

    /** The covariances of {@code rows}, each subject's aligned by the reference of its own rows among them. */
    List<Spd> covariances(TrialData data, int[] rows) {
        List<Spd> out = new ArrayList<>(IntStream.of(rows).parallel().mapToObj(t -> covariance(data, t)).toList());
        if (align.equals("none")) {
            return out;
        }
        Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i++) {
            bySubject.computeIfAbsent(data.subjects.get(rows[i]), s -> new ArrayList<>()).add(i);
        }
        for (List<Integer> members : bySubject.values()) {
            List<Spd> own = members.stream().map(out::get).toList();
            Spd whitener = align.equals("recenter") ? Riemann.mean(own).invSqrt()
                    : EuclideanAlignment.fit(own).whitener();
            for (int i : members) {
                out.set(i, out.get(i).congruence(whitener));
            }
        }
        return out;
    }

    /** The settings, for the model's description. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimator", estimator.name().toLowerCase(Locale.ROOT));
        m.put("window_s", window);
        m.put("filter_bank_hz", bank);
        m.put("bandwidth_hz", bank == null ? null : bandwidth);
        m.put("align", align);
        m.put("erp_prototypes", erp);
        return m;
    }
}
