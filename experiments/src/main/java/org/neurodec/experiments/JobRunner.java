package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neurodec.decoders.stats.Metrics;
import org.neurodec.decoders.stats.Significance;

/**
 * Runs a job: checks its model and protocol sections, reads the data, fits the model on each split's
 * training trials and predicts its test trials (a progress bar over the splits), then scores the
 * pooled test predictions with their intervals and p-values and fits a final model on every trial
 * that is not a fixed test trial.
 */
public final class JobRunner {

    private JobRunner() {
    }

    /** Runs {@code job}; {@code log} gets one line per step, {@code bars} whether to draw progress bars. */
    public static JobResult run(Job job, Consumer<String> log, boolean bars) {
        ModelTypes.create(job.model(), null);
        checkProtocol(job.protocol());
        TrialData data = TrialData.load(job, log);
        JobModel model = ModelTypes.create(job.model(), data);
        Tuning tuning = job.protocol().has("tune") ? Tuning.of(job, data) : null;
        // the analyses after the protocol are checked now, so that a job that cannot finish does no work
        if (job.root().has("time_resolved")) {
            TimeResolved.check(job, data, model.classifies());
        }
        if (job.root().has("searchlight")) {
            Searchlight.check(job, data, model.classifies());
        }
        List<CrossValidation.Split> splits = splits(job.protocol(), data);
        List<JobResult.Prediction> predictions = new ArrayList<>();
        try (ProgressBar bar = bars ? new ProgressBarBuilder().setTaskName("fitting").setInitialMax(splits.size())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null) {
            for (int s = 0; s < splits.size(); s++) {
                CrossValidation.Split split = splits.get(s);
                if (tuning != null) {
                    model = tuning.choose(data, split.train(), String.valueOf(s + 1), log);
                }
                model.fit(data, split.train());
                double[][] out = model.predict(data, split.test());
                for (int i = 0; i < out.length; i++) {
                    predictions.add(new JobResult.Prediction(s, split.test()[i], out[i]));
                }
                if (bar != null) {
                    bar.step();
                }
                log.accept("split " + (s + 1) + "/" + splits.size() + " done");
            }
        }
        List<Significance.Score> scores = model.classifies() ? classification(job, data, predictions)
                : reconstruction(job, data, predictions, splits);
        int[] all = data.fixedTest == null ? java.util.stream.IntStream.range(0, data.size()).toArray()
                : java.util.stream.IntStream.range(0, data.size())
                        .filter(i -> java.util.Arrays.binarySearch(data.fixedTest, i) < 0).toArray();
        if (!(splits.size() == 1 && java.util.Arrays.equals(splits.get(0).train(), all))) {
            log.accept("fitting the final model on " + all.length + " trials");
            if (tuning != null) {
                model = tuning.choose(data, all, "final", log);
            }
            model.fit(data, all);
        }
        TimeResolved course = null;
        if (job.root().has("time_resolved")) {
            log.accept("decoding over time");
            course = TimeResolved.run(job, data, splits, log);
        }
        Searchlight searchlight = null;
        if (job.root().has("searchlight")) {
            log.accept("searchlight");
            searchlight = Searchlight.run(job, data, splits, log);
        }
        Map<String, Object> described = new java.util.LinkedHashMap<>(model.describe());
        if (tuning != null) {
            described.put("tuning", tuning.describe());
        }
        return new JobResult(job, data, model.classifies(), splits, predictions, scores, described, course, searchlight);
    }

