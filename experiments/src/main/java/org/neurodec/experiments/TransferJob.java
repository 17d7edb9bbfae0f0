package org.neurodec.experiments;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.neurodec.encoders.EncoderConfig;
import org.neurodec.encoders.ModelFolder;
import org.neurodec.encoders.NewSubject;
import org.neurodec.encoders.SharedEncoder;
import org.neurodec.encoders.Targets;
import org.neurodec.encoders.TrainingReport;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;
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
        Plan plan = plan(file, overrides, log);
        Folds.Progress progress = new Folds.Progress(plan.folds.size(), log);
        int parallel = parallelFolds(plan.job, plan.folds.size());
        int concurrent = Math.min(parallel, plan.folds.size());
        List<Fold> done = Folds.run(plan.newSubjects(), newId -> org.neurodec.encoders.EngineThreads.sharedBy(concurrent, () -> {
            Consumer<String> foldLog = plan.folds.size() > 1 ? progress.of(newId) : log;
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

    /** Each new subject with its training subjects, from the job's {@code subjects} section. */
    private static Map<String, List<String>> folds(Job.Section job) {
        Map<String, List<String>> folds = new LinkedHashMap<>();
        Job.Section subjects = job.section("subjects");
        subjects.only(Set.of("train", "new", "leave_one_out"));
        if (subjects.has("leave_one_out")) {
            if (subjects.has("train") || subjects.has("new")) {
                throw subjects.error("leave_one_out", "either leave_one_out or train and new", "both");
            }
            List<String> ids = subjects.texts("leave_one_out");
            if (ids.size() < 2) {
                throw subjects.error("leave_one_out", "two or more subjects", ids);
            }
            ids.forEach(id -> folds.put(id, ids.stream().filter(o -> !o.equals(id)).toList()));
        } else {
            folds.put(subjects.text("new"), subjects.texts("train"));
        }
        return folds;
    }

    /** The calibration sizes, checked. */
    private static double[] sizes(Job.Section job) {
        double[] sizes = job.numbers("calibration", 0);
        if (sizes == null) {
            throw job.error("calibration", "a list of calibration trial counts (or fractions below 1)", "nothing");
        }
        for (double size : sizes) {
            if (!(size > 0 && size < 1) && !(size >= 2 && size == Math.rint(size)) && size != 0) {
                throw job.error("calibration", "whole numbers of trials (0, or 2 or more) or fractions between 0 and 1", size);
            }
        }
        return sizes;
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
        return new Outline(new ArrayList<>(folds(job).keySet()), sizes(job).length + 1);
    }

    /** Reads and checks {@code file} and loads its subjects' data: what every fold of the job shares. */
    public static Plan plan(Path file, Map<String, String> overrides, Consumer<String> log) {
        return new Plan(file, overrides, log);
    }

    /**
     * A transfer job read and checked, with its subjects' data loaded: each new subject's fold is a
     * training ({@link #train}) and one calibration per entry ({@link #calibrate}: entry 0 the pooled
     * row, entry i the i-th calibration size), each computable on its own (the Spark path runs them as
     * separate tasks); {@link #result} puts the folds together in their order. Folds may run at once.
     */
    public static final class Plan {
        private final Job.Section job;
        private final String name;
        private final EncoderData data;
        private final Map<String, List<String>> folds = new LinkedHashMap<>();
        private final double[] sizes;
        private final Protocol protocol;
        private final RiemannianArms riemann;
        private final EncoderConfig config;
        private final Device device;
        private final SharedEncoderWorkflow.Cohort cohort;
        private final TrialSplits splits;
        private final Targets targets;
        private final Map<String, String> groups;
        private final Map<String, Map.Entry<TrialSet, Subject>> loaded = new LinkedHashMap<>();
        private final int adaptEpochs;
        private final int fineTuneEpochs;
        private final int resamples;
        private final long metricSeed;
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        private Plan(Path file, Map<String, String> overrides, Consumer<String> log) {
            job = Job.resolve(file, overrides, TOP);
            name = job.has("name") ? job.text("name") : file.getFileName().toString();
            data = new EncoderData(job);
            folds.putAll(folds(job));
            sizes = sizes(job);
            boolean perClass = job.has("calibration_order")
                    && job.oneOf("calibration_order", List.of("recording", "per-class")).equals("per-class");
            boolean remaining = job.has("test") && job.oneOf("test", List.of("split", "remaining")).equals("remaining");
            riemann = job.has("riemann") ? new RiemannianArms(job.section("riemann")) : null;
            config = config(job.has("model") ? job.section("model") : null);
            device = SharedEncoder.device(job.has("model") && job.section("model").has("device")
                    ? job.section("model").text("device") : "auto");
            Job.Section split = job.has("split") ? job.section("split") : null;
            if (split != null) {
                split.only(Set.of("test_fraction", "validation_fraction", "seed"));
            }
            double testFraction = split == null ? 0.2 : split.number("test_fraction", 0.2, 0, 1);
            double validationFraction = split == null ? 0.1 : split.number("validation_fraction", 0.1, 0, 1);
            long splitSeed = split == null ? 42 : split.integer("seed", 42, 0, Integer.MAX_VALUE);
            Job.Section adapt = job.has("adapt") ? job.section("adapt") : null;
            if (adapt != null) {
                adapt.only(Set.of("epochs", "fine_tune_epochs"));
            }
            adaptEpochs = adapt == null ? 20 : adapt.integer("epochs", 20, 0, 10_000);
            fineTuneEpochs = adapt == null ? 10 : adapt.integer("fine_tune_epochs", 10, 0, 10_000);
            Job.Section metrics = job.has("metrics") ? job.section("metrics") : null;
            if (metrics != null) {
                metrics.only(Set.of("resamples", "seed"));
            }
            resamples = metrics == null ? 1000 : metrics.integer("resamples", 1000, 1, 1_000_000);
            metricSeed = metrics == null ? 0 : metrics.integer("seed", 0, 0, Integer.MAX_VALUE);

            List<String> stimuli = new ArrayList<>();
            folds.forEach((newId, trainIds) -> {
                for (String id : java.util.stream.Stream.concat(trainIds.stream(), java.util.stream.Stream.of(newId)).toList()) {
                    if (!loaded.containsKey(id)) {
                        loaded.put(id, data.load(id, log));
                        stimuli.addAll(loaded.get(id).getKey().stimuli());
                    }
                }
            });
            targets = data.targets(stimuli);
            cohort = SharedEncoderWorkflow.Cohort.of(new ArrayList<>(loaded.values()), targets,
                    testFraction, validationFraction, splitSeed, log);
            splits = cohort.splits();
            groups = data.groups();
            protocol = new Protocol(perClass, remaining);
            parameters.put("source", data.source.provenance());
            parameters.put("split", splits.provenance());
            parameters.put("config", config);
            parameters.put("adapt_epochs", adaptEpochs);
            parameters.put("fine_tune_epochs", fineTuneEpochs);
            Map<String, Double> seconds = new LinkedHashMap<>();
            loaded.keySet().forEach(id -> seconds.put(id, data.secondsPerTrial(id)));
            parameters.put("seconds_per_trial", seconds);
            parameters.put("folds", folds);
            parameters.put("calibration_order", perClass ? "per-class" : "recording");
            parameters.put("test", remaining ? "remaining" : "split");
        }

        /** The new subjects, one fold each, in the job's order. */
        public List<String> newSubjects() {
            return new ArrayList<>(folds.keySet());
        }

        /** How many calibrations a fold has: the pooled row, then one per calibration size. */
        public int entries() {
            return sizes.length + 1;
        }

        /** Every setting that shaped the result, as metrics.json records it. */
        public Map<String, Object> parameters() {
            return new LinkedHashMap<>(parameters);
        }

        /** The input files read, with their roles. */
        public Map<Path, String> inputs() {
            return data.roles();
        }

        /** Trains the shared encoder of {@code newId}'s fold on the other subjects; the model is saved to a temporary folder. */
        public Trained train(String newId, Consumer<String> log) {
            List<String> trainIds = folds.get(newId);
            log.accept("training the shared encoder on " + trainIds + " for new subject " + newId);
            try (SharedEncoderWorkflow.Trained trained = SharedEncoderWorkflow.train(cohort.only(trainIds), config, device, log)) {
                Path folder = Files.createTempDirectory("neurodec-transfer-model").resolve("model");
                ModelFolder.save(trained.encoder(), folder, org.neurodec.Ordered.map("job", name, "new_subject", newId));
                return new Trained(trained.report(), folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The rows of one calibration of {@code newId}'s fold with its trained {@code model}: entry 0
         * the pooled decoder with no calibration (no rows when the other subjects' trials are laid out
         * differently), entry i the i-th calibration size.
         */
        public Calibrated calibrate(String newId, Path model, int entry, Consumer<String> log) {
            if (entry < 0 || entry > sizes.length) {
                throw new IllegalArgumentException("calibration entry " + entry + " of " + entries());
            }
            List<String> trainIds = folds.get(newId);
            TrialSet newcomer = protocol.remaining() ? loaded.get(newId).getKey() : cohort.trialsOf(newId);
            TrialSet pooled = null;
            Arms arms = null;
            if (entry == 0) {
                pooled = pooled(newId, trainIds.stream().map(id -> loaded.get(id).getKey()).toList(), newcomer);
                if (pooled == null) {
                    log.accept("no pooled row for new subject " + newId + ": the other subjects' trials are laid out differently");
                }
            } else if (riemann != null) {
                Map<String, org.neurodec.subjects.SubjectTrials> sources = new LinkedHashMap<>();
                for (String id : trainIds) {
                    sources.put(id, data.epochs(id));
                }
                if (data.epochs(newId) == null || sources.containsValue(null)) {
                    throw job.error("riemann", "EEG epochs (data.eeg, data.preprocessed or an EEG BIDS dataset)", "other trials");
                }
                arms = new Arms(riemann, newId, data.epochs(newId), sources);
            }
            List<TestTrials> tested = new ArrayList<>();
            List<Row> rows = TransferJob.calibrate(job, Map.entry(newcomer, loaded.get(newId).getValue()), pooled, splits,
                    entry == 0 ? new double[0] : new double[] {sizes[entry - 1]}, protocol, arms,
                    reference -> data.standardisedBy(newId, reference), data.secondsPerTrial(newId), targets, groups, model, device,
                    adaptEpochs, fineTuneEpochs, resamples, metricSeed, tested::add, log);
            return new Calibrated(rows, tested);
        }

        /** The job's result from its folds, in the job's order of new subjects. */
        public Result result(List<Fold> done) {
            return TransferJob.result(job, name, done, data.roles(), parameters);
        }
    }

    /** The result of a job's folds, computed elsewhere (Spark tasks): {@code file} is read again for its settings. */
    public static Result result(Path file, Map<String, String> overrides, List<Fold> done, Map<Path, String> inputs,
            Map<String, Object> parameters) {
        Job.Section job = Job.resolve(file, overrides, TOP);
        return result(job, job.has("name") ? job.text("name") : file.getFileName().toString(), done, inputs, parameters);
    }

    private static Result result(Job.Section job, String name, List<Fold> done, Map<Path, String> inputs,
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
     * How a new subject's calibration and test trials are chosen.
     *
     * @param perClass calibration is the first k / classes trials of each class in recording order (else the first k)
     * @param remaining the test set is every trial outside the calibration set (else the split's test trials)
     */
    record Protocol(boolean perClass, boolean remaining) {
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

    /**
     * The other subjects' trials as one set for the pooled row, when they all have the new subject's
     * layout (modality, channels or features, samples); else null.
     */
    private static TrialSet pooled(String newId, List<TrialSet> others, TrialSet newcomer) {
        if (others.isEmpty() || others.stream().anyMatch(t -> t.modality() != newcomer.modality()
                || t.channels() != newcomer.channels() || t.times() != newcomer.times())) {
            return null;
        }
        int size = others.stream().mapToInt(t -> t.trials() * t.features()).sum();
        float[] values = new float[size];
        List<String> stimuli = new ArrayList<>();
        int at = 0;
        for (TrialSet t : others) {
            for (int r = 0; r < t.trials(); r++, at += t.features()) {
                t.copyRow(r, values, at);
            }
            stimuli.addAll(t.stimuli());
        }
        return switch (newcomer.modality()) {
            case EEG -> TrialSet.wrapEeg("pooled-for-" + newId, newcomer.channels(), newcomer.times(), values, stimuli);
            case FMRI -> TrialSet.wrapFmri("pooled-for-" + newId, newcomer.features(), values, stimuli);
            default -> TrialSet.wrapFeatures("pooled-for-" + newId, newcomer.features(), values, stimuli);
        };
    }

    /**
     * How many new subjects are run at once: {@code parallel} when the job sets it, else one per core
     * (each training mostly runs one small operation at a time, so two folds on two cores take about
     * half the time of one after the other), never more than there are new subjects.
     */
    private static int parallelFolds(Job.Section job, int folds) {
        int cores = Runtime.getRuntime().availableProcessors();
        int chosen = job.has("parallel") ? job.integer("parallel", cores, 1, 1024) : cores;
        return Math.max(1, Math.min(chosen, folds));
    }

    /** The Riemannian arms for one new subject: the arms, the subject's epochs and the training subjects'. */
    record Arms(RiemannianArms arms, String newId, org.neurodec.subjects.SubjectTrials epochs,
            Map<String, org.neurodec.subjects.SubjectTrials> sources) {
    }

    /**
     * The new subject's rows: the pooled decoder (the subject-only decoders fitted on every other
     * subject's trials, {@code pooled}, when given) with no calibration, then each calibration size,
     * each method, scored on its test trials; each test set goes to {@code tested}.
     */
    private static List<Row> calibrate(Job.Section job, Map.Entry<TrialSet, Subject> newcomer, TrialSet pooled, TrialSplits splits,
            double[] sizes, Protocol protocol, Arms arms, java.util.function.Function<int[], TrialSet> restandardise,
            double secondsPerTrial, Targets targets, Map<String, String> groups, Path model, Device device,
            int adaptEpochs, int fineTuneEpochs, int resamples, long seed, Consumer<TestTrials> tested, Consumer<String> log) {
        TrialSet asLoaded = newcomer.getKey();
        int[] splitTest = protocol.remaining() ? new int[0] : splits.rows(asLoaded, "test");
        int[] pool = IntStream.range(0, asLoaded.trials()).filter(t -> java.util.Arrays.binarySearch(splitTest, t) < 0).toArray();
        List<Row> rows = new ArrayList<>();
        if (pooled != null) {
            int[] test = protocol.remaining() ? IntStream.range(0, asLoaded.trials()).toArray() : splitTest;
            TrialSet testTrials = asLoaded.select(test);
            rows.add(Row.of(asLoaded.subject(), 0, 0, 0, METHODS.get(3),
                    SubjectOnly.scores(targets, pooled, testTrials, groups, resamples, seed)));
            tested.accept(new TestTrials(asLoaded.subject(), 0, 0, test, testTrials.stimuli()));
        }
        for (double size : sizes) {
            TrialSet subject = asLoaded;
            int k = size == 0 ? 0 : size < 1 ? Math.max(2, (int) Math.round(size * pool.length)) : (int) size;
            if (k > pool.length) {
                throw job.error("calibration", "at most the " + pool.length + " trials of subject " + subject.subject()
                        + " outside its test set", size);
            }
            int[] chosen = protocol.perClass() ? firstOfEachClass(subject, pool, k, targets, job) : java.util.Arrays.copyOf(pool, k);
            TrialSet byCalibration = restandardise.apply(chosen);
            if (byCalibration != null) {
                subject = byCalibration;
            }
            int[] test = protocol.remaining() ? IntStream.range(0, subject.trials())
                    .filter(t -> IntStream.of(chosen).noneMatch(c -> c == t)).toArray() : splitTest;
            TrialSet testTrials = subject.select(test);
            tested.accept(new TestTrials(asLoaded.subject(), size, k, test, testTrials.stimuli()));
            TrialSet calibration = subject.select(chosen);
            double minutes = k * secondsPerTrial / 60;
            log.accept("calibrating subject " + subject.subject() + " on " + k + " trials");
            if (k >= 2) {
                TransferScores own = SubjectOnly.scores(targets, calibration, testTrials, groups, resamples, seed);
                rows.add(Row.of(subject.subject(), size, k, minutes, METHODS.get(0), own));
            }
            if (arms != null) {
                if (arms.epochs().trials().trials() != subject.trials()) {
                    throw job.error("riemann", "the same trials as the encoder reads", arms.epochs().trials().trials() + " epochs for "
                            + subject.trials() + " trials");
                }
                arms.arms().predict(arms.newId(), arms.epochs(), chosen, test, arms.sources(), targets).forEach((method, d) ->
                        rows.add(Row.of(asLoaded.subject(), size, k, minutes, method, TransferScores.of(targets, testTrials, null,
                                org.neurodec.decoders.riemann.Mdm.nearest(d), RiemannianArms.secondClassScore(d), groups, resamples, seed))));
            }
            try (SharedEncoder encoder = ModelFolder.load(model, device)) {
                NewSubject.adapt(encoder, newcomer.getValue(), calibration, targets, adaptEpochs, line -> { });
                TransferScores adapted = shared(encoder, targets, testTrials, groups, resamples, seed);
                rows.add(Row.of(subject.subject(), size, k, minutes, METHODS.get(1), adapted));
                if (fineTuneEpochs > 0 && k >= 2) {
                    NewSubject.fineTune(encoder, calibration, targets, fineTuneEpochs, line -> { });
                    TransferScores tuned = shared(encoder, targets, testTrials, groups, resamples, seed);
                    rows.add(Row.of(subject.subject(), size, k, minutes, METHODS.get(2), tuned));
                }
            }
        }
        return rows;
    }

    /** The first k / classes trials of each class among {@code pool}, in recording order, class by class. */
    private static int[] firstOfEachClass(TrialSet subject, int[] pool, int k, Targets targets, Job.Section job) {
        if (!targets.hasClasses()) {
            throw job.error("calibration_order", "class targets for per-class calibration", "none");
        }
        int classes = targets.classNames().size();
        if (k % classes != 0) {
            throw job.error("calibration", "multiples of the " + classes + " classes for per-class calibration", k);
        }
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int cc = c;
            IntStream.of(pool).filter(t -> targets.classOf(subject.stimuli().get(t)) == cc).limit(k / classes)
                    .forEach(out::add);
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static TransferScores shared(SharedEncoder encoder, Targets targets, TrialSet test, Map<String, String> groups,
            int resamples, long seed) {
        float[][] predicted = targets.hasFeatures() ? encoder.predict(test).toRows() : null;
        float[][] p = targets.hasClasses() ? encoder.classProbabilities(test).toRows() : null;
        int[] classes = p == null ? null : org.neurodec.encoders.ClassMetrics.argmax(p);
        double[] second = p == null || p[0].length != 2 ? null : java.util.Arrays.stream(p).mapToDouble(r -> r[1]).toArray();
        return TransferScores.of(targets, test, predicted, classes, second, groups, resamples, seed);
    }

    static EncoderConfig config(Job.Section model) {
        EncoderConfig c = EncoderConfig.defaults();
        if (model == null) {
            return c;
        }
        model.only(Set.of("type", "dim", "blocks", "hidden", "conv", "epochs", "batch_size", "learning_rate", "weight_decay",
                "patience", "seed", "gradient_surgery", "device"));
        c = c.withSeed(model.integer("seed", (int) c.seed(), 0, Integer.MAX_VALUE))
                .withGradientSurgery(model.has("gradient_surgery") && Boolean.parseBoolean(model.text("gradient_surgery")))
                .withShape(model.integer("dim", c.sharedDim(), 1, 1 << 16), model.integer("blocks", c.blocks(), 0, 64),
                        model.integer("hidden", c.hidden(), 1, 1 << 16))
                .withTraining(model.number("learning_rate", c.learningRate(), 0, 1), model.integer("batch_size", c.batchSize(), 2,
                        1 << 20), model.integer("patience", c.patience(), 1, 100_000));
        if (model.has("conv")) {
            int[] conv = model.integers("conv", 0, 4096);
            if (conv.length != 5) {
                throw model.error("conv", "5 integers: channels, filters, kernel, spatial, pool", conv.length + " values");
            }
            try {
                c = c.withConv(new EncoderConfig.Conv(conv[0], conv[1], conv[2], conv[3], conv[4]));
            } catch (IllegalArgumentException e) {
                throw model.error("conv", "a valid front end (" + e.getMessage() + ")", java.util.Arrays.toString(conv));
            }
        }
        if (model.has("weight_decay")) {
            c = c.withWeightDecay(model.number("weight_decay", c.weightDecay(), -1e-300, 1e3));
        }
        return model.has("epochs") ? c.withEpochs(model.integer("epochs", c.epochs(), 1, 100_000)) : c;
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
