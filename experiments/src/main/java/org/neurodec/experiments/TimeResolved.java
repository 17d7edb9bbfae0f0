package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.neurodec.encoders.ClassMetrics;

/**
 * Time-resolved decoding of EEG epochs, as MNE's {@code SlidingEstimator} and
 * {@code GeneralizingEstimator}: the job's model (one that reads a trial matrix) is fitted, on each
 * split's training trials, to the channels at one time point and scored at that time point (the
 * time course) or at every time point (the train-time × test-time generalisation matrix). The score
 * is the AUC for two classes, else balanced accuracy, computed on each split's test trials and
 * averaged over the splits, as MNE's {@code cross_val_multiscore} reports it. A job asks for it with
 * {@code time_resolved: {generalize: false, decimate: 1}}.
 *
 * @param metric the score's name
 * @param chance its chance level
 * @param times the time of each point decoded, in seconds
 * @param scores the score at each time point
 * @param generalization scores[train time][test time], or null when not asked for
 */
public record TimeResolved(String metric, double chance, double[] times, double[] scores, double[][] generalization) {

    static final Set<String> KEYS = Set.of("generalize", "decimate");

    /**
     * Checks, before any work, what {@link #run} needs: its keys, EEG epochs, and a model that classifies
     * and accepts one time point's channels.
     */
    static void check(Job job, TrialData data, boolean classifies) {
        Job.Section section = job.root().section("time_resolved");
        section.only(KEYS);
        section.integer("decimate", 1, 1, 10_000);
        if (section.has("generalize")) {
            section.oneOf("generalize", List.of("true", "false"));
        }
        if (!classifies) {
            throw job.root().error("time_resolved", "a model that classifies", "'" + job.model().text("type") + "'");
        }
        if (data.epochs == null) {
            throw job.root().error("time_resolved", "EEG epochs to decode over time (data.eeg, or data.bids with modality eeg)",
                    "a trial matrix");
        }
        ModelTypes.create(job.model(), data.atTime(0));
    }

    /** Decodes {@code data}'s epochs over time with the job's model on {@code splits}, once {@link #check} has passed. */
    static TimeResolved run(Job job, TrialData data, List<CrossValidation.Split> splits, java.util.function.Consumer<String> log) {
        Job.Section section = job.root().section("time_resolved");
        boolean generalize = section.has("generalize") && section.oneOf("generalize", List.of("true", "false")).equals("true");
        int decimate = section.integer("decimate", 1, 1, 10_000);
        int samples = data.epochs[0][0].length;
        int[] points = IntStream.iterate(0, t -> t < samples, t -> t + decimate).toArray();
        int k = data.classes().size();
        String metric = k == 2 ? "AUC" : "balanced accuracy";
        double[] times = IntStream.of(points).mapToDouble(t -> data.tmin + t / data.sfreq).toArray();
        List<TrialData> slices = IntStream.of(points).mapToObj(data::atTime).toList();
        double[][] sums = new double[points.length][generalize ? points.length : 1];
        double[][] counts = new double[points.length][generalize ? points.length : 1];
        for (int s = 0; s < splits.size(); s++) {
            CrossValidation.Split split = splits.get(s);
            int[] truth = IntStream.of(split.test()).map(t -> data.classes().indexOf(data.labels.get(t))).toArray();
            double[][] rows = new double[points.length][];
            IntStream.range(0, points.length).parallel().forEach(a -> {
                JobModel model = ModelTypes.create(job.model(), slices.get(a));
                model.fit(slices.get(a), split.train());
                double[] row = new double[generalize ? points.length : 1];
                for (int b = 0; b < row.length; b++) {
                    row[b] = score(model.predict(slices.get(generalize ? b : a), split.test()), truth, k);
                }
                rows[a] = row;
            });
            for (int a = 0; a < points.length; a++) {
                for (int b = 0; b < rows[a].length; b++) {
                    if (!Double.isNaN(rows[a][b])) {
                        sums[a][b] += rows[a][b];
                        counts[a][b]++;
                    }
                }
            }
            log.accept("time-resolved: split " + (s + 1) + "/" + splits.size() + " done");
        }
        double[][] mean = new double[points.length][];
        for (int a = 0; a < points.length; a++) {
            mean[a] = new double[sums[a].length];
            for (int b = 0; b < mean[a].length; b++) {
                mean[a][b] = counts[a][b] == 0 ? Double.NaN : sums[a][b] / counts[a][b];
            }
        }
        double[] diagonal = new double[points.length];
        for (int a = 0; a < points.length; a++) {
            diagonal[a] = mean[a][generalize ? a : 0];
        }
        return new TimeResolved(metric, k == 2 ? 0.5 : 1.0 / k, times, diagonal, generalize ? mean : null);
    }

    /** AUC of the decision scores (two classes) or balanced accuracy of the predicted classes; NaN when undefined. */
    private static double score(double[][] predicted, int[] truth, int classes) {
        if (classes == 2) {
            return JobResult.auc(java.util.Arrays.stream(predicted).mapToDouble(p -> p[1]).toArray(), truth);
        }
        return ClassMetrics.balancedAccuracy(truth, java.util.Arrays.stream(predicted).mapToInt(p -> (int) p[0]).toArray(),
                classes);
    }

    /** For metrics.json: the times, the time course, the generalisation matrix (NaN as null). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", metric);
        m.put("chance", chance);
        m.put("times", times);
        m.put("scores", nullable(scores));
        if (generalization != null) {
            List<List<Double>> rows = new ArrayList<>();
            for (double[] row : generalization) {
                rows.add(nullable(row));
            }
            m.put("generalization", rows);
        }
        return m;
    }

    private static List<Double> nullable(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }
}
