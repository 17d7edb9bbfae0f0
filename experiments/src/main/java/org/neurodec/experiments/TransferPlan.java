package org.neurodec.experiments;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.neurodec.encoders.EncoderConfig;
import org.neurodec.encoders.ModelFolder;
import org.neurodec.encoders.NewSubject;
import org.neurodec.encoders.SharedEncoder;
import org.neurodec.encoders.Targets;
import org.neurodec.experiments.TransferJob.Calibrated;
import org.neurodec.experiments.TransferJob.Fold;
import org.neurodec.experiments.TransferJob.Result;
import org.neurodec.experiments.TransferJob.Row;
import org.neurodec.experiments.TransferJob.TestTrials;
import org.neurodec.experiments.TransferJob.Trained;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;

/**
 * A transfer job read and checked, with its subjects' data loaded: each new subject's fold is a
 * training ({@link #train}) and one calibration per entry ({@link #calibrate}: entry 0 the pooled
 * row, entry i the i-th calibration size), each computable on its own (the Spark path runs them as
 * separate tasks); {@link #result} puts the folds together in their order. Folds may run at once.
 */
public final class TransferPlan {

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

    TransferPlan(Path file, Map<String, String> overrides, Consumer<String> log) {
        job = Job.resolve(file, overrides, TransferJob.TOP);
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
        TrialSet newcomer = protocol.remaining() ? loaded.get(newId).getKey() : cohort.trialsOf(newId);
        List<Row> rows = new ArrayList<>();
        List<TestTrials> tested = new ArrayList<>();
        if (entry == 0) {
            pooledRow(newId, newcomer, rows, tested, log);
        } else {
            calibrationRows(newId, newcomer, sizes[entry - 1], model, rows, tested, log);
        }
        return new Calibrated(rows, tested);
    }

    /** The job's result from its folds, in the job's order of new subjects. */
    public Result result(List<Fold> done) {
        return TransferJob.result(job, name, done, data.roles(), parameters);
    }

    /**
     * The pooled decoder's row: the subject-only decoders fitted on every other subject's trials, with
     * no calibration, scored on the new subject's test trials (none when the others' trials are laid
     * out differently).
     */
    private void pooledRow(String newId, TrialSet newcomer, List<Row> rows, List<TestTrials> tested, Consumer<String> log) {
        TrialSet pooled = pooled(newId, folds.get(newId).stream().map(id -> loaded.get(id).getKey()).toList(), newcomer);
        if (pooled == null) {
            log.accept("no pooled row for new subject " + newId + ": the other subjects' trials are laid out differently");
            return;
        }
        int[] test = protocol.remaining() ? IntStream.range(0, newcomer.trials()).toArray() : splits.rows(newcomer, "test");
        TrialSet testTrials = newcomer.select(test);
        rows.add(Row.of(newcomer.subject(), 0, 0, 0, TransferJob.METHODS.get(3),
                SubjectOnly.scores(targets, pooled, testTrials, groups, resamples, metricSeed)));
        tested.add(new TestTrials(newcomer.subject(), 0, 0, test, testTrials.stimuli()));
    }

