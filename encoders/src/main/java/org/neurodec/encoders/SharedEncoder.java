package org.neurodec.encoders;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.SubjectRegistry;
import org.neurodec.subjects.TrialSet;

/**
 * The shared cross-subject encoder for fMRI: a linear adapter per subject from its voxels into a
 * shared d-dimensional space, a shared residual MLP backbone (pre-norm blocks
 * {@code h + W2 gelu(W1 LN(h))}), and two heads on the normalised output: a contrastive projection
 * into the stimulus-feature space (symmetric InfoNCE) and a regression head (MSE to the features).
 * Parameters are float32 DJL arrays on the chosen device; {@link ModelFolder} saves and loads it.
 */
public final class SharedEncoder implements AutoCloseable {

    final NDManager manager;
    final Parameters parameters;
    final EncoderConfig config;
    final int featureDim;
    final SubjectRegistry registry;
    final Map<String, float[]> prototypes = new LinkedHashMap<>();

    SharedEncoder(EncoderConfig config, int featureDim, SubjectRegistry registry, Device device) {
        this(NDManager.newBaseManager(device, "PyTorch"), null, config, featureDim, registry);
    }

    private SharedEncoder(NDManager manager, Parameters parameters, EncoderConfig config, int featureDim,
            SubjectRegistry registry) {
        this.manager = manager;
        this.parameters = parameters == null ? new Parameters(manager) : parameters;
        this.config = config;
        this.featureDim = featureDim;
        this.registry = registry;
    }

    /** The same model (shared parameters, subjects, prototypes) trained under another config. */
    SharedEncoder withConfig(EncoderConfig other) {
        SharedEncoder view = new SharedEncoder(manager, parameters, other, featureDim, registry);
        view.prototypes.putAll(prototypes);
        return view;
    }

    /** A new encoder with seeded weights for these subjects and features of {@code featureDim}. */
    public static SharedEncoder create(EncoderConfig config, int featureDim, List<Subject> subjects, Device device) {
        SharedEncoder encoder = new SharedEncoder(config, featureDim, SubjectRegistry.of(List.of()), device);
        Random random = new Random(config.seed());
        int d = config.sharedDim();
        for (int b = 0; b < config.blocks(); b++) {
            String p = "block" + b;
            encoder.parameters.constant(p + ".norm.gain", 1f, d);
            encoder.parameters.constant(p + ".norm.bias", 0f, d);
            encoder.parameters.gaussian(p + ".in.weight", random, 1 / Math.sqrt(d), d, config.hidden());
            encoder.parameters.constant(p + ".in.bias", 0f, config.hidden());
            encoder.parameters.gaussian(p + ".out.weight", random, 0.5 / Math.sqrt(config.hidden()), config.hidden(), d);
            encoder.parameters.constant(p + ".out.bias", 0f, d);
        }
        encoder.parameters.constant("final.norm.gain", 1f, d);
        encoder.parameters.constant("final.norm.bias", 0f, d);
        encoder.parameters.gaussian("contrastive.weight", random, 1 / Math.sqrt(d), d, featureDim);
        encoder.parameters.gaussian("regression.weight", random, 1 / Math.sqrt(d), d, featureDim);
        encoder.parameters.constant("regression.bias", 0f, featureDim);
        for (Subject s : subjects) {
            encoder.addSubject(s, random);
        }
        return encoder;
    }

    /** Registers a subject and gives it a seeded adapter (voxels → d). */
    public void addSubject(Subject subject, Random random) {
        registry.add(subject);
        parameters.gaussian(adapterWeight(subject.id()), random, 1 / Math.sqrt(subject.features()),
                subject.features(), config.sharedDim());
        parameters.constant(adapterBias(subject.id()), 0f, config.sharedDim());
    }

    static String adapterWeight(String subject) {
        return "adapter." + subject + ".weight";
    }

    static String adapterBias(String subject) {
        return "adapter." + subject + ".bias";
    }

