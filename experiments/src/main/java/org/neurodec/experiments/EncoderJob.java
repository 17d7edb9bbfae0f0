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
 * there are classes only) or, with classes, {@code shuffle-split} (scikit-learn's splits of each
 * subject's trials, drawn exactly, one encoder trained per split, then a final one on every trial),
 * so that the encoder and a classical job can be scored on the same splits. Each subject's test
 * trials are decoded; the output folder gets {@code predictions.csv} (subject, trial, truth, the five
 * nearest candidates with their cosine similarity, the predicted class with its probability, the
 * split), {@code metrics.json} (each subject's scores over all its test trials with intervals, chance
 * and p-values; each split's class scores), {@code models/shared}, figures and a report.
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
        EncoderConfig config = TransferPlan.config(job.model());
        Device device = SharedEncoder.device(job.model().has("device") ? job.model().text("device") : "auto");
        Job.Section p = job.protocol();
        boolean shuffle = p.text("type").equals("shuffle-split");
        p.only(shuffle ? Set.of("type", "splits", "test_size", "validation_fraction", "seed")
                : Set.of("type", "test_fraction", "validation_fraction", "seed"));
        double testFraction = p.number(shuffle ? "test_size" : "test_fraction", 0.2, 0, 1);
        double validationFraction = p.number("validation_fraction", 0.1, -1e-300, 1);
        long seed = p.integer("seed", 42, 0, Integer.MAX_VALUE);
        int splitCount = shuffle ? p.integer("splits", 10, 1, 10_000) : 1;
        List<String> ids = root.has("subjects") ? root.texts("subjects") : data.subjects();
        List<Map.Entry<TrialSet, Subject>> loaded = new ArrayList<>();
        List<String> stimuli = new ArrayList<>();
        for (String id : ids) {
            loaded.add(data.load(id, log));
            stimuli.addAll(loaded.get(loaded.size() - 1).getKey().stimuli());
        }
        Targets targets = data.targets(stimuli);
        if (shuffle && targets.hasFeatures()) {
            throw p.error("type", "stimulus-split with stimulus features (its test stimuli are never trained on)",
                    "'shuffle-split'");
        }
        SharedEncoderWorkflow.Cohort cohort = SharedEncoderWorkflow.Cohort.of(loaded, targets, shuffle ? 0 : testFraction,
                validationFraction, seed, log);
        Tests tests = new Tests(targets);
        log.accept("training the shared encoder on " + ids);
        if (!shuffle) {
            try (SharedEncoderWorkflow.Trained trained = SharedEncoderWorkflow.train(cohort, config, device, log)) {
                tests.score(trained.encoder(), cohort, 1);
                write(job, folder, trained.encoder(), tests, tests.scores(data.groups(), job), trained.report(), data, command);
            }
        } else {
            for (int s = 0; s < splitCount; s++) {
                SharedEncoderWorkflow.Cohort split;
                try {
                    split = cohort.withSplits(TrialSplits.shuffleSplit(cohort.trials(), splitCount, s, testFraction,
                            validationFraction, seed));
                } catch (IllegalArgumentException e) {
                    throw p.error("test_size", "a size that leaves training and test trials", e.getMessage());
                }
                try (SharedEncoderWorkflow.Trained trained = SharedEncoderWorkflow.train(split, config, device, line -> { })) {
                    tests.score(trained.encoder(), split, s + 1);
                }
                log.accept("split " + (s + 1) + "/" + splitCount + " done");
            }
            Map<String, Map<String, Significance.Score>> scores = tests.scores(data.groups(), job);
            log.accept("fitting the final model on every trial (validation_fraction of them choosing the epoch)");
            try (SharedEncoderWorkflow.Trained trained = SharedEncoderWorkflow.train(cohort, config, device, log)) {
                write(job, folder, trained.encoder(), tests, scores, trained.report(), data, command);
            }
        }
        return tests.pooled;
    }

    /** Each subject's test trials over the splits, their predictions, the CSV rows and each split's scores. */
    private static final class Tests {
        final Targets targets;
        final Map<String, List<Integer>> rows = new LinkedHashMap<>();
        final Map<String, TrialSet> all = new LinkedHashMap<>();
        final Map<String, List<float[]>> predicted = new LinkedHashMap<>();
        final Map<String, List<float[]>> probabilities = new LinkedHashMap<>();
        final Map<String, Map<String, List<Double>>> perSplit = new LinkedHashMap<>();
        final StringBuilder csv = new StringBuilder("subject,trial,truth,top1,score1,top2,score2,top3,score3,top4,score4,top5,"
                + "score5,predicted_class,class_probability,split\n");
        Map<String, Map<String, Significance.Score>> pooled = new LinkedHashMap<>();

        Tests(Targets targets) {
            this.targets = targets;
        }

        /** Decodes each subject's test part of {@code cohort} with {@code encoder}, as split {@code split}. */
        void score(SharedEncoder encoder, SharedEncoderWorkflow.Cohort cohort, int split) {
            for (TrialSet subject : cohort.trials()) {
                int[] testRows = cohort.splits().rows(subject, "test");
                TrialSet test = subject.select(testRows);
                if (test.trials() == 0) {
                    continue;
                }
                String id = subject.subject();
                all.put(id, subject);
                float[][] features = targets.hasFeatures() ? encoder.predict(test).toRows() : null;
                float[][] p = targets.hasClasses() ? encoder.classProbabilities(test).toRows() : null;
                int[] classes = p == null ? null : ClassMetrics.argmax(p);
                for (int r : testRows) {
                    rows.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
                }
                if (features != null) {
                    predicted.computeIfAbsent(id, k -> new ArrayList<>()).addAll(List.of(features));
                }
                if (p != null) {
                    probabilities.computeIfAbsent(id, k -> new ArrayList<>()).addAll(List.of(p));
                    int[] truth = test.stimuli().stream().mapToInt(targets::classOf).toArray();
                    Map<String, List<Double>> mine = perSplit.computeIfAbsent(id, k -> new LinkedHashMap<>());
                    mine.computeIfAbsent("balanced accuracy", k -> new ArrayList<>())
                            .add(ClassMetrics.balancedAccuracy(truth, classes, targets.classNames().size()));
                    if (targets.classNames().size() == 2) {
                        double[] second = new double[p.length];
                        boolean[] positive = new boolean[p.length];
                        for (int i = 0; i < p.length; i++) {
                            second[i] = p[i][1];
                            positive[i] = truth[i] == 1;
                        }
                        mine.computeIfAbsent("AUC", k -> new ArrayList<>()).add(ClassMetrics.auc(second, positive));
                    }
                }
                List<String> candidates = test.stimuli().stream().distinct().toList();
                for (int i = 0; i < test.trials(); i++) {
                    csv.append(id).append(',').append(testRows[i]).append(',').append(test.stimuli().get(i));
                    List<Map.Entry<String, Double>> nearest = features == null ? List.of()
                            : nearest(features[i], candidates, targets, 5);
                    for (int k = 0; k < 5; k++) {
                        csv.append(',').append(k < nearest.size() ? nearest.get(k).getKey() : "").append(',')
                                .append(k < nearest.size() ? String.format(Locale.ROOT, "%.5f", nearest.get(k).getValue()) : "");
                    }
                    csv.append(',').append(classes == null ? "" : targets.classNames().get(classes[i])).append(',')
                            .append(classes == null ? "" : String.format(Locale.ROOT, "%.5f", p[i][classes[i]]))
                            .append(',').append(split).append('\n');
                }
            }
        }

        /** Each subject's scores over all its test trials (every split's), with intervals, chance and p-values. */
        Map<String, Map<String, Significance.Score>> scores(Map<String, String> groups, Job job) {
            pooled = new LinkedHashMap<>();
            rows.forEach((id, r) -> {
                TrialSet test = all.get(id).select(r.stream().mapToInt(Integer::intValue).toArray());
                float[][] features = predicted.containsKey(id) ? predicted.get(id).toArray(float[][]::new) : null;
                float[][] p = probabilities.containsKey(id) ? probabilities.get(id).toArray(float[][]::new) : null;
                int[] classes = p == null ? null : ClassMetrics.argmax(p);
                double[] second = p == null || p[0].length != 2 ? null
                        : java.util.Arrays.stream(p).mapToDouble(row -> row[1]).toArray();
                pooled.put(id, TransferScores.of(targets, test, features, classes, second, groups, job.resamples(),
                        job.metricSeed()).scores);
            });
            return pooled;
        }
    }
    private static int splitsDone(Tests tests) {
        return tests.perSplit.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).max().orElse(1);
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

    private static void write(Job job, Path folder, SharedEncoder encoder, Tests tests,
            Map<String, Map<String, Significance.Score>> scores, TrainingReport training, EncoderData data,
            Provenance command) {
        JobOutputs.refuseOverInputs(folder, data.inputs());
        Map<String, Object> provenance = command.withInputs(data.roles()).with("job", job.tree())
                .with("source", data.source.provenance()).toMap();
        try {
            AtomicFolder.write(folder, "run", temporary -> {
                Files.writeString(temporary.resolve("predictions.csv"), tests.csv.toString());
                Map<String, Object> metrics = new LinkedHashMap<>();
                metrics.put("job", job.name());
                metrics.put("subjects", scores);
                metrics.put("per_split", tests.perSplit);
                metrics.put("training", org.neurodec.Ordered.map("metric", training.metric(), "best_epoch", training.bestEpoch() + 1, "losses",
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
                        .paragraph(splitsDone(tests) > 1
                                ? "The shared encoder trained on " + scores.size() + " subjects in each of " + splitsDone(tests)
                                        + " shuffle splits; each subject's test trials of every split decoded through its own"
                                        + " adapter and scored together. The saved model is fitted on every trial."
                                : "The shared encoder trained on " + scores.size() + " subjects; each subject's test trials"
                                        + (tests.targets.hasFeatures() ? " (stimuli never trained on)" : "")
                                        + " decoded through its own adapter.")
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
