package org.neurodec.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.neurodec.subjects.TrialSet;

/**
 * Joint training of a shared encoder on several subjects: seeded batches that mix subjects, each
 * subject's trials through its own adapter, the loss per subject weighted by its share of the batch,
 * AdamW with warm-up and cosine decay, validation after every epoch with early stopping (the best
 * epoch's weights are kept; between epochs of equal score, the one with the lower held-out
 * cross-entropy, since a few validation trials give many ties), and, on each epoch's first batch, the pairwise cosine between subjects'
 * gradients on the backbone. With gradient surgery every batch's subject gradients are combined by
 * PCGrad (Yu et al. 2020). Each epoch's batch order and surgery order come from the seed and the epoch
 * number alone, so a run resumed from a {@link Checkpoint} continues exactly as if never stopped.
 */
public final class Trainer implements AutoCloseable {

    private final SharedEncoder encoder;
    private final EncoderConfig config;
    /** The optimiser's state lives here, a child of the encoder's manager, freed by {@link #close()}. */
    private final NDManager scope;
    private final Targets targets;
    private final Consumer<String> progress;
    private final Validation validation;
    private Path checkpoints;
    private boolean resume;

    /** A trainer for {@code encoder} against {@code targets}, reporting progress lines to {@code progress}. */
    public Trainer(SharedEncoder encoder, Targets targets, Consumer<String> progress) {
        this(encoder, encoder.config, targets, progress);
    }

    /**
     * A trainer for {@code encoder} under the training settings of {@code training} (learning rate,
     * batch size, epochs, patience, surgery, seed), which may differ from the encoder's own; the
     * architecture stays the encoder's.
     */
    public Trainer(SharedEncoder encoder, EncoderConfig training, Targets targets, Consumer<String> progress) {
        this.encoder = encoder;
        this.config = training;
        this.scope = encoder.manager.newSubManager();
        this.targets = targets;
        this.progress = progress;
        this.validation = new Validation(encoder, targets);
    }

    /** Writes a checkpoint into {@code folder} after every epoch; with {@code resumeFrom}, starts from the one there. */
    public Trainer checkpoints(Path folder, boolean resumeFrom) {
        this.checkpoints = folder;
        this.resume = resumeFrom;
        return this;
    }

    /** Trains on {@code train}; {@code held} (same subjects, other trials) picks the epoch; frozen names are not updated. */
    public TrainingReport train(List<TrialSet> train, List<TrialSet> held, Set<String> frozen) {
        // a subject with no held-out trials (a validation fraction that rounds to none) has no say in the epoch
        List<TrialSet> scored = held.stream().filter(t -> t.trials() > 0).toList();
        try (NDManager state = scope.newSubManager()) {
            return train(train, scored, frozen, state);
        }
    }

    /** Frees the optimiser state that {@link #train} left (the model's weights stay with the encoder). */
    @Override
    public void close() {
        scope.close();
    }

