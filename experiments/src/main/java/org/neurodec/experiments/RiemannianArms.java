package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.neurodec.decoders.riemann.ErpPrototypes;
import org.neurodec.decoders.riemann.Mdm;
import org.neurodec.encoders.Targets;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.riemann.Covariances;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;

/**
 * The Riemannian arms of a transfer experiment on EEG (the job's {@code riemann} section): each
 * trial's covariance (Ledoit–Wolf, or {@code estimator}; of the SSVEP extended signal when
 * {@code filter_bank} names frequencies), and for a new subject with k calibration trials: MDM on
 * those trials alone ({@code riemann: subject-only}), MDM trained on the other subjects each
 * re-centred on its own mean, applied to the new subject re-centred on its calibration trials' mean
 * (all its trials, unlabelled, when k = 0) ({@code riemann: pooled re-centred}), and the same with
 * each class mean moved along the geodesic toward the new subject's calibration class mean by
 * n / (n + {@code prior}) ({@code riemann: adapted}). This is the SSVEP-Exo reference's protocol.
 */
final class RiemannianArms {

    static final List<String> METHODS = List.of("riemann: subject-only", "riemann: pooled re-centred", "riemann: adapted");

    private final Covariances.Estimator estimator;
    private final double[] bank;
    private final double bandwidth;
    private final int order;
    private final double prior;
    private final boolean erp;
    private final Map<String, List<Spd>> covariances = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<String>, Source> sourceModels = new java.util.concurrent.ConcurrentHashMap<>();

    RiemannianArms(Job.Section section) {
        section.only(Set.of("estimator", "filter_bank", "bandwidth", "order", "prior", "erp"));
        estimator = Covariances.Estimator.named(section.has("estimator")
                ? section.oneOf("estimator", List.of("lwf", "oas", "empirical")) : "lwf");
        bank = section.numbers("filter_bank", 0);
        bandwidth = section.number("bandwidth", 1, 1e-3, 1000);
        order = section.integer("order", 4, 1, 10);
        prior = section.number("prior", 16, 0, 1e9);
        erp = section.has("erp") && section.oneOf("erp", List.of("true", "false")).equals("true");
        if (erp && bank != null) {
            throw section.error("erp", "false with filter_bank (one kind of covariance)", "true");
        }
    }

    /** Trial {@code i} of {@code t} as channels × times. */
    private static double[][] epoch(TrialSet t, int i) {
        double[][] x = new double[t.channels()][t.times()];
        for (int c = 0; c < t.channels(); c++) {
            for (int k = 0; k < t.times(); k++) {
                x[c][k] = t.get(i, c, k);
            }
        }
        return x;
    }

