package org.neurodec.experiments;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.neurodec.decoders.DecoderException;
import org.neurodec.decoders.stats.Significance;
import org.neurodec.encoders.ClassMetrics;
import org.neurodec.encoders.EncoderConfig;
import org.neurodec.encoders.ModelFolder;
import org.neurodec.encoders.SharedEncoder;
import org.neurodec.encoders.Targets;
import org.neurodec.encoders.TrainingReport;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.ingest.IngestException;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;
import org.neurodec.Provenance;

/**
 * A {@code run} job whose model is the shared encoder ({@code model.type: shared-encoder}, with the
 * encoder options of a transfer job): trained on the {@code subjects} listed (all with data when
 * none are), with the {@code stimulus-split} protocol (test stimuli never trained on; by trial when
 * there are classes only). Each subject's test trials are decoded; the output folder gets
 * {@code predictions.csv} (subject, trial, truth, the five nearest candidates with their cosine
 * similarity, the predicted class with its probability), {@code metrics.json} (each subject's scores
 * with intervals, chance and p-values), {@code models/shared}, figures and a report.
 */
public final class EncoderJob {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EncoderJob() {
    }

    /** Runs {@code job} and writes its outputs to {@code folder}; returns each subject's scores by metric. */
    public static Map<String, Map<String, Significance.Score>> run(Job job, Path folder, Provenance command,
            Consumer<String> log) {
        Job.Section root = job.root();
        EncoderData data = new EncoderData(root);
        EncoderConfig config = TransferJob.config(job.model());
        Device device = SharedEncoder.device(job.model().has("device") ? job.model().text("device") : "auto");
        Job.Section p = job.protocol();
        p.only(Set.of("type", "test_fraction", "validation_fraction", "seed"));
        double testFraction = p.number("test_fraction", 0.2, 0, 1);
        double validationFraction = p.number("validation_fraction", 0.1, 0, 1);
        long seed = p.integer("seed", 42, 0, Integer.MAX_VALUE);
        List<String> ids = root.has("subjects") ? root.texts("subjects") : data.subjects();
        List<Map.Entry<TrialSet, Subject>> loaded = new ArrayList<>();
        List<String> stimuli = new ArrayList<>();
        for (String id : ids) {
            loaded.add(data.load(id, log));
            stimuli.addAll(loaded.get(loaded.size() - 1).getKey().stimuli());
        }
        Targets targets = data.targets(stimuli);
        SharedEncoderWorkflow.Cohort cohort = SharedEncoderWorkflow.Cohort.of(loaded, targets, testFraction, validationFraction,
                seed, log);
        TrialSplits splits = cohort.splits();
        Map<String, String> groups = data.groups();
        Map<String, Map<String, Significance.Score>> scores = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("subject,trial,truth,top1,score1,top2,score2,top3,score3,top4,score4,top5,score5,"
                + "predicted_class,class_probability\n");
        TrainingReport training;
        log.accept("training the shared encoder on " + ids);
        try (SharedEncoderWorkflow.Trained trained = SharedEncoderWorkflow.train(cohort, config, device, log)) {
            SharedEncoder encoder = trained.encoder();
            training = trained.report();
            for (TrialSet subject : cohort.trials()) {
                int[] rows = splits.rows(subject, "test");
                TrialSet test = subject.select(rows);
                if (test.trials() == 0) {
                    continue;
                }
                float[][] predicted = targets.hasFeatures() ? encoder.predict(test).toRows() : null;
                float[][] probabilities = targets.hasClasses() ? encoder.classProbabilities(test).toRows() : null;
                int[] classes = probabilities == null ? null : ClassMetrics.argmax(probabilities);
                double[] second = probabilities == null || probabilities[0].length != 2 ? null
                        : java.util.Arrays.stream(probabilities).mapToDouble(r -> r[1]).toArray();
                scores.put(subject.subject(), TransferScores.of(targets, test, predicted, classes, second, groups,
                        job.resamples(), job.metricSeed()).scores);
                List<String> candidates = test.stimuli().stream().distinct().toList();
                for (int i = 0; i < test.trials(); i++) {
                    csv.append(subject.subject()).append(',').append(rows[i]).append(',').append(test.stimuli().get(i));
                    List<Map.Entry<String, Double>> nearest = predicted == null ? List.of()
                            : nearest(predicted[i], candidates, targets, 5);
                    for (int k = 0; k < 5; k++) {
                        csv.append(',').append(k < nearest.size() ? nearest.get(k).getKey() : "").append(',')
                                .append(k < nearest.size() ? String.format(Locale.ROOT, "%.5f", nearest.get(k).getValue()) : "");
                    }
                    csv.append(',').append(classes == null ? "" : targets.classNames().get(classes[i])).append(',')
                            .append(classes == null ? "" : String.format(Locale.ROOT, "%.5f", probabilities[i][classes[i]]))
                            .append('\n');
                }
            }
            write(job, folder, encoder, csv.toString(), scores, training, data, command);
        }
        return scores;
    }

