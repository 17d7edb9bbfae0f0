package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.neurodec.decoders.stats.Metrics;
import org.neurodec.decoders.stats.Significance;
import org.neurodec.encoders.Targets;
import org.neurodec.subjects.TrialSet;

/**
 * One way of scoring any decoder of a new subject's test trials, whatever made the predictions:
 * top-1 and top-5 retrieval of the predicted features among the test stimuli (overall and within
 * each stimulus group, for example images and words), the balanced accuracy of predicted classes and,
 * for two classes, the AUC. Each score comes with its chance level, a bootstrap 95 % interval and a
 * permutation p-value ({@link Metrics}).
 */
final class TransferScores {

    final Map<String, Significance.Score> scores = new LinkedHashMap<>();
    private final int resamples;
    private final long seed;

    private TransferScores(int resamples, long seed) {
        this.resamples = resamples;
        this.seed = seed;
    }

    /**
     * Scores {@code predicted} features (trials × features, or null) and {@code classes} (class indices,
     * or null; with {@code second}, each trial's score for the second class, for the AUC of two
     * classes) for {@code test}; {@code groups} maps stimulus ids to a group name (may be empty).
     */
    static TransferScores of(Targets targets, TrialSet test, float[][] predicted, int[] classes, double[] second,
            Map<String, String> groups, int resamples, long seed) {
        TransferScores out = new TransferScores(resamples, seed);
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
            out.scores.put("balanced accuracy", Metrics.balancedAccuracy(truth, classes, k, resamples, seed));
            if (k == 2 && second != null) {
                boolean[] positive = new boolean[truth.length];
                for (int i = 0; i < truth.length; i++) {
                    positive[i] = truth[i] == 1;
                }
                out.scores.put("AUC", Metrics.auc(second, positive, resamples, seed));
            }
        }
        return out;
    }

    private void retrieval(String suffix, float[][] predicted, List<String> truth, Targets targets) {
        List<String> candidates = truth.stream().distinct().toList();
        double[][] bank = new double[candidates.size()][];
        for (int c = 0; c < bank.length; c++) {
            bank[c] = toDouble(targets.features().get(candidates.get(c)));
        }
        double[][] p = new double[predicted.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = toDouble(predicted[i]);
        }
        int[] index = truth.stream().mapToInt(candidates::indexOf).toArray();
        for (int k : new int[] {1, 5}) {
            if (k < candidates.size()) {
                scores.put("top-" + k + suffix, Metrics.topK(p, bank, index, k, resamples, seed));
            }
        }
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
