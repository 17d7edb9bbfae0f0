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

    /**
     * The held-out score and cross-entropy, each averaged over subjects, from one pass of each
     * subject's trials through the model.
     *
     * @param score the mean score (a subject without trials or with an undefined score counts 0)
     * @param crossEntropy the classifier's mean cross-entropy, which breaks ties between epochs of equal
     *     score (small validation sets make them common); 0 without classes
     */
    record Result(double score, double crossEntropy) {
    }

    Result evaluate(List<TrialSet> held) {
        double sum = 0;
        double entropy = 0;
        int counted = 0;
        for (TrialSet v : held) {
            if (v.trials() == 0) {
                continue;
            }
            float[][] p = targets.hasClasses() ? encoder.classProbabilities(v).toRows() : null;
            double s = Evaluation.of(encoder, targets, v, p).scores().get(metric());
            sum += Double.isNaN(s) ? 0 : s;
            if (p != null) {
                double e = 0;
                for (int i = 0; i < p.length; i++) {
                    e -= Math.log(Math.max(p[i][targets.classOf(v.stimuli().get(i))], 1e-12));
                }
                entropy += e / p.length;
                counted++;
            }
        }
        return new Result(sum / held.size(), counted == 0 ? 0 : entropy / counted);
    }
}