    private static List<Map.Entry<String, Double>> nearest(float[] prediction, List<String> candidates, Targets targets, int k) {
        List<Map.Entry<String, Double>> all = new ArrayList<>();
        for (String c : candidates) {
            float[] f = targets.features().get(c);
            double dot = 0;
            double a = 0;
            double b = 0;
            for (int j = 0; j < f.length; j++) {
                dot += prediction[j] * f[j];
                a += prediction[j] * prediction[j];
                b += f[j] * f[j];
            }
            all.add(Map.entry(c, dot / Math.sqrt(a * b)));
        }
        all.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        return all.subList(0, Math.min(k, all.size()));
    }

    private static void write(Job job, Path folder, SharedEncoder encoder, String predictions,
            Map<String, Map<String, Significance.Score>> scores, TrainingReport training, EncoderData data,
            Provenance command) {
        JobOutputs.refuseOverInputs(folder, data.inputs());
        Map<String, Object> provenance = command.withInputs(data.roles()).with("job", job.tree())
                .with("source", data.source.provenance()).toMap();
        try {
            AtomicFolder.write(folder, "run", temporary -> {
                Files.writeString(temporary.resolve("predictions.csv"), predictions);
                Map<String, Object> metrics = new LinkedHashMap<>();
                metrics.put("job", job.name());
                metrics.put("subjects", scores);
                metrics.put("training", Map.of("metric", training.metric(), "best_epoch", training.bestEpoch() + 1, "losses",
                        training.losses(), "validation", training.validation(), "seconds", training.seconds()));
                metrics.put("provenance", provenance);
                JSON.writeValue(temporary.resolve("metrics.json").toFile(), metrics);
                ModelFolder.save(encoder, temporary.resolve("models/shared"), provenance);
                Path figures = Files.createDirectories(temporary.resolve("figures"));
                Map<String, byte[]> pngs = new LinkedHashMap<>();
                pngs.put("learning-curve.png", TransferOutputs.learningCurve(Map.of("all", training)));
                String first = scores.values().iterator().next().keySet().iterator().next();
                double[] perSubject = scores.values().stream().mapToDouble(m -> m.get(first).value()).toArray();
                pngs.put("per-subject.png", Figures.bars(perSubject, first + " per subject (" + String.join(", ", scores.keySet())
                        + ")", "subject", first, scores.values().iterator().next().get(first).chance()));
                for (Map.Entry<String, byte[]> f : pngs.entrySet()) {
                    Files.write(figures.resolve(f.getKey()), f.getValue());
                }
                List<String> header = new ArrayList<>(List.of("subject"));
                List<String> names = new ArrayList<>(scores.values().iterator().next().keySet());
                names.forEach(n -> header.add(n + " (chance " + Report.f(scores.values().iterator().next().get(n).chance()) + ")"));
                List<List<String>> rows = new ArrayList<>();
                scores.forEach((subject, m) -> {
                    List<String> cells = new ArrayList<>(List.of(subject));
                    names.forEach(n -> cells.add(m.containsKey(n) ? Report.f(m.get(n).value()) + String.format(Locale.ROOT,
                            " [%.2f–%.2f]", m.get(n).low(), m.get(n).high()) : "–"));
                    rows.add(cells);
                });
                Files.writeString(temporary.resolve("report.html"), new Page(job.name())
                        .paragraph("The shared encoder trained on " + scores.size() + " subjects; each subject's test trials (stimuli"
                                + " never trained on) decoded through its own adapter.")
                        .heading("Scores").table(header, rows)
                        .note("Best validation " + training.metric() + " " + Report.f(training.validation().get(training.bestEpoch()))
                                + " at epoch " + (training.bestEpoch() + 1) + ". Intervals: percentile bootstrap of the test trials.")
                        .heading("Figures").figures(pngs).provenance(provenance).end());
            });
        } catch (IngestException e) {
            throw new DecoderException(folder + ": the job's output could not be written: " + e.getMessage(), e);
        }
    }
}