    /**
     * The rows of one calibration size: the subject-only decoder on the new subject's first k trials
     * outside its test set, the Riemannian arms when the job has them, and the fold's shared encoder
     * with a new adapter, then fine-tuned, each scored on the test trials.
     */
    private void calibrationRows(String newId, TrialSet asLoaded, double size, Path model, List<Row> rows,
            List<TestTrials> tested, Consumer<String> log) {
        int[] splitTest = protocol.remaining() ? new int[0] : splits.rows(asLoaded, "test");
        int[] pool = IntStream.range(0, asLoaded.trials()).filter(t -> java.util.Arrays.binarySearch(splitTest, t) < 0).toArray();
        int k = size == 0 ? 0 : size < 1 ? Math.max(2, (int) Math.round(size * pool.length)) : (int) size;
        if (k > pool.length) {
            throw job.error("calibration", "at most the " + pool.length + " trials of subject " + asLoaded.subject()
                    + " outside its test set", size);
        }
        int[] chosen = protocol.perClass() ? firstOfEachClass(asLoaded, pool, k) : java.util.Arrays.copyOf(pool, k);
        TrialSet byCalibration = data.standardisedBy(newId, chosen);
        TrialSet subject = byCalibration != null ? byCalibration : asLoaded;
        int[] test = protocol.remaining() ? IntStream.range(0, subject.trials())
                .filter(t -> IntStream.of(chosen).noneMatch(c -> c == t)).toArray() : splitTest;
        TrialSet testTrials = subject.select(test);
        tested.add(new TestTrials(asLoaded.subject(), size, k, test, testTrials.stimuli()));
        TrialSet calibration = subject.select(chosen);
        double minutes = k * data.secondsPerTrial(newId) / 60;
        log.accept("calibrating subject " + subject.subject() + " on " + k + " trials");
        if (k >= 2) {
            rows.add(Row.of(subject.subject(), size, k, minutes, TransferJob.METHODS.get(0),
                    SubjectOnly.scores(targets, calibration, testTrials, groups, resamples, metricSeed)));
        }
        if (riemann != null) {
            org.neurodec.subjects.SubjectTrials epochs = riemannEpochs(newId, subject.trials());
            Map<String, org.neurodec.subjects.SubjectTrials> sources = new LinkedHashMap<>();
            folds.get(newId).forEach(id -> sources.put(id, data.epochs(id)));
            riemann.predict(newId, epochs, chosen, test, sources, targets).forEach((method, d) ->
                    rows.add(Row.of(asLoaded.subject(), size, k, minutes, method, TransferScores.of(targets, testTrials, null,
                            org.neurodec.decoders.riemann.Mdm.nearest(d), RiemannianArms.secondClassScore(d), groups, resamples,
                            metricSeed))));
        }
        try (SharedEncoder encoder = ModelFolder.load(model, device)) {
            NewSubject.adapt(encoder, loaded.get(newId).getValue(), calibration, targets, adaptEpochs, line -> { });
            rows.add(Row.of(subject.subject(), size, k, minutes, TransferJob.METHODS.get(1), scores(encoder, testTrials)));
            if (fineTuneEpochs > 0 && k >= 2) {
                NewSubject.fineTune(encoder, calibration, targets, fineTuneEpochs, line -> { });
                rows.add(Row.of(subject.subject(), size, k, minutes, TransferJob.METHODS.get(2), scores(encoder, testTrials)));
            }
        }
    }

    /** The new subject's EEG epochs for the Riemannian arms, checked against the training subjects' and its trials. */
    private org.neurodec.subjects.SubjectTrials riemannEpochs(String newId, int trials) {
        if (data.epochs(newId) == null || folds.get(newId).stream().anyMatch(id -> data.epochs(id) == null)) {
            throw job.error("riemann", "EEG epochs (data.eeg, data.preprocessed or an EEG BIDS dataset)", "other trials");
        }
        org.neurodec.subjects.SubjectTrials epochs = data.epochs(newId);
        if (epochs.trials().trials() != trials) {
            throw job.error("riemann", "the same trials as the encoder reads", epochs.trials().trials() + " epochs for " + trials
                    + " trials");
        }
        return epochs;
    }

    /** The first k / classes trials of each class among {@code pool}, in recording order, class by class. */
    private int[] firstOfEachClass(TrialSet subject, int[] pool, int k) {
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

    /** The encoder's scores on {@code test}: feature predictions and class probabilities, as the job's targets have them. */
    private TransferScores scores(SharedEncoder encoder, TrialSet test) {
        float[][] predicted = targets.hasFeatures() ? encoder.predict(test).toRows() : null;
        float[][] p = targets.hasClasses() ? encoder.classProbabilities(test).toRows() : null;
        int[] classes = p == null ? null : org.neurodec.encoders.ClassMetrics.argmax(p);
        double[] second = p == null || p[0].length != 2 ? null : java.util.Arrays.stream(p).mapToDouble(r -> r[1]).toArray();
        return TransferScores.of(targets, test, predicted, classes, second, groups, resamples, metricSeed);
    }

    /**
     * How many new subjects are run at once: {@code parallel} when the job sets it, else one per core
     * (each training mostly runs one small operation at a time, so two folds on two cores take about
     * half the time of one after the other), never more than there are new subjects.
     */
    int parallelFolds() {
        int cores = Runtime.getRuntime().availableProcessors();
        int chosen = job.has("parallel") ? job.integer("parallel", cores, 1, 1024) : cores;
        return Math.max(1, Math.min(chosen, folds.size()));
    }

    /** Each new subject with its training subjects, from the job's {@code subjects} section. */
    static Map<String, List<String>> folds(Job.Section job) {
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
    static double[] sizes(Job.Section job) {
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
     * How a new subject's calibration and test trials are chosen.
     *
     * @param perClass calibration is the first k / classes trials of each class in recording order (else the first k)
     * @param remaining the test set is every trial outside the calibration set (else the split's test trials)
     */
    record Protocol(boolean perClass, boolean remaining) {
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

}
