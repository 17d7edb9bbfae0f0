package org.neurodec.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.neurodec.encoders.TrainingReport;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.Provenance;

/**
 * {@code neurodec transfer JOB.yaml}: how much calibration data a new subject needs. The shared
 * encoder is trained on the {@code subjects.train} subjects (or, with {@code subjects.leave_one_out},
 * on all but each listed subject in turn); then, for each calibration size in {@code calibration}
 * (the new subject's first k trials in recording order, none of them a test trial; a value below 1 is
 * a fraction of those trials), three decoders of the new subject are scored on its test trials: a subject-only
 * decoder (ridge to the stimulus features and shrinkage LDA for classes, on the k trials alone), the
 * frozen shared encoder with a new adapter, and the same after fine-tuning the whole model on the k
 * trials. Calibration is also stated in minutes (k times the subject's mean time between trials).
 */
public final class TransferJob {

    static final Set<String> TOP = Set.of("name", "vars", "data", "preprocess", "subjects", "calibration", "calibration_order",
            "test", "model", "split", "adapt", "metrics", "riemann", "parallel");
    static final List<String> METHODS = List.of("subject-only", "shared + new adapter", "shared, fine-tuned",
            "pooled, no calibration");

    /**
     * One new subject's scores at one calibration size for one method.
     *
     * @param subject the new subject
     * @param calibration the calibration entry as the job wrote it (trials, or a fraction of them)
     * @param trials the calibration trials used
     * @param minutes how long they took to record
     * @param method the decoder
     * @param scores each metric's value
     * @param chance each metric's chance level
     * @param ci95 each metric's bootstrap 95 % interval (none for mean rows)
     * @param pValues each metric's permutation p-value (none for mean rows)
     */
    public record Row(String subject, double calibration, int trials, double minutes, String method, Map<String, Double> scores,
            Map<String, Double> chance, Map<String, List<Double>> ci95, Map<String, Double> pValues) implements java.io.Serializable {

        static Row of(String subject, double calibration, int trials, double minutes, String method, TransferScores s) {
            Map<String, Double> scores = new LinkedHashMap<>();
            Map<String, Double> chance = new LinkedHashMap<>();
            Map<String, List<Double>> ci = new LinkedHashMap<>();
            Map<String, Double> p = new LinkedHashMap<>();
            s.scores.forEach((name, score) -> {
                scores.put(name, score.value());
                chance.put(name, score.chance());
                ci.put(name, List.of(score.low(), score.high()));
                p.put(name, score.pValue());
            });
            return new Row(subject, calibration, trials, minutes, method, scores, chance, ci, p);
        }
    }

    /**
     * The job's result: every row, and per new subject the shared encoder's training report and the
     * folder holding that model until it is written.
     */
    public record Result(Job.Section job, String name, List<Row> rows, List<TestTrials> testTrials,
            Map<String, TrainingReport> trainings, Map<Path, String> inputs, Map<String, Path> models, Map<String, Object> parameters) {

        /** The training report of the first (often the only) new subject's model. */
        public TrainingReport training() {
            return trainings.values().iterator().next();
        }
    }

    private TransferJob() {
    }

    /** The job file and the files and folders it names, before anything is read. */
    public static List<Path> declaredInputs(Path file, Map<String, String> overrides) {
        return Job.declaredInputs(file, Job.resolve(file, overrides, TOP).tree());
    }

    /** Reads, checks and runs {@code file}. */
    public static Result run(Path file, Map<String, String> overrides, Consumer<String> log) {
        TransferPlan plan = plan(file, overrides, log);
        int folds = plan.newSubjects().size();
        Folds.Progress progress = new Folds.Progress(folds, log);
        int parallel = plan.parallelFolds();
        int concurrent = Math.min(parallel, folds);
        List<Fold> done = Folds.run(plan.newSubjects(), newId -> org.neurodec.encoders.EngineThreads.sharedBy(concurrent, () -> {
            Consumer<String> foldLog = folds > 1 ? progress.of(newId) : log;
            Trained trained = plan.train(newId, foldLog);
            List<Row> rows = new ArrayList<>();
            List<TestTrials> tested = new ArrayList<>();
            for (int entry = 0; entry < plan.entries(); entry++) {
                Calibrated c = plan.calibrate(newId, trained.model(), entry, foldLog);
                rows.addAll(c.rows());
                tested.addAll(c.testTrials());
            }
            progress.done(newId);
            return new Fold(newId, rows, tested, trained.report(), trained.model());
        }), parallel);
        return plan.result(done);
    }

