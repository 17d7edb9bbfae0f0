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
            double s = v.trials() == 0 ? Double.NaN : Evaluation.of(encoder, targets, v).scores().get(metric());
            sum += Double.isNaN(s) ? 0 : s;
        }
        return sum / held.size();
    }

    /**
     * The classifier's mean cross-entropy on the held-out trials, averaged over subjects (0 without
     * classes): it breaks ties between epochs of equal score, which small validation sets make common.
     */
    double crossEntropy(List<TrialSet> held) {
        if (!targets.hasClasses()) {
            return 0;
        }
        double sum = 0;
        int counted = 0;
        for (TrialSet v : held) {
            if (v.trials() == 0) {
                continue;
            }
            float[][] p = encoder.classProbabilities(v).toRows();
            double s = 0;
            for (int i = 0; i < p.length; i++) {
                s -= Math.log(Math.max(p[i][targets.classOf(v.stimuli().get(i))], 1e-12));
            }
            sum += s / p.length;
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }
}
