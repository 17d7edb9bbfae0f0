package org.neurodec.experiments;

import java.util.List;
import java.util.Map;
import org.neurodec.decoders.stats.Significance;

/**
 * What a job computed: each split's test predictions, the scores of the pooled predictions and the
 * final model's parameters.
 *
 * @param job the job
 * @param data its trials
 * @param classifies whether predictions are classes (else images)
 * @param splits the protocol's splits
 * @param predictions every test prediction, split by split
 * @param scores each metric with chance, interval and p-value
 * @param model the final model's parameters
 */
public record JobResult(Job job, TrialData data, boolean classifies, List<CrossValidation.Split> splits,
        List<Prediction> predictions, List<Significance.Score> scores, Map<String, Object> model) {

    /**
     * One test prediction: a class index and decision score, or an image.
     *
     * @param split the split it came from
     * @param trial the trial's index in the data
     * @param values {class, score} or the reconstructed pixels
     */
    public record Prediction(int split, int trial, double[] values) {
    }

    /** The score of the metric named {@code name}. */
    public Significance.Score score(String name) {
        return scores.stream().filter(s -> s.metric().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric " + name + " in " + scores));
    }

    /** Each split's value of the first metric, computed on that split's test trials alone. */
    public double[] perSplit() {
        double[] out = new double[splits.size()];
        int[] counts = new int[splits.size()];
        List<String> classes = data.classes();
        for (Prediction p : predictions) {
            double v;
            if (classifies) {
                v = classes.get((int) p.values()[0]).equals(data.labels.get(p.trial())) ? 1 : 0;
            } else {
                v = org.neurodec.decoders.stats.Metrics.pearson(p.values(), data.images[p.trial()]);
            }
            out[p.split()] += v;
            counts[p.split()]++;
        }
        for (int s = 0; s < out.length; s++) {
            out[s] /= counts[s];
        }
        return out;
    }
}
