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
        List<Prediction> predictions, List<Significance.Score> scores, Map<String, Object> model, TimeResolved timeResolved,
        Searchlight searchlight) {

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

    /**
     * Each split's value of every metric, computed on that split's test trials alone (NaN where a
     * split cannot define it, as an AUC on one class): for classes accuracy, balanced accuracy and,
     * for two classes, the AUC; for images the mean pixel correlation.
     */
    public Map<String, double[]> perSplitScores() {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        if (!classifies) {
            out.put(scores.get(0).metric(), perSplit());
            return out;
        }
        int k = data.classes().size();
        double[] accuracy = new double[splits.size()];
        double[] balanced = new double[splits.size()];
        double[] auc = new double[splits.size()];
        for (int s = 0; s < splits.size(); s++) {
            int split = s;
            List<Prediction> mine = predictions.stream().filter(p -> p.split() == split).toList();
            int[] truth = mine.stream().mapToInt(p -> data.classes().indexOf(data.labels.get(p.trial()))).toArray();
            int[] predicted = mine.stream().mapToInt(p -> (int) p.values()[0]).toArray();
            int correct = 0;
            for (int i = 0; i < truth.length; i++) {
                correct += truth[i] == predicted[i] ? 1 : 0;
            }
            accuracy[s] = truth.length == 0 ? Double.NaN : correct / (double) truth.length;
            balanced[s] = truth.length == 0 ? Double.NaN : org.neurodec.encoders.ClassMetrics.balancedAccuracy(truth, predicted, k);
            if (k == 2) {
                auc[s] = auc(mine.stream().mapToDouble(p -> p.values()[1]).toArray(), truth);
            }
        }
        out.put("accuracy", accuracy);
        out.put("balanced accuracy", balanced);
        if (k == 2) {
            out.put("AUC", auc);
        }
        return out;
    }

    /** The AUC of {@code scores} for class 1 against {@code truth} (class indices), NaN unless both classes occur. */
    static double auc(double[] scores, int[] truth) {
        boolean[] positive = new boolean[truth.length];
        boolean both = false;
        for (int i = 0; i < truth.length; i++) {
            positive[i] = truth[i] == 1;
            both |= positive[i] != positive[0];
        }
        return both ? org.neurodec.encoders.ClassMetrics.auc(scores, positive) : Double.NaN;
    }

    /**
     * When each split tests one group (leave-one-subject-out, leave-one-group-out), each group's
     * scores by metric, in split order; otherwise empty. Scores of different models are never pooled here.
     */
    public Map<String, Map<String, Double>> perGroup() {
        String type = job.protocol().text("type");
        if (!type.equals("leave-one-subject-out") && !type.equals("leave-one-group-out")) {
            return Map.of();
        }
        List<String> groups = type.equals("leave-one-subject-out") ? data.subjects : data.groups(job.protocol().text("group"));
        Map<String, double[]> bySplit = perSplitScores();
        Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
        for (int s = 0; s < splits.size(); s++) {
            Map<String, Double> row = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : bySplit.entrySet()) {
                row.put(e.getKey(), e.getValue()[s]);
            }
            out.put(groups.get(splits.get(s).test()[0]), row);
        }
        return out;
    }

    /** The mean over {@code groups} (from {@link #perGroup()}) of each metric, groups where it is undefined left out. */
    public static Map<String, Double> meanOverGroups(Map<String, Map<String, Double>> groups) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (groups.isEmpty()) {
            return out;
        }
        for (String metric : groups.values().iterator().next().keySet()) {
            out.put(metric, groups.values().stream().mapToDouble(m -> m.get(metric)).filter(v -> !Double.isNaN(v)).average()
                    .orElse(Double.NaN));
        }
        return out;
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
