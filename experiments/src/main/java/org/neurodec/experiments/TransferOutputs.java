package org.neurodec.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.neurodec.decoders.DecoderException;
import org.neurodec.encoders.TrainingReport;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.ingest.IngestException;
import org.neurodec.Provenance;

/**
 * The output folder of a transfer job: the table ({@code transfer.csv}, with the mean over new
 * subjects when there are several), each row's test trials ({@code test_trials.csv}: subject,
 * calibration entry, calibration trials, the trial's position among the subject's trials, its
 * stimulus), the curves of each metric against calibration, each shared
 * model's learning curve, the trained models and a report.
 */
final class TransferOutputs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TransferOutputs() {
    }

    static void write(TransferJob.Result r, Path folder, Provenance command) {
        List<String> metrics = metricNames(r.rows());
        List<TransferJob.Row> table = withMeans(r.rows());
        try {
            AtomicFolder.write(folder, "transfer", temporary -> {
                StringBuilder csv = new StringBuilder("subject,calibration,calibration_trials,calibration_minutes,method,metric,"
                        + "value,ci95_low,ci95_high,chance,p_value\n");
                for (TransferJob.Row row : table) {
                    for (String m : metrics) {
                        if (row.scores().containsKey(m)) {
                            csv.append(row.subject()).append(',').append(row.calibration()).append(',').append(row.trials())
                                    .append(',').append(TransferJob.format(row.minutes())).append(",\"").append(row.method())
                                    .append("\",").append(m).append(',').append(TransferJob.format(row.scores().get(m)))
                                    .append(',').append(interval(row, m, 0)).append(',').append(interval(row, m, 1))
                                    .append(',').append(TransferJob.format(row.chance().get(m))).append(',')
                                    .append(row.pValues().containsKey(m) ? TransferJob.format(row.pValues().get(m)) : "")
                                    .append('\n');
                        }
                    }
                }
                Files.writeString(temporary.resolve("transfer.csv"), csv.toString());
                StringBuilder tested = new StringBuilder("subject,calibration,calibration_trials,trial,stimulus\n");
                for (TransferJob.TestTrials t : r.testTrials()) {
                    for (int i = 0; i < t.test().length; i++) {
                        tested.append(t.subject()).append(',').append(t.calibration()).append(',').append(t.trials()).append(',')
                                .append(t.test()[i]).append(",\"").append(t.stimuli().get(i).replace("\"", "\"\"")).append("\"\n");
                    }
                }
                Files.writeString(temporary.resolve("test_trials.csv"), tested.toString());
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("job", r.name());
                json.put("rows", table);
                Map<String, Object> trainings = new LinkedHashMap<>();
                r.trainings().forEach((subject, t) -> trainings.put(subject, org.neurodec.Ordered.map("metric", t.metric(), "best_epoch",
                        t.bestEpoch() + 1, "losses", t.losses(), "validation", t.validation(), "seconds", t.seconds(),
                        "interference", interference(t))));
                json.put("training", trainings);
                Map<String, Object> provenance = command.withInputs(r.inputs()).with("job", r.job().tree())
                        .withAll(r.parameters()).toMap();
                json.put("provenance", provenance);
                JSON.writeValue(temporary.resolve("metrics.json").toFile(), json);
                Path figures = Files.createDirectories(temporary.resolve("figures"));
                Map<String, byte[]> pngs = new LinkedHashMap<>();
                List<TransferJob.Row> curves = r.trainings().size() > 1
                        ? table.stream().filter(row -> row.subject().equals("mean")).toList() : table;
                for (String m : metrics) {
                    if (m.startsWith("top-1") || m.equals("balanced accuracy") || m.equals("AUC")) {
                        pngs.put("transfer-" + m.replace(' ', '-') + ".png", curve(curves, m, r.trainings().size() > 1));
                    }
                }
                pngs.put("learning-curve.png", learningCurve(r.trainings()));
                for (Map.Entry<String, byte[]> f : pngs.entrySet()) {
                    Files.write(figures.resolve(f.getKey()), f.getValue());
                }
                Files.createDirectories(temporary.resolve("models"));
                for (Map.Entry<String, Path> m : r.models().entrySet()) {
                    String name = r.models().size() == 1 ? "shared" : "shared-without-" + m.getKey();
                    Files.move(m.getValue(), temporary.resolve("models").resolve(name), StandardCopyOption.ATOMIC_MOVE);
                }
                Files.writeString(temporary.resolve("report.html"), report(r, table, metrics, pngs, provenance));
            });
        } catch (IngestException e) {
            throw new DecoderException(folder + ": the transfer output could not be written: " + e.getMessage(), e);
        }
    }

    private static String interval(TransferJob.Row row, String metric, int end) {
        List<Double> ci = row.ci95().get(metric);
        return ci != null && ci.size() == 2 ? TransferJob.format(ci.get(end)) : "";
    }

    /** Every metric in the rows, in the order they first appear. */
    static List<String> metricNames(List<TransferJob.Row> rows) {
        List<String> names = new ArrayList<>();
        for (TransferJob.Row row : rows) {
            row.scores().keySet().stream().filter(m -> !names.contains(m)).forEach(names::add);
        }
        return names;
    }

    /** The rows, followed (with more than one new subject) by their mean per calibration entry and method. */
    static List<TransferJob.Row> withMeans(List<TransferJob.Row> rows) {
        List<String> subjects = rows.stream().map(TransferJob.Row::subject).distinct().toList();
        List<TransferJob.Row> out = new ArrayList<>(rows);
        if (subjects.size() < 2) {
            return out;
        }
        Map<String, List<TransferJob.Row>> groups = new LinkedHashMap<>();
        for (TransferJob.Row row : rows) {
            groups.computeIfAbsent(row.calibration() + "|" + row.method(), k -> new ArrayList<>()).add(row);
        }
        for (List<TransferJob.Row> group : groups.values()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            Map<String, Double> chance = new LinkedHashMap<>();
            Map<String, List<Double>> intervals = new LinkedHashMap<>();
            for (String m : metricNames(group)) {
                double[] values = group.stream().mapToDouble(g -> g.scores().getOrDefault(m, Double.NaN)).toArray();
                scores.put(m, java.util.Arrays.stream(values).average().orElse(Double.NaN));
                chance.put(m, group.stream().mapToDouble(g -> g.chance().getOrDefault(m, Double.NaN)).average().orElse(Double.NaN));
                intervals.put(m, subjectBootstrap(values));
            }
            TransferJob.Row first = group.get(0);
            out.add(new TransferJob.Row("mean", first.calibration(), (int) Math.round(group.stream()
                    .mapToInt(TransferJob.Row::trials).average().orElse(0)), group.stream().mapToDouble(TransferJob.Row::minutes)
                    .average().orElse(Double.NaN), first.method(), scores, chance, intervals, Map.of()));
        }
        return out;
    }

    /**
     * The 95 % percentile interval of the mean over new subjects, from 2000 resamples of the subjects
     * with replacement (seed 0: the same table gives the same interval).
     */
    static List<Double> subjectBootstrap(double[] values) {
        if (values.length < 2 || java.util.Arrays.stream(values).anyMatch(v -> !Double.isFinite(v))) {
            return List.of();
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(0);
        double[] means = new double[2000];
        for (int b = 0; b < means.length; b++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[b] = sum / values.length;
        }
        java.util.Arrays.sort(means);
        return List.of(means[(int) Math.floor(0.025 * (means.length - 1))], means[(int) Math.ceil(0.975 * (means.length - 1))]);
    }

    private static byte[] curve(List<TransferJob.Row> rows, String metric, boolean mean) throws IOException {
        System.setProperty("java.awt.headless", "true");
        boolean fractions = rows.stream().anyMatch(r -> r.calibration() < 1);
        XYChart chart = new XYChartBuilder().width(640).height(400)
                .title(metric + (mean ? " of the new subjects (mean)" : " of the new subject"))
                .xAxisTitle(fractions ? "calibration (fraction of the subject's trials)" : "calibration trials").yAxisTitle(metric)
                .build();
        List<Double> xs = new ArrayList<>();
        for (String method : rows.stream().map(TransferJob.Row::method).distinct().toList()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (TransferJob.Row row : rows) {
                if (row.method().equals(method) && row.scores().containsKey(metric)) {
                    x.add(row.calibration());
                    y.add(row.scores().get(metric));
                    if (!xs.contains(row.calibration())) {
                        xs.add(row.calibration());
                    }
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(method, x, y);
            }
        }
        double chance = rows.get(0).chance().getOrDefault(metric, 0.0);
        chart.addSeries("chance", xs, java.util.Collections.nCopies(xs.size(), chance));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * How much the training subjects pulled the backbone in different directions: over every epoch's
     * first batch (the subjects that batch holds), the mean pairwise cosine of their backbone gradients
     * and the share of pairs whose gradients conflict (negative cosine).
     */
    static Map<String, Object> interference(TrainingReport t) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<double[][]> all = t.conflicts().stream().filter(m -> m != null && m.length > 1).toList();
        if (all.isEmpty()) {
            out.put("measured", false);
            return out;
        }
        double sum = 0;
        long pairs = 0;
        long negative = 0;
        for (double[][] m : all) {
            for (int i = 0; i < m.length; i++) {
                for (int j = i + 1; j < m.length; j++) {
                    if (Double.isFinite(m[i][j])) {
                        sum += m[i][j];
                        pairs++;
                        negative += m[i][j] < 0 ? 1 : 0;
                    }
                }
            }
        }
        out.put("measured", true);
        out.put("epochs", all.size());
        out.put("mean_cosine", pairs == 0 ? Double.NaN : sum / pairs);
        out.put("conflicting_fraction", pairs == 0 ? Double.NaN : negative / (double) pairs);
        return out;
    }

    /** Each shared model's training loss and validation score per epoch, on two y axes. */
    static byte[] learningCurve(Map<String, TrainingReport> trainings) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(640).height(400).title("shared encoder training")
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        String metric = trainings.values().iterator().next().metric();
        for (Map.Entry<String, TrainingReport> t : trainings.entrySet()) {
            String suffix = trainings.size() > 1 ? " (without " + t.getKey() + ")" : "";
            List<Double> epochs = new ArrayList<>();
            for (int e = 1; e <= t.getValue().losses().size(); e++) {
                epochs.add((double) e);
            }
            chart.addSeries("training loss" + suffix, epochs, t.getValue().losses());
            chart.addSeries("validation " + metric + suffix, epochs, t.getValue().validation()).setYAxisGroup(1);
        }
        chart.setYAxisGroupTitle(1, "validation " + metric);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    private static String report(TransferJob.Result r, List<TransferJob.Row> table, List<String> metrics, Map<String, byte[]> pngs,
            Map<String, Object> provenance) {
        List<String> header = new ArrayList<>(List.of("subject", "trials", "minutes", "method"));
        metrics.forEach(m -> header.add(m + " (chance " + TransferJob.format(table.get(0).chance().getOrDefault(m, 0.0)) + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (TransferJob.Row row : table) {
            List<String> cells = new ArrayList<>(List.of(row.subject(), String.valueOf(row.trials()),
                    String.format(Locale.ROOT, "%.1f", row.minutes()), row.method()));
            metrics.forEach(m -> cells.add(!row.scores().containsKey(m) ? "–" : TransferJob.format(row.scores().get(m))
                    + (row.ci95().containsKey(m) && row.ci95().get(m).size() == 2 ? " [" + String.format(Locale.ROOT, "%.2f–%.2f", row.ci95().get(m).get(0),
                    row.ci95().get(m).get(1)) + "]" : "")));
            rows.add(cells);
        }
        StringBuilder conflicts = new StringBuilder();
        r.trainings().forEach((subject, t) -> {
            Map<String, Object> i = interference(t);
            if (Boolean.TRUE.equals(i.get("measured"))) {
                conflicts.append(String.format(java.util.Locale.ROOT, "%s%.3f (%.0f %% of pairs conflicting)",
                        conflicts.length() == 0 ? "Subject interference (mean cosine of the training subjects' backbone gradients): "
                                : "; ", (Double) i.get("mean_cosine"), 100 * (Double) i.get("conflicting_fraction")))
                        .append(r.trainings().size() > 1 ? " without " + subject : "");
            }
        });
        StringBuilder training = new StringBuilder("Shared encoder: best validation ");
        r.trainings().forEach((subject, t) -> training.append(t.metric()).append(' ')
                .append(TransferJob.format(t.validation().get(t.bestEpoch()))).append(" at epoch ").append(t.bestEpoch() + 1)
                .append(" of ").append(t.losses().size()).append(r.trainings().size() > 1 ? " (without " + subject + "); " : "."));
        return new Page(r.name()).paragraph("A new subject decoded from few calibration trials: a decoder of that subject"
                + " alone, the frozen shared encoder with a new adapter, and the shared encoder fine-tuned on the same trials.")
                .heading("Scores on the new subject's test trials").table(header, rows).note(training.toString())
                .note(conflicts.length() == 0 ? "Subject interference: not measured (one training subject)."
                        : conflicts.toString())
                .heading("Figures").figures(pngs).provenance(provenance).end();
    }
}
