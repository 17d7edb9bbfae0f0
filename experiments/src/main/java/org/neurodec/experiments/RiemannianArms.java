package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
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
    private final Map<String, List<Spd>> covariances = new LinkedHashMap<>();

    RiemannianArms(Job.Section section) {
        section.only(Set.of("estimator", "filter_bank", "bandwidth", "order", "prior"));
        estimator = Covariances.Estimator.named(section.has("estimator")
                ? section.oneOf("estimator", List.of("lwf", "oas", "empirical")) : "lwf");
        bank = section.numbers("filter_bank", 0);
        bandwidth = section.number("bandwidth", 1, 1e-3, 1000);
        order = section.integer("order", 4, 1, 10);
        prior = section.number("prior", 16, 0, 1e9);
    }

    /** Subject {@code id}'s trial covariances, computed once from its epochs. */
    List<Spd> covariances(String id, SubjectTrials epochs) {
        return covariances.computeIfAbsent(id, s -> {
            TrialSet t = epochs.trials();
            return IntStream.range(0, t.trials()).parallel().mapToObj(i -> {
                double[][] x = new double[t.channels()][t.times()];
                for (int c = 0; c < t.channels(); c++) {
                    for (int k = 0; k < t.times(); k++) {
                        x[c][k] = t.get(i, c, k);
                    }
                }
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
     * The three arms' predicted classes for the new subject's {@code test} trials, given its
     * {@code calibration} trials and the training subjects (ids with their epochs).
     */
    Map<String, int[]> predict(String newId, SubjectTrials newEpochs, int[] calibration, int[] test,
            Map<String, SubjectTrials> sources, Targets targets) {
        int classes = targets.classNames().size();
        List<Spd> pooled = new ArrayList<>();
        List<Integer> pooledLabels = new ArrayList<>();
        sources.forEach((id, epochs) -> {
            List<Spd> c = covariances(id, epochs);
            pooled.addAll(Riemann.recenter(c, Riemann.mean(c)));
            for (int y : labels(epochs.trials(), targets)) {
                pooledLabels.add(y);
            }
        });
        Mdm sourceModel = Mdm.fit(pooled, pooledLabels.stream().mapToInt(Integer::intValue).toArray(), classes);
        List<Spd> own = covariances(newId, newEpochs);
        int[] y = labels(newEpochs.trials(), targets);
        List<Spd> cal = IntStream.of(calibration).mapToObj(own::get).toList();
        int[] calLabels = IntStream.of(calibration).map(i -> y[i]).toArray();
        List<Spd> testCov = IntStream.of(test).mapToObj(own::get).toList();
        Map<String, int[]> out = new LinkedHashMap<>();
        boolean everyClass = IntStream.range(0, classes).allMatch(k -> IntStream.of(calLabels).anyMatch(v -> v == k));
        if (everyClass) {
            out.put(METHODS.get(0), Mdm.fit(cal, calLabels, classes).predict(testCov));
        }
        Spd reference = Riemann.mean(calibration.length > 0 ? cal : own);
        List<Spd> testCentred = Riemann.recenter(testCov, reference);
        out.put(METHODS.get(1), sourceModel.predict(testCentred));
        if (calibration.length > 0) {
            out.put(METHODS.get(2), sourceModel.adaptedTo(Riemann.recenter(cal, reference), calLabels, prior).predict(testCentred));
        }
        return out;
    }
}
