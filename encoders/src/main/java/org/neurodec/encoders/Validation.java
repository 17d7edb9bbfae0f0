package org.neurodec.encoders;

import java.util.List;
import org.neurodec.subjects.TrialSet;

/**
 * The score that picks a training run's best epoch, averaged over subjects: top-1 retrieval among the
 * held-out stimuli when there are feature targets; otherwise the classifier's AUC (two classes) or
 * balanced accuracy (more).
 */
final class Validation {

    private final SharedEncoder encoder;
    private final Targets targets;

    Validation(SharedEncoder encoder, Targets targets) {
        this.encoder = encoder;
        this.targets = targets;
    }

    String metric() {
        if (targets.hasFeatures()) {
            return "top-1";
        }
        return targets.classNames().size() == 2 ? "AUC" : "balanced accuracy";
    }

    double score(List<TrialSet> held) {
        double sum = 0;
        for (TrialSet v : held) {
            double s = targets.hasFeatures() ? top1(v) : classScore(v);
            sum += Double.isNaN(s) ? 0 : s;
        }
        return sum / held.size();
    }

    private double top1(TrialSet v) {
        List<String> candidates = v.stimuli().stream().distinct().toList();
        return Retrieval.topK(encoder.predict(v), v.stimuli(), targets.features(), candidates, 1);
    }

    private double classScore(TrialSet v) {
        float[][] p = encoder.classProbabilities(v);
        int[] truth = v.stimuli().stream().mapToInt(targets::classOf).toArray();
        if (targets.classNames().size() == 2) {
            double[] scores = new double[p.length];
            boolean[] positive = new boolean[p.length];
            for (int i = 0; i < p.length; i++) {
                scores[i] = p[i][1];
                positive[i] = truth[i] == 1;
            }
            return ClassMetrics.auc(scores, positive);
        }
        return ClassMetrics.balancedAccuracy(truth, ClassMetrics.argmax(p), targets.classNames().size());
    }
}