    /**
     * A job's folds before any data is read: its new subjects and how many calibration entries each
     * has (the pooled row and one per size), for a cluster's driver to lay out its tasks.
     *
     * @param newSubjects the new subjects in the job's order
     * @param entries the calibration entries of each fold
     */
    public record Outline(List<String> newSubjects, int entries) {
    }

    /** The outline of {@code file}, read and checked but no data loaded. */
    public static Outline outline(Path file, Map<String, String> overrides) {
        Job.Section job = Job.resolve(file, overrides, TOP);
        return new Outline(new ArrayList<>(TransferPlan.folds(job).keySet()), TransferPlan.sizes(job).length + 1);
    }

    /** Reads and checks {@code file} and loads its subjects' data: what every fold of the job shares. */
    public static TransferPlan plan(Path file, Map<String, String> overrides, Consumer<String> log) {
        return new TransferPlan(file, overrides, log);
    }

    /** The result of a job's folds, computed elsewhere (Spark tasks): {@code file} is read again for its settings. */
    public static Result result(Path file, Map<String, String> overrides, List<Fold> done, Map<Path, String> inputs,
            Map<String, Object> parameters) {
        Job.Section job = Job.resolve(file, overrides, TOP);
        return result(job, job.has("name") ? job.text("name") : file.getFileName().toString(), done, inputs, parameters);
    }

    static Result result(Job.Section job, String name, List<Fold> done, Map<Path, String> inputs,
            Map<String, Object> parameters) {
        Map<String, TrainingReport> trainings = new LinkedHashMap<>();
        Map<String, Path> models = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        List<TestTrials> testTrials = new ArrayList<>();
        for (Fold fold : done) {
            rows.addAll(fold.rows());
            testTrials.addAll(fold.testTrials());
            trainings.put(fold.newId(), fold.training());
            models.put(fold.newId(), fold.model());
        }
        return new Result(job, name, rows, testTrials, trainings, inputs, models, parameters);
    }

    /**
     * A fold's trained shared encoder.
     *
     * @param report its training report
     * @param model the temporary folder it is saved in (removed when the job's outputs are written)
     */
    public record Trained(TrainingReport report, Path model) {
    }

    /**
     * One calibration entry's rows and the test sets they were scored on.
     *
     * @param rows the rows, in the order the job writes them
     * @param testTrials the test sets
     */
    public record Calibrated(List<Row> rows, List<TestTrials> testTrials) implements java.io.Serializable {
    }

    /**
     * The trials a new subject's rows at one calibration entry were scored on.
     *
     * @param subject the new subject
     * @param calibration the calibration entry as the job wrote it (0 for the pooled row)
     * @param trials the calibration trials used
     * @param test the test trials' positions among the new subject's trials (recording order)
     * @param stimuli the test trials' stimuli
     */
    public record TestTrials(String subject, double calibration, int trials, int[] test, List<String> stimuli)
            implements java.io.Serializable {
    }

    /** One new subject's results: its rows and test sets, its shared encoder's training report and the folder holding that model. */
    public record Fold(String newId, List<Row> rows, List<TestTrials> testTrials, TrainingReport training, Path model) {
    }

    /** Writes transfer.csv, metrics.json, figures/, models/shared and report.html into {@code folder}, atomically. */
    public static void write(Result r, Path folder, Provenance command) {
        JobOutputs.refuseOverInputs(folder, List.copyOf(r.inputs().keySet()));
        TransferOutputs.write(r, folder, command);
        r.models().values().forEach(m -> AtomicFolder.delete(m.getParent()));
    }

    /**
     * The subject interference of one training run: mean pairwise cosine of the subjects' backbone
     * gradients and the share of conflicting (negative) pairs.
     */
    public static Map<String, Object> interference(TrainingReport training) {
        return TransferOutputs.interference(training);
    }

    /** Every metric in the rows, in the order they first appear. */
    public static List<String> metricNames(List<Row> rows) {
        return TransferOutputs.metricNames(rows);
    }

    /** The rows, followed (with more than one new subject) by their mean per calibration entry and method. */
    public static List<Row> withMeans(List<Row> rows) {
        return TransferOutputs.withMeans(rows);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