    /** The device named by {@code auto}, {@code cpu} or {@code gpu}. */
    public static Device device(String choice) {
        Engine engine = Engine.getEngine("PyTorch");
        return switch (choice) {
            case "auto" -> engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (engine.getGpuCount() == 0) {
                    throw new EncoderException("--device gpu: no CUDA GPU visible to PyTorch (the CPU natives are bundled;"
                            + " see the README for the CUDA ones)");
                }
                yield Device.gpu();
            }
            default -> throw new EncoderException("--device: expected auto, cpu or gpu, found " + choice);
        };
    }

    /** Subject {@code id}'s trials (n × voxels) in the shared space. */
    NDArray adapt(String id, NDArray x) {
        return x.matMul(parameters.get(adapterWeight(id))).add(parameters.get(adapterBias(id)));
    }

    /** The backbone and final normalisation. */
    NDArray backbone(NDArray h) {
        for (int b = 0; b < config.blocks(); b++) {
            String p = "block" + b;
            NDArray inner = norm(h, p + ".norm").matMul(parameters.get(p + ".in.weight")).add(parameters.get(p + ".in.bias"));
            h = h.add(Activation.gelu(inner).matMul(parameters.get(p + ".out.weight")).add(parameters.get(p + ".out.bias")));
        }
        return norm(h, "final.norm");
    }

    private NDArray norm(NDArray h, String name) {
        NDArray centred = h.sub(h.mean(new int[] {1}, true));
        NDArray scale = centred.square().mean(new int[] {1}, true).add(1e-5f).sqrt();
        return centred.div(scale).mul(parameters.get(name + ".gain")).add(parameters.get(name + ".bias"));
    }

    /** The contrastive projection of backbone outputs, in the feature space. */
    NDArray contrastive(NDArray z) {
        return z.matMul(parameters.get("contrastive.weight"));
    }

    /** The regression head's feature predictions. */
    NDArray regression(NDArray z) {
        return z.matMul(parameters.get("regression.weight")).add(parameters.get("regression.bias"));
    }

    /** Symmetric InfoNCE between projections and features (row i matches row i), plus the weighted MSE. */
    NDArray loss(NDArray z, NDArray features) {
        NDArray e = unit(contrastive(z));
        NDArray f = unit(features);
        NDArray logits = e.matMul(f.transpose()).div((float) config.temperature());
        NDArray eye = manager.eye((int) logits.getShape().get(0)).toType(logits.getDataType(), false);
        NDArray forward = logits.logSoftmax(1).mul(eye).sum().neg();
        NDArray backward = logits.logSoftmax(0).mul(eye).sum().neg();
        NDArray infoNce = forward.add(backward).div(2f * logits.getShape().get(0));
        NDArray mse = regression(z).sub(features).square().mean();
        return infoNce.add(mse.mul((float) config.mseWeight()));
    }

    static NDArray unit(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
    }

    /** Each trial's predicted stimulus features (the contrastive projection), trials × features. */
    public float[][] predict(TrialSet trials) {
        return evaluate(trials, featureDim, this::contrastiveOfShared);
    }

    /** Each trial in the shared space (the adapter's output), trials × d. */
    public float[][] shared(TrialSet trials) {
        return evaluate(trials, config.sharedDim(), h -> h);
    }

    private NDArray contrastiveOfShared(NDArray h) {
        return contrastive(backbone(h));
    }

    /** Runs {@code head} on the trials' shared-space vectors in a scope that frees every intermediate array. */
    private float[][] evaluate(TrialSet trials, int width, java.util.function.UnaryOperator<NDArray> head) {
        try (NDManager scope = manager.newSubManager()) {
            parameters.tempAttach(scope);
            NDArray x = scope.create(trials.copyOfValues(), new Shape(trials.trials(), trials.features()));
            return rows(head.apply(adapt(trials.subject(), x)).toFloatArray(), trials.trials(), width);
        }
    }

    static float[][] rows(float[] flat, int n, int width) {
        float[][] out = new float[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * width, out[i], 0, width);
        }
        return out;
    }

    /** The config. */
    public EncoderConfig config() {
        return config;
    }

    /** The subjects the encoder has adapters for. */
    public SubjectRegistry registry() {
        return registry;
    }

    /** How many parameters (values) the model has. */
    public long parameterCount() {
        return parameters.size();
    }

    /** The mean shared-space vector of each training stimulus over the training subjects. */
    public Map<String, float[]> prototypes() {
        return java.util.Collections.unmodifiableMap(prototypes);
    }

    @Override
    public void close() {
        manager.close();
    }
}
