package org.neurodec.decoders.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.neurodec.encoders.ClassMetrics;
import org.neurodec.encoders.Retrieval;
import org.neurodec.encoders.Targets;
import org.neurodec.subjects.TrialSet;

/**
 * One way of scoring any decoder of a new subject's test trials, whatever made the predictions:
 * top-1 and top-5 retrieval of the predicted features among the test stimuli (overall and within
 * each stimulus group, for example images and words), and the balanced accuracy of predicted classes.
 * Each score comes with its chance level.
 */
final class TransferScores {

    final Map<String, Double> scores = new LinkedHashMap<>();
    final Map<String, Double> chance = new LinkedHashMap<>();

    /**
     * Scores {@code predicted} features (trials × features, or null) and {@code classes} (class indices,
     * or null; with {@code second}, each trial's score for the second class, for the AUC of two
     * classes) for {@code test}; {@code groups} maps stimulus ids to a group name (may be empty).
     */
    static TransferScores of(Targets targets, TrialSet test, float[][] predicted, int[] classes, double[] second,
            Map<String, String> groups) {
        TransferScores out = new TransferScores();
        if (predicted != null && targets.hasFeatures()) {
            out.retrieval("", predicted, test.stimuli(), targets);
            for (String group : groups.values().stream().distinct().sorted().toList()) {
                int[] rows = IntStream.range(0, test.trials()).filter(t -> group.equals(groups.get(test.stimuli().get(t))))
                        .toArray();
                if (rows.length > 0) {
                    float[][] p = new float[rows.length][];
                    List<String> truth = new ArrayList<>();
                    for (int i = 0; i < rows.length; i++) {
                        p[i] = predicted[rows[i]];
                        truth.add(test.stimuli().get(rows[i]));
                    }
                    out.retrieval(" " + group, p, truth, targets);
                }
            }
        }
        if (classes != null && targets.hasClasses()) {
            int[] truth = test.stimuli().stream().mapToInt(targets::classOf).toArray();
            int k = targets.classNames().size();
            out.scores.put("balanced accuracy", ClassMetrics.balancedAccuracy(truth, classes, k));
            out.chance.put("balanced accuracy", 1.0 / k);
            if (k == 2 && second != null) {
                boolean[] positive = new boolean[truth.length];
                for (int i = 0; i < truth.length; i++) {
                    positive[i] = truth[i] == 1;
                }
                out.scores.put("AUC", ClassMetrics.auc(second, positive));
                out.chance.put("AUC", 0.5);
            }
        }
        return out;
    }

    private void retrieval(String suffix, float[][] predicted, List<String> truth, Targets targets) {
        List<String> candidates = truth.stream().distinct().toList();
        for (int k : new int[] {1, 5}) {
            if (k < candidates.size()) {
                scores.put("top-" + k + suffix, Retrieval.topK(predicted, truth, targets.features(), candidates, k));
                chance.put("top-" + k + suffix, (double) k / candidates.size());
            }
        }
    }
}