    private static void checkProtocol(Job.Section p) {
        switch (p.oneOf("type", Job.PROTOCOLS)) {
            case "shuffle-split" -> {
                p.only(Set.of("type", "splits", "test_size", "seed", "tune"));
                p.integer("splits", 10, 1, 10_000);
                p.number("test_size", 0.2, 0, 1);
                p.integer("seed", 0, 0, Integer.MAX_VALUE);
            }
            case "k-fold" -> {
                p.only(Set.of("type", "folds", "tune"));
                p.integer("folds", 5, 2, 10_000);
            }
            case "within-subject" -> {
                p.only(Set.of("type", "folds", "seed", "tune"));
                p.integer("folds", 5, 2, 10_000);
                p.integer("seed", 0, 0, Integer.MAX_VALUE);
            }
            case "stratified-k-fold" -> {
                p.only(Set.of("type", "folds", "shuffle", "seed", "tune"));
                p.integer("folds", 5, 2, 10_000);
                if (p.has("shuffle")) {
                    p.oneOf("shuffle", List.of("true", "false"));
                }
                p.integer("seed", 0, 0, Integer.MAX_VALUE);
            }
            case "group-k-fold" -> {
                p.only(Set.of("type", "folds", "group", "tune"));
                p.integer("folds", 5, 2, 10_000);
                p.oneOf("group", TrialData.GROUPS);
            }
            case "leave-one-group-out" -> {
                p.only(Set.of("type", "group", "tune"));
                p.oneOf("group", TrialData.GROUPS);
            }
            case "leave-p-groups-out" -> {
                p.only(Set.of("type", "p", "group", "tune"));
                p.integer("p", 2, 1, 1000);
                p.oneOf("group", TrialData.GROUPS);
            }
            default -> p.only(Set.of("type", "tune"));
        }
    }

    /** Each subject in turn as the test set, the others' trials pooled for training. */
    private static List<CrossValidation.Split> leaveOneSubjectOut(Job.Section p, TrialData data) {
        List<String> subjects = data.subjects.stream().distinct().toList();
        if (subjects.size() < 2 || subjects.contains("")) {
            throw p.error("type", "data naming two or more subjects (data.eeg as a mapping of subject ids to files)",
                    "'leave-one-subject-out' on data with " + (subjects.contains("") ? "no subjects" : "one subject"));
        }
        List<CrossValidation.Split> out = new ArrayList<>();
        for (String s : subjects) {
            out.add(new CrossValidation.Split(
                    java.util.stream.IntStream.range(0, data.size()).filter(i -> !data.subjects.get(i).equals(s)).toArray(),
                    java.util.stream.IntStream.range(0, data.size()).filter(i -> data.subjects.get(i).equals(s)).toArray()));
        }
        return out;
    }

    /** A protocol over groups of trials (runs, sessions, subjects or source files), as scikit-learn draws it. */
    private static List<CrossValidation.Split> grouped(Job.Section p, TrialData data) {
        String field = p.text("group");
        if (!data.names(field)) {
            throw p.error("group", "data whose every trial names its " + field + " (BIDS data name runs, sessions and"
                    + " subjects; data.eeg as subject → files names subjects; every trial names its source file)",
                    "trials without one; try group: source, one group per file");
        }
        List<String> groups = data.groups(field);
        try {
            return switch (p.text("type")) {
                case "group-k-fold" -> CrossValidation.groupKFold(groups, p.integer("folds", 5, 2, 10_000));
                case "leave-one-group-out" -> CrossValidation.leaveOneGroupOut(groups);
                default -> CrossValidation.leavePGroupsOut(groups, p.integer("p", 2, 1, 1000));
            };
        } catch (IllegalArgumentException e) {
            throw p.error(p.text("type").equals("group-k-fold") ? "folds" : "group", "enough " + field + "s", e.getMessage());
        }
    }

