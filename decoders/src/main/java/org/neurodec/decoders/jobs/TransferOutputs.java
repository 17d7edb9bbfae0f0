package org.neurodec.decoders.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.neurodec.decoders.DecoderException;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.ingest.IngestException;

/** The output folder of a transfer job: the table, the curves, the trained shared model and a report. */
final class TransferOutputs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TransferOutputs() {
    }

    static void write(TransferJob.Result r, Path folder, Map<String, Object> extra) {
        List<String> metrics = metricNames(r);
        try {
            AtomicFolder.write(folder, temporary -> {
                StringBuilder csv = new StringBuilder("calibration_trials,calibration_minutes,method,metric,value,chance\n");
                for (TransferJob.Row row : r.rows()) {
                    for (String m : metrics) {
                        if (row.scores().containsKey(m)) {
                            csv.append(row.trials()).append(',').append(TransferJob.format(row.minutes())).append(",\"")
                                    .append(row.method()).append("\",").append(m).append(',')
                                    .append(TransferJob.format(row.scores().get(m))).append(',')
                                    .append(TransferJob.format(row.chance().get(m))).append('\n');
                        }
                    }
                }
                Files.writeString(temporary.resolve("transfer.csv"), csv.toString());
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("job", r.name());
                json.put("rows", r.rows());
                Map<String, Object> training = new LinkedHashMap<>();
                training.put("metric", r.training().metric());
                training.put("best_epoch", r.training().bestEpoch() + 1);
                training.put("losses", r.training().losses());
                training.put("validation", r.training().validation());
                training.put("seconds", r.training().seconds());
                json.put("training", training);
                Map<String, Object> provenance = new LinkedHashMap<>(extra);
                provenance.put("inputs", r.inputs().stream().map(Inputs::describe).toList());
                provenance.put("job", r.job().tree());
                provenance.putAll(r.parameters());
                provenance.put("java", System.getProperty("java.version"));
                json.put("provenance", provenance);
                JSON.writeValue(temporary.resolve("metrics.json").toFile(), json);
                Path figures = Files.createDirectories(temporary.resolve("figures"));
                Map<String, byte[]> pngs = new LinkedHashMap<>();
                for (String m : metrics) {
                    if (m.startsWith("top-1") || m.equals("balanced accuracy")) {
                        String file = "transfer-" + m.replace(' ', '-') + ".png";
                        pngs.put(file, curve(r, m));
                        Files.write(figures.resolve(file), pngs.get(file));
                    }
                }
                pngs.put("learning-curve.png", learningCurve(r.training()));
                Files.write(figures.resolve("learning-curve.png"), pngs.get("learning-curve.png"));
                Files.createDirectories(temporary.resolve("models"));
                Files.move(r.modelFolder(), temporary.resolve("models/shared"), StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(temporary.resolve("report.html"), report(r, metrics, pngs, provenance));
            });
        } catch (IngestException e) {
            throw new DecoderException(folder + ": the transfer output could not be written: " + e.getMessage(), e);
        }
    }

    static List<String> metricNames(TransferJob.Result r) {
        List<String> names = new ArrayList<>();
        for (TransferJob.Row row : r.rows()) {
            row.scores().keySet().stream().filter(m -> !names.contains(m)).forEach(names::add);
        }
        return names;
    }

    private static byte[] curve(TransferJob.Result r, String metric) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(640).height(400).title(metric + " of the new subject")
                .xAxisTitle("calibration trials").yAxisTitle(metric).build();
        for (String method : TransferJob.METHODS) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (TransferJob.Row row : r.rows()) {
                if (row.method().equals(method) && row.scores().containsKey(metric)) {
                    x.add((double) row.trials());
                    y.add(row.scores().get(metric));
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(method, x, y);
            }
        }
        List<Double> x = new ArrayList<>();
        for (TransferJob.Row row : r.rows()) {
            if (!x.contains((double) row.trials())) {
                x.add((double) row.trials());
            }
        }
        double chance = r.rows().get(0).chance().getOrDefault(metric, 0.0);
        chart.addSeries("chance", x, java.util.Collections.nCopies(x.size(), chance));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** The shared encoder's training loss and validation score per epoch, on two y axes. */
    private static byte[] learningCurve(org.neurodec.encoders.TrainingReport training) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(640).height(400).title("shared encoder training")
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        List<Double> epochs = new ArrayList<>();
        for (int e = 1; e <= training.losses().size(); e++) {
            epochs.add((double) e);
        }
        chart.addSeries("training loss", epochs, training.losses());
        chart.addSeries("validation " + training.metric(), epochs, training.validation()).setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "validation " + training.metric());
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    private static String report(TransferJob.Result r, List<String> metrics, Map<String, byte[]> pngs,
            Map<String, Object> provenance) {
        List<String> header = new ArrayList<>(List.of("trials", "minutes", "method"));
        metrics.forEach(m -> header.add(m + " (chance " + TransferJob.format(r.rows().get(0).chance().getOrDefault(m, 0.0)) + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (TransferJob.Row row : r.rows()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(row.trials()), String.format(java.util.Locale.ROOT, "%.1f",
                    row.minutes()), row.method()));
            metrics.forEach(m -> cells.add(row.scores().containsKey(m) ? TransferJob.format(row.scores().get(m)) : "–"));
            rows.add(cells);
        }
        return new Page(r.name()).paragraph("A new subject decoded from few calibration trials: a decoder of that subject"
                + " alone, the frozen shared encoder with a new adapter, and the shared encoder fine-tuned on the same trials.")
                .heading("Scores on the new subject's test trials").table(header, rows)
                .note("Shared encoder: best validation " + r.training().metric() + " "
                        + TransferJob.format(r.training().validation().get(r.training().bestEpoch())) + " at epoch "
                        + (r.training().bestEpoch() + 1) + " of " + r.training().losses().size() + " ("
                        + String.format(java.util.Locale.ROOT, "%.0f", r.training().seconds()) + " s).")
                .heading("Figures").figures(pngs).provenance(provenance).end();
    }
}