    /** The ERP prototypes (class means) of the trials {@code rows} of {@code t}. */
    private static ErpPrototypes prototypes(List<TrialSet> sets, List<int[]> rows,
            List<int[]> labels, int classes) {
        List<double[][]> trials = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            for (int i = 0; i < rows.get(s).length; i++) {
                trials.add(epoch(sets.get(s), rows.get(s)[i]));
                y.add(labels.get(s)[i]);
            }
        }
        return ErpPrototypes.fit(trials, y.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    /** Subject {@code id}'s trial covariances, computed once from its epochs. */
    List<Spd> covariances(String id, SubjectTrials epochs) {
        return covariances.computeIfAbsent(id, s -> {
            TrialSet t = epochs.trials();
            return IntStream.range(0, t.trials()).parallel().mapToObj(i -> {
                double[][] x = epoch(t, i);
                return Covariances.estimate(bank == null ? x : Covariances.extended(x, epochs.sfreq(), bank, bandwidth, order),
                        estimator, 0);
            }).toList();
        });
    }

    /** The class index of each trial (by its stimulus), in the targets' class order. */
    static int[] labels(TrialSet trials, Targets targets) {
        return trials.stimuli().stream().mapToInt(targets::classOf).toArray();
    }

    /**
     * The three arms' distances to each class mean (test trials × classes) for the new subject's
     * {@code test} trials, given its {@code calibration} trials and the training subjects (ids with
     * their epochs). With {@code erp}, the pooled arms use the sources' class means as prototypes and
     * subject-only the calibration trials'.
     */
    Map<String, double[][]> predict(String newId, SubjectTrials newEpochs, int[] calibration, int[] test,
            Map<String, SubjectTrials> sources, Targets targets) {
        int classes = targets.classNames().size();
        Source source = sourceModels.computeIfAbsent(List.copyOf(sources.keySet()), ids -> source(sources, targets, classes));
        ErpPrototypes fromSources = source.prototypes();
        Mdm sourceModel = source.model();
        TrialSet own = newEpochs.trials();
        int[] y = labels(own, targets);
        int[] calLabels = IntStream.of(calibration).map(i -> y[i]).toArray();
        Map<String, double[][]> out = new LinkedHashMap<>();
        if (IntStream.range(0, classes).allMatch(k -> IntStream.of(calLabels).anyMatch(v -> v == k))) {
            ErpPrototypes fromCalibration = erp ? prototypes(List.of(own), List.of(calibration), List.of(calLabels), classes)
                    : null;
            out.put(METHODS.get(0), Mdm.fit(covariances(newId, newEpochs, calibration, fromCalibration), calLabels, classes)
                    .distances(covariances(newId, newEpochs, test, fromCalibration)));
        }
        // the new subject's covariances against the sources' prototypes, computed once for all its trials
        List<Spd> against = source.newSubject().computeIfAbsent(newId, id -> covariances(id, newEpochs, all(own), fromSources));
        List<Spd> cal = IntStream.of(calibration).mapToObj(against::get).toList();
        Spd reference = Riemann.mean(calibration.length > 0 ? cal : against);
        List<Spd> testCentred = Riemann.recenter(IntStream.of(test).mapToObj(against::get).toList(), reference);
        out.put(METHODS.get(1), sourceModel.distances(testCentred));
        if (calibration.length > 0) {
            out.put(METHODS.get(2), sourceModel.adaptedTo(Riemann.recenter(cal, reference), calLabels, prior)
                    .distances(testCentred));
        }
        return out;
    }

    /**
     * What the pooled arms learn from the training subjects, the same for every calibration size: the
     * sources' ERP prototypes (with {@code erp}), MDM on their covariances each re-centred on its own
     * mean, and, per new subject, its trials' covariances against those prototypes.
     */
    private record Source(ErpPrototypes prototypes, Mdm model, Map<String, List<Spd>> newSubject) {
    }

    private Source source(Map<String, SubjectTrials> sources, Targets targets, int classes) {
        ErpPrototypes fromSources = null;
        if (erp) {
            List<TrialSet> sets = sources.values().stream().map(SubjectTrials::trials).toList();
            fromSources = prototypes(sets, sets.stream().map(RiemannianArms::all).toList(),
                    sets.stream().map(t -> labels(t, targets)).toList(), classes);
        }
        List<Spd> pooled = new ArrayList<>();
        List<Integer> pooledLabels = new ArrayList<>();
        for (Map.Entry<String, SubjectTrials> source : sources.entrySet()) {
            List<Spd> c = covariances(source.getKey(), source.getValue(), all(source.getValue().trials()), fromSources);
            pooled.addAll(Riemann.recenter(c, Riemann.mean(c)));
            for (int y : labels(source.getValue().trials(), targets)) {
                pooledLabels.add(y);
            }
        }
        return new Source(fromSources, Mdm.fit(pooled, pooledLabels.stream().mapToInt(Integer::intValue).toArray(), classes),
                new java.util.concurrent.ConcurrentHashMap<>());
    }

    private static int[] all(TrialSet t) {
        return IntStream.range(0, t.trials()).toArray();
    }

    /** The covariances of the trials {@code rows}: against {@code prototypes} when given, else the subject's cached ones. */
    private List<Spd> covariances(String id, SubjectTrials epochs, int[] rows, ErpPrototypes prototypes) {
        if (prototypes == null) {
            List<Spd> cached = covariances(id, epochs);
            return IntStream.of(rows).mapToObj(cached::get).toList();
        }
        TrialSet t = epochs.trials();
        return IntStream.of(rows).parallel().mapToObj(i -> prototypes.covariance(epoch(t, i), estimator, 0)).toList();
    }

    /** For two classes, each trial's score for the second: how much nearer it is to the second mean (else null). */
    static double[] secondClassScore(double[][] distances) {
        if (distances.length == 0 || distances[0].length != 2) {
            return null;
        }
        return java.util.Arrays.stream(distances).mapToDouble(d -> d[0] - d[1]).toArray();
    }
}