    private static List<CrossValidation.Split> splits(Job.Section p, TrialData data) {
        int n = data.size();
        return switch (p.text("type")) {
            case "shuffle-split" -> {
                try {
                    yield CrossValidation.shuffleSplit(n, p.integer("splits", 10, 1, 10_000), p.number("test_size", 0.2, 0, 1),
                            p.integer("seed", 0, 0, Integer.MAX_VALUE));
                } catch (IllegalArgumentException e) {
                    throw p.error("test_size", "a size that leaves training and test trials", e.getMessage());
                }
            }
            case "k-fold" -> {
                int folds = p.integer("folds", 5, 2, 10_000);
                if (folds > n) {
                    throw p.error("folds", "at most the " + n + " trials", folds);
                }
                yield CrossValidation.kFold(n, folds);
            }
            case "leave-one-subject-out" -> leaveOneSubjectOut(p, data);
            case "stratified-k-fold" -> {
                try {
                    yield CrossValidation.stratifiedKFold(JobModel.labels(data, IntStream.range(0, n).toArray()),
                            p.integer("folds", 5, 2, 10_000), p.has("shuffle") && p.text("shuffle").equals("true"),
                            p.integer("seed", 0, 0, Integer.MAX_VALUE));
                } catch (IllegalArgumentException e) {
                    throw p.error("folds", "at most the trials of the largest class", e.getMessage());
                }
            }
            case "group-k-fold", "leave-one-group-out", "leave-p-groups-out" -> grouped(p, data);
            case "within-subject" -> {
                try {
                    yield CrossValidation.withinGroups(data.subjects, JobModel.labels(data,
                            java.util.stream.IntStream.range(0, n).toArray()), p.integer("folds", 5, 2, 10_000),
                            p.integer("seed", 0, 0, Integer.MAX_VALUE));
                } catch (IllegalArgumentException e) {
                    throw p.error("folds", "at most the trials of each subject", e.getMessage());
                }
            }
            default -> {
                if (data.fixedTest == null) {
                    throw p.error("type", "data with a fixed test set (data.hdf5 with train and test groups) for train-test",
                            "'train-test' without one");
                }
                int[] train = java.util.stream.IntStream.range(0, n)
                        .filter(i -> java.util.Arrays.binarySearch(data.fixedTest, i) < 0).toArray();
                yield List.of(new CrossValidation.Split(train, data.fixedTest));
            }
        };
    }

    private static List<Significance.Score> classification(Job job, TrialData data, List<JobResult.Prediction> predictions) {
        int n = predictions.size();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double[] decision = new double[n];
        boolean[] positive = new boolean[n];
        List<String> classes = data.classes();
        for (int i = 0; i < n; i++) {
            JobResult.Prediction p = predictions.get(i);
            truth[i] = classes.indexOf(data.labels.get(p.trial()));
            predicted[i] = (int) p.values()[0];
            decision[i] = p.values()[1];
            positive[i] = truth[i] == 1;
        }
        List<Significance.Score> scores = new ArrayList<>();
        scores.add(Metrics.accuracy(truth, predicted, job.resamples(), job.metricSeed()));
        scores.add(Metrics.balancedAccuracy(truth, predicted, classes.size(), job.resamples(), job.metricSeed()));
        if (classes.size() == 2) {
            scores.add(Metrics.auc(decision, positive, job.resamples(), job.metricSeed()));
        }
        return scores;
    }

    private static List<Significance.Score> reconstruction(Job job, TrialData data, List<JobResult.Prediction> predictions,
            List<CrossValidation.Split> splits) {
        int n = predictions.size();
        double[][] reconstructed = new double[n][];
        double[][] truth = new double[n][];
        double[][] means = new double[splits.size()][];
        for (int s = 0; s < splits.size(); s++) {
            int[] train = splits.get(s).train();
            means[s] = new double[data.images[0].length];
            for (int t : train) {
                for (int j = 0; j < means[s].length; j++) {
                    means[s][j] += data.images[t][j] / train.length;
                }
            }
        }
        double chance = 0;
        for (int i = 0; i < n; i++) {
            JobResult.Prediction p = predictions.get(i);
            reconstructed[i] = p.values();
            truth[i] = data.images[p.trial()];
            chance += Metrics.squaredError(means[p.split()], truth[i]) / n;
        }
        List<Significance.Score> scores = new ArrayList<>(List.of(
                Metrics.pixelCorrelation(reconstructed, truth, job.resamples(), job.metricSeed()),
                Metrics.mse(reconstructed, truth, chance, job.resamples(), job.metricSeed())));
        if (data.width >= 7 && data.height >= 7) {
            scores.add(Metrics.ssim(reconstructed, truth, data.width, job.resamples(), job.metricSeed()));
        }
        return scores;
    }
}
