package org.neurodec.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurodec.decoders.DecoderException;
import org.neurodec.decoders.reconstruct.ImageGrid;
import org.neurodec.decoders.stats.Significance;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.OutputTarget;
import org.neurodec.Provenance;

/**
 * Writes a job's output folder: {@code predictions.csv}, {@code metrics.json} (values, intervals,
 * chance, p-values, per-split values and provenance, a {@link Provenance} record), {@code models/model.json}, {@code figures/}
 * (PNG), for reconstructions each decoded image in {@code reconstructions/}, and {@code report.html} (one self-contained page), all through {@link AtomicFolder}, so an
 * interrupted job leaves the previous output (or none) and a rerun finishes cleanly; a folder that
 * holds one of the job's inputs is refused.
 */
public final class JobOutputs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JobOutputs() {
    }

    /** Refuses an output folder that is, holds, or lies inside one of a job's inputs, compared by real path. */
    public static void refuseOverInputs(Path folder, List<Path> inputs) {
        try {
            OutputTarget.refuseOverInputs("--out", folder, inputs);
        } catch (IngestException e) {
            throw new DecoderException(e.getMessage() + " (a job never writes over its inputs)", e);
        }
    }

    /** Writes {@code result} to {@code folder}, replacing an earlier output there; {@code extra} is recorded as provenance. */
    public static void write(JobResult result, Path folder, Provenance command) {
        List<Path> inputs = new ArrayList<>(result.data().inputs);
        inputs.add(result.job().file());
        refuseOverInputs(folder, inputs);
        try {
            AtomicFolder.write(folder, "run", temporary -> {
                Files.writeString(temporary.resolve("predictions.csv"), predictions(result));
                Map<String, Object> metrics = metrics(result, command);
                JSON.writeValue(temporary.resolve("metrics.json").toFile(), metrics);
                Files.createDirectories(temporary.resolve("models"));
                JSON.writeValue(temporary.resolve("models/model.json").toFile(), result.model());
                if (result.searchlight() != null) {
                    result.searchlight().write(temporary.resolve("searchlight.nii.gz"));
                }
                Path figures = Files.createDirectories(temporary.resolve("figures"));
                Map<String, byte[]> pngs = new LinkedHashMap<>(Figures.of(result));
                if (!result.classifies()) {
                    pngs.put("reconstructions.png", reconstructions(result, figures.resolve("reconstructions.png")));
                    for (JobResult.Prediction p : result.predictions()) {
                        ImageGrid.write(temporary.resolve(String.format(java.util.Locale.ROOT, "reconstructions/split%d-trial%d.png",
                                p.split() + 1, p.trial())), new double[][][] {{p.values()}}, result.data().width,
                                result.data().height, 4);
                    }
                }
                for (Map.Entry<String, byte[]> f : pngs.entrySet()) {
                    Files.write(figures.resolve(f.getKey()), f.getValue());
                }
                Files.writeString(temporary.resolve("report.html"), Report.html(result, metrics, pngs));
            });
        } catch (IngestException e) {
            throw new DecoderException(folder + ": the job's output could not be written: " + e.getMessage(), e);
        }
    }

    private static String predictions(JobResult r) {
        StringBuilder csv = new StringBuilder(r.classifies() ? "split,trial,subject,source,truth,predicted,score\n"
                : "split,trial,subject,source,truth,pixel_correlation,mse\n");
        List<String> classes = r.data().classes();
        for (JobResult.Prediction p : r.predictions()) {
            csv.append(p.split() + 1).append(',').append(p.trial()).append(',').append(r.data().subjects.get(p.trial())).append(',')
                    .append(r.data().sources.get(p.trial()))
                    .append(',').append(r.data().labels.get(p.trial())).append(',');
            if (r.classifies()) {
                csv.append(classes.get((int) p.values()[0])).append(',')
                        .append(String.format(Locale.ROOT, "%.6g", p.values()[1]));
            } else {
                double[] truth = r.data().images[p.trial()];
                csv.append(String.format(Locale.ROOT, "%.6f,%.6f", org.neurodec.decoders.stats.Metrics.pearson(p.values(), truth),
                        org.neurodec.decoders.stats.Metrics.squaredError(p.values(), truth)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static Map<String, Object> metrics(JobResult r, Provenance command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", r.job().name());
        m.put("trials", r.data().size());
        m.put("classes", r.data().classes());
        m.put("splits", r.splits().size());
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Significance.Score s : r.scores()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("metric", s.metric());
            e.put("value", s.value());
            e.put("ci95", List.of(s.low(), s.high()));
            e.put("chance", s.chance());
            e.put("p_value", s.pValue());
            e.put("test_predictions", s.trials());
            scores.add(e);
        }
        m.put("metrics", scores);
        Map<String, List<Double>> perSplit = new LinkedHashMap<>();
        r.perSplitScores().forEach((metric, values) -> perSplit.put(metric, finite(values)));
        m.put("per_split", perSplit);
        Map<String, Map<String, Double>> byGroup = r.perGroup();
        if (!byGroup.isEmpty()) {
            Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
            byGroup.forEach((group, row) -> {
                Map<String, Double> clean = new LinkedHashMap<>();
                row.forEach((metric, v) -> clean.put(metric, Double.isNaN(v) ? null : v));
                groups.put(group, clean);
            });
            m.put("per_group", groups);
            Map<String, Double> mean = new LinkedHashMap<>();
            JobResult.meanOverGroups(byGroup).forEach((metric, v) -> mean.put(metric, Double.isNaN(v) ? null : v));
            m.put("mean_over_groups", mean);
        }
        if (r.timeResolved() != null) {
            m.put("time_resolved", r.timeResolved().toMap());
        }
        if (r.searchlight() != null) {
            m.put("searchlight", r.searchlight().summary());
        }
        m.put("method", "value: the metric of all test predictions pooled over the splits (for accuracy, the mean of the"
                + " splits' accuracies when they test equally many trials); ci95: percentile bootstrap of those predictions;"
                + " p_value: their pairing with the truth permuted (the model is not refitted); per_split: every metric on"
                + " each split's test trials alone; per_group and mean_over_groups (when each split tests one subject or"
                + " group): each group's scores and their mean, the figures to report for leave-one-subject-out, where a"
                + " pooled AUC would mix the scores of different models");
        m.put("provenance", command.withInput("job", r.job().file()).withInputs("data", r.data().inputs)
                .with("job", r.job().tree()).with("bootstrap_resamples", r.job().resamples())
                .withSeed("bootstrap and permutations", r.job().metricSeed()).toMap());
        return m;
    }

    /** The values with NaN (undefined on a split) as null, which JSON can hold. */
    private static List<Double> finite(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }

    private static byte[] reconstructions(JobResult r, Path file) throws IOException {
        List<JobResult.Prediction> shown = r.predictions().stream().filter(p -> p.split() == 0).limit(12).toList();
        double[][] seen = shown.stream().map(p -> r.data().images[p.trial()]).toArray(double[][]::new);
        double[][] decoded = shown.stream().map(JobResult.Prediction::values).toArray(double[][]::new);
        ImageGrid.write(file, new double[][][] {seen, decoded}, r.data().width, r.data().height, 4);
        return Files.readAllBytes(file);
    }
}
