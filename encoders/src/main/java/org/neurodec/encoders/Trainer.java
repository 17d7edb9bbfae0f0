package org.neurodec.encoders;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.neurodec.subjects.TrialSet;

/**
 * Joint training of a shared encoder on several subjects: seeded batches that mix subjects, each
 * subject's trials through its own adapter, InfoNCE + MSE per subject weighted by its share of the
 * batch, AdamW with warm-up and cosine decay, validation retrieval after every epoch with early
 * stopping (the best epoch's weights are kept), and, on each epoch's first batch, the pairwise cosine
 * between subjects' gradients on the backbone. With gradient surgery every batch's subject gradients
 * are combined by PCGrad (Yu et al. 2020).
 */
public final class Trainer {

    private final SharedEncoder encoder;
    private final StimulusFeatures features;
    private final Consumer<String> progress;

    /** A trainer for {@code encoder} against {@code features}, reporting progress lines to {@code progress}. */
    public Trainer(SharedEncoder encoder, StimulusFeatures features, Consumer<String> progress) {
        this.encoder = encoder;
        this.features = features;
        this.progress = progress;
    }

    /** Trains on {@code train}; {@code validation} (same subjects, other trials) picks the epoch; frozen names are not updated. */
    public TrainingReport train(List<TrialSet> train, List<TrialSet> validation, Set<String> frozen) {
        EncoderConfig config = encoder.config;
        long start = System.nanoTime();
        Random random = new Random(config.seed() + 1);
        List<int[]> pool = new ArrayList<>();
        for (int s = 0; s < train.size(); s++) {
            for (int t = 0; t < train.get(s).trials(); t++) {
                pool.add(new int[] {s, t});
            }
        }
        int batches = (pool.size() + config.batchSize() - 1) / config.batchSize();
        AdamW optimizer = new AdamW(encoder.manager, config.learningRate(), config.weightDecay(),
                (long) batches * config.epochs());
        List<Double> losses = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<double[][]> conflicts = new ArrayList<>();
        Map<String, float[]> best = snapshot();
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = -1;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            Collections.shuffle(pool, random);
            double total = 0;
            for (int b = 0; b < batches; b++) {
                List<int[]> batch = pool.subList(b * config.batchSize(), Math.min(pool.size(), (b + 1) * config.batchSize()));
                boolean perSubject = config.gradientSurgery() || b == 0;
                StepResult step = step(train, batch, optimizer, frozen, perSubject, random);
                total += step.loss;
                if (b == 0) {
                    conflicts.add(step.cosines);
                }
            }
            losses.add(total / batches);
            double score = validation.isEmpty() ? -losses.get(epoch) : top1(validation);
            scores.add(score);
            if (score > bestScore) {
                bestScore = score;
                bestEpoch = epoch;
                best = snapshot();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            progress.accept(String.format(java.util.Locale.ROOT, "epoch %d/%d  loss %.4f  validation top-1 %.3f  %.0f s left",
                    epoch + 1, config.epochs(), losses.get(epoch), score, elapsed / (epoch + 1) * (config.epochs() - epoch - 1)));
            if (epoch - bestEpoch >= config.patience()) {
                progress.accept("early stop: no better validation score for " + config.patience() + " epochs");
                break;
            }
        }
        restore(best);
        return new TrainingReport(losses, scores, conflicts, bestEpoch, (System.nanoTime() - start) / 1e9);
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
            groups.forEach((s, rows) -> losses.add(() -> groupLoss(scope, train.get(s), rows)
                    .mul(rows.size() / (float) batch.size())));
            Map<String, NDArray> gradients;
            double loss = 0;
            double[][] cosines = null;
            if (!perSubject) {
                loss = backward(() -> losses.stream().map(Supplier::get).reduce(NDArray::add).orElseThrow());
                gradients = new HashMap<>();
                parameters.all().forEach((name, p) -> gradients.put(name, p.getGradient()));
            } else {
                List<Map<String, NDArray>> perGroup = new ArrayList<>();
                for (Supplier<NDArray> groupLoss : losses) {
                    loss += backward(groupLoss);
                    Map<String, NDArray> grads = new HashMap<>();
                    parameters.all().forEach((name, p) -> grads.put(name, p.getGradient().duplicate()));
                    perGroup.add(grads);
                }
                List<String> backbone = backboneNames();
                cosines = GradientSurgery.cosines(perGroup, backbone);
                gradients = GradientSurgery.combine(perGroup, backbone, encoder.config.gradientSurgery(), random);
            }
            optimizer.update(parameters, gradients, frozen, scope);
            return new StepResult(loss, cosines);
        }
    }

    /** Zeroes every gradient, then back-propagates the loss; returns its value. */
    private float backward(Supplier<NDArray> loss) {
        zeroGradients(encoder.parameters);
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray value = loss.get();
            collector.backward(value);
            return value.getFloat();
        }
    }

    private NDArray groupLoss(NDManager scope, TrialSet trials, List<Integer> rows) {
        int n = rows.size();
        float[] x = new float[n * trials.features()];
        float[] f = new float[n * features.dim()];
        for (int i = 0; i < n; i++) {
            trials.copyRow(rows.get(i), x, i * trials.features());
            System.arraycopy(features.get(trials.stimuli().get(rows.get(i))), 0, f, i * features.dim(), features.dim());
        }
        NDArray input = scope.create(x, new Shape(n, trials.features()));
        NDArray target = scope.create(f, new Shape(n, features.dim()));
        return encoder.loss(encoder.backbone(encoder.adapt(trials.subject(), input)), target);
    }

    /**
     * Sets every gradient to exactly zero. Overwriting (not multiplying by 0) matters: a parameter
     * that no backward pass has reached yet holds an uninitialised gradient buffer.
     */
    private static void zeroGradients(Parameters parameters) {
        for (NDArray p : parameters.all().values()) {
            NDArray g = p.getGradient();
            g.set(new float[(int) g.size()]);
        }
    }

    private List<String> backboneNames() {
        return encoder.parameters.all().keySet().stream().filter(n -> n.startsWith("block") || n.startsWith("final")).toList();
    }

    /** Top-1 retrieval of validation trials among the validation stimuli. */
    double top1(List<TrialSet> validation) {
        double sum = 0;
        for (TrialSet v : validation) {
            List<String> candidates = v.stimuli().stream().distinct().toList();
            sum += Retrieval.topK(encoder.predict(v), v.stimuli(), features, candidates, 1);
        }
        return sum / validation.size();
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

    /** Stores, for every training stimulus, the mean of its trials' shared-space vectors over all subjects. */
    public void storePrototypes(List<TrialSet> train) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (TrialSet t : train) {
            float[][] shared = encoder.shared(t);
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