    private TrainingReport train(List<TrialSet> train, List<TrialSet> held, Set<String> frozen, NDManager optimizerState) {
        SharedEncoder.recordNothing();
        long start = System.nanoTime();
        int total = train.stream().mapToInt(TrialSet::trials).sum();
        int batches = (total + config.batchSize() - 1) / config.batchSize();
        AdamW optimizer = new AdamW(optimizerState, config.learningRate(), config.weightDecay(),
                (long) batches * config.epochs());
        Checkpoint.State state = new Checkpoint.State();
        state.best = snapshot();
        if (resume && checkpoints != null && Checkpoint.exists(checkpoints)) {
            state = Checkpoint.read(checkpoints, encoder, optimizer);
            progress.accept("resumed from " + checkpoints + " after epoch " + state.epochsDone);
        }
        encoder.parameters.all().forEach((name, p) -> p.setRequiresGradient(!frozen.contains(name)));
        double secondsBefore = state.seconds;
        int firstEpoch = state.epochsDone;
        for (int epoch = firstEpoch; epoch < config.epochs() && !state.stopped; epoch++) {
            Random random = new Random(config.seed() * 1_000_003L + epoch);
            List<int[]> pool = new ArrayList<>();
            for (int s = 0; s < train.size(); s++) {
                for (int t = 0; t < train.get(s).trials(); t++) {
                    pool.add(new int[] {s, t});
                }
            }
            Collections.shuffle(pool, random);
            double sum = 0;
            for (int b = 0; b < batches; b++) {
                List<int[]> batch = pool.subList(b * config.batchSize(), Math.min(pool.size(), (b + 1) * config.batchSize()));
                StepResult step = step(train, batch, optimizer, frozen, config.gradientSurgery() || b == 0, random);
                if (!Double.isFinite(step.loss)) {
                    throw new TrainingDivergedException(String.format(Locale.ROOT, "training diverged: loss %s at epoch %d, batch %d"
                            + " (lower the learning rate, or check the trials for NaN or huge values)", step.loss, epoch + 1, b + 1));
                }
                sum += step.loss;
                if (b == 0) {
                    state.conflicts.add(step.cosines);
                }
            }
            double loss = sum / batches;
            Validation.Result checked = held.isEmpty() ? null : validation.evaluate(held);
            double score = held.isEmpty() ? -loss : checked.score();
            double heldLoss = held.isEmpty() ? loss : checked.crossEntropy();
            state.losses.add(loss);
            state.scores.add(score);
            if (score > state.bestScore || (score == state.bestScore && heldLoss < state.bestLoss)) {
                state.bestScore = score;
                state.bestLoss = heldLoss;
                state.bestEpoch = epoch;
                state.best = snapshot();
            }
            state.epochsDone = epoch + 1;
            state.stopped = epoch - state.bestEpoch >= config.patience();
            double elapsed = (System.nanoTime() - start) / 1e9;
            state.seconds = secondsBefore + elapsed;
            if (checkpoints != null) {
                Checkpoint.write(checkpoints, encoder, optimizer, state);
            }
            progress.accept(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  validation %s %.3f  %.0f s left",
                    epoch + 1, config.epochs(), loss, held.isEmpty() ? "-loss" : validation.metric(), score,
                    elapsed / (epoch + 1 - firstEpoch) * (config.epochs() - epoch - 1)));
            if (state.stopped) {
                progress.accept("early stop: no better validation score for " + config.patience() + " epochs");
            }
        }
        restore(state.best);
        encoder.parameters.all().values().forEach(p -> p.setRequiresGradient(true));
        return new TrainingReport(held.isEmpty() ? "-loss" : validation.metric(), state.losses, state.scores,
                state.conflicts, state.bestEpoch, secondsBefore + (System.nanoTime() - start) / 1e9);
    }

    private record StepResult(double loss, double[][] cosines) {
    }

    private StepResult step(List<TrialSet> train, List<int[]> batch, AdamW optimizer, Set<String> frozen,
            boolean perSubject, Random random) {
        Parameters parameters = encoder.parameters;
        try (NDManager scope = encoder.manager.newSubManager()) {
            parameters.tempAttach(scope);
            Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
            for (int[] item : batch) {
                groups.computeIfAbsent(item[0], k -> new ArrayList<>()).add(item[1]);
            }
            List<Supplier<NDArray>> losses = new ArrayList<>();
            // each subject's share of the batch loss on its own, for the per-subject gradients
            groups.forEach((s, rows) -> losses.add(() -> batchLoss(scope, train, Map.of(s, rows), batch.size())));
            List<String> trained = parameters.all().keySet().stream().filter(n -> !frozen.contains(n)).toList();
            Map<String, NDArray> gradients;
            double loss = 0;
            double[][] cosines = null;
            if (!perSubject) {
                loss = backward(() -> batchLoss(scope, train, groups, batch.size()));
                gradients = gradients(trained, false);
            } else {
                // each backward adds to the gradients: a subject's own is the difference from the one before
                List<Map<String, NDArray>> perGroup = new ArrayList<>();
                Map<String, NDArray> before = null;
                for (Supplier<NDArray> groupLoss : losses) {
                    loss += backward(groupLoss);
                    Map<String, NDArray> after = gradients(trained, true);
                    Map<String, NDArray> own = new HashMap<>();
                    for (String name : trained) {
                        own.put(name, before == null ? after.get(name) : after.get(name).sub(before.get(name)));
                    }
                    perGroup.add(own);
                    before = after;
                }
                List<String> backbone = trained.stream().filter(n -> n.startsWith("backbone.")).toList();
                cosines = backbone.isEmpty() ? new double[0][0] : GradientSurgery.cosines(perGroup, backbone);
                gradients = GradientSurgery.combine(perGroup, backbone, config.gradientSurgery(), random);
            }
            optimizer.update(parameters, gradients, scope);
            return new StepResult(loss, cosines);
        }
    }

    /**
     * The current gradients of the named parameters (zeros for any that no backward pass reached);
     * copies when a later backward pass would add to them before they are used.
     */
    private Map<String, NDArray> gradients(List<String> names, boolean copy) {
        Map<String, NDArray> out = new HashMap<>();
        for (String name : names) {
            NDArray g = encoder.parameters.get(name).getGradient();
            if (copy) {
                NDArray own = g.duplicate();
                g.close();
                g = own;
            }
            out.put(name, g);
        }
        return out;
    }

    /**
     * Back-propagates the loss into the parameters' gradients; returns its value. PyTorch records
     * operations per thread, so this is done directly with the engine's calls rather than through
     * DJL's gradient collector, of which only one may be open in the whole process: several models
     * (a transfer experiment's folds) can then train at once, each on its own thread.
     */
    private float backward(Supplier<NDArray> loss) {
        ai.djl.pytorch.jni.JniUtils.setGradMode(true);
        try {
            NDArray value = loss.get();
            ai.djl.pytorch.jni.JniUtils.backward((ai.djl.pytorch.engine.PtNDArray) value,
                    (ai.djl.pytorch.engine.PtNDArray) value.onesLike(), false, false);
            return value.getFloat();
        } finally {
            SharedEncoder.recordNothing();
        }
    }

    /**
     * The batch's loss with every trial through the backbone at once: each subject's rows through its
     * adapter, stacked, one backbone pass, then each subject's loss on its own rows weighted by its share
     * of the batch, the same value (and gradients) as one backbone pass per subject in fewer and larger
     * operations.
     */
    private NDArray batchLoss(NDManager scope, List<TrialSet> train, Map<Integer, List<Integer>> groups, int batchSize) {
        List<Group> parts = new ArrayList<>();
        groups.forEach((s, rows) -> parts.add(group(scope, train.get(s), rows)));
        NDArray z = encoder.backbone(parts.size() == 1 ? parts.get(0).adapted()
                : ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(parts.stream().map(Group::adapted).toList()), 0));
        NDArray total = null;
        long from = 0;
        for (Group part : parts) {
            NDArray groupLoss = encoder.loss(parts.size() == 1 ? z : z.get(from + ":" + (from + part.size())), part.features(),
                    part.oneHot());
            groupLoss = groupLoss.mul(SharedEncoder.scalar(groupLoss, part.size() / (double) batchSize));
            total = total == null ? groupLoss : total.add(groupLoss);
            from += part.size();
        }
        return total;
    }

    /** One subject's rows of a batch: their adapter outputs and their targets. */
    private record Group(NDArray adapted, NDArray features, NDArray oneHot, int size) {
    }

    private Group group(NDManager scope, TrialSet trials, List<Integer> rows) {
        int n = rows.size();
        float[] x = new float[n * trials.features()];
        for (int i = 0; i < n; i++) {
            trials.copyRow(rows.get(i), x, i * trials.features());
        }
        NDArray features = null;
        if (targets.hasFeatures()) {
            int dim = targets.featureDim();
            float[] f = new float[n * dim];
            for (int i = 0; i < n; i++) {
                System.arraycopy(targets.features().get(trials.stimuli().get(rows.get(i))), 0, f, i * dim, dim);
            }
            features = scope.create(f, new Shape(n, dim));
        }
        NDArray oneHot = null;
        if (targets.hasClasses()) {
            int classes = targets.classNames().size();
            float[] h = new float[n * classes];
            for (int i = 0; i < n; i++) {
                h[i * classes + targets.classOf(trials.stimuli().get(rows.get(i)))] = 1f;
            }
            oneHot = scope.create(h, new Shape(n, classes));
        }
        NDArray input = scope.create(x, new Shape(n, trials.features()));
        return new Group(encoder.adapt(trials.subject(), input), features, oneHot, n);
    }

    private Map<String, float[]> snapshot() {
        Map<String, float[]> copy = new LinkedHashMap<>();
        encoder.parameters.all().forEach((k, v) -> copy.put(k, v.toFloatArray()));
        return copy;
    }

    private void restore(Map<String, float[]> values) {
        values.forEach((k, v) -> {
            NDArray p = encoder.parameters.get(k);
            encoder.parameters.put(k, encoder.manager.create(v, p.getShape()));
        });
    }

    /** Stores, for every training stimulus, the mean of its trials' adapter outputs over all subjects. */
    public void storePrototypes(List<TrialSet> train) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (TrialSet t : train) {
            float[][] shared = encoder.shared(t).toRows();
            for (int i = 0; i < shared.length; i++) {
                double[] s = sums.computeIfAbsent(t.stimuli().get(i), k -> new double[shared[0].length]);
                for (int k = 0; k < s.length; k++) {
                    s[k] += shared[i][k];
                }
                counts.merge(t.stimuli().get(i), 1, Integer::sum);
            }
        }
        encoder.prototypes.clear();
        sums.forEach((id, s) -> {
            float[] mean = new float[s.length];
            for (int k = 0; k < s.length; k++) {
                mean[k] = (float) (s[k] / counts.get(id));
            }
            encoder.prototypes.put(id, mean);
        });
    }
}
