package org.neurodec.encoders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurodec.subjects.TrialSet;

/**
 * How well an encoder decodes one subject's held-out trials, each score beside its chance level:
 * top-1 and top-5 retrieval among the trials' distinct stimuli when there are feature targets
 * (chance k / candidates); the classifier's balanced accuracy (chance 1 / classes) and, for two
 * classes, its AUC (chance 0.5) when there are class targets.
 *
 * @param subject the subject's id
 * @param trials how many trials were scored
 * @param scores each metric's value, by name
 * @param chance each metric's chance level, by name
 */
public record Evaluation(String subject, int trials, Map<String, Double> scores, Map<String, Double> chance) {

    /** Scores {@code encoder} on {@code held}, whose subject must be in the encoder's registry. */
    public static Evaluation of(SharedEncoder encoder, Targets targets, TrialSet held) {
        return of(encoder, targets, held, null);
    }

    /** The same, with the class probabilities of {@code held} already computed (null: computed here). */
    static Evaluation of(SharedEncoder encoder, Targets targets, TrialSet held, float[][] probabilities) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Double> chance = new LinkedHashMap<>();
        if (held.trials() == 0) {
            throw new EncoderException("subject " + held.subject() + ": expected held-out trials to score, found none");
        }
        if (targets.hasFeatures()) {
            List<String> candidates = held.stimuli().stream().distinct().toList();
            float[][] predicted = encoder.predict(held).toRows();
            for (int k : new int[] {1, 5}) {
                if (k <= candidates.size()) {
                    scores.put("top-" + k, Retrieval.topK(predicted, held.stimuli(), targets.features(), candidates, k));
                    chance.put("top-" + k, (double) k / candidates.size());
                }
            }
        }
        if (targets.hasClasses()) {
            float[][] p = probabilities != null ? probabilities : encoder.classProbabilities(held).toRows();
            int classes = targets.classNames().size();
            int[] truth = held.stimuli().stream().mapToInt(targets::classOf).toArray();
            scores.put("balanced accuracy", ClassMetrics.balancedAccuracy(truth, ClassMetrics.argmax(p), classes));
            chance.put("balanced accuracy", 1.0 / classes);
            if (classes == 2) {
                double[] second = new double[p.length];
                boolean[] positive = new boolean[p.length];
                for (int i = 0; i < p.length; i++) {
                    second[i] = p[i][1];
                    positive[i] = truth[i] == 1;
                }
                scores.put("AUC", ClassMetrics.auc(second, positive));
                chance.put("AUC", 0.5);
            }
        }
        return new Evaluation(held.subject(), held.trials(), java.util.Collections.unmodifiableMap(scores),
                java.util.Collections.unmodifiableMap(chance));
    }
}
