package org.neurodec.encoders;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.FloatMatrix;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.SubjectRegistry;
import org.neurodec.subjects.TrialSet;

/**
 * The shared cross-subject encoder. Each subject has an adapter into a common space: fMRI, a linear
 * map of its voxels to d; EEG, a linear mixing of its channels into the common channels at every
 * sample. The shared backbone is, for EEG, a temporal-spatial convolutional front end
 * ({@link EegFrontEnd}) to d, then for both a residual MLP (pre-norm blocks {@code h + W2 gelu(W1 LN(h))})
 * and a final normalisation. Heads: a contrastive projection into the stimulus-feature space
 * (symmetric InfoNCE), a regression head (MSE to the features) and a classifier (cross-entropy); the
 * heads a model has follow from its {@link Targets}. Parameters are float32 DJL arrays on the chosen
 * device; {@link ModelFolder} saves and loads the model.
 */
public final class SharedEncoder implements AutoCloseable {

    /**
     * What the model reads and predicts.
     *
     * @param modality fMRI or EEG (all subjects share it)
     * @param times samples per EEG epoch (1 for fMRI)
     * @param featureDim stimulus-feature dimension (0: no contrastive or regression head)
     * @param classes class names (empty: no classifier)
     */
    public record Layout(Modality modality, int times, int featureDim, List<String> classes) {

        /** Keeps an unmodifiable copy of the classes. */
        public Layout {
            classes = List.copyOf(classes);
        }
    }

    /** EEG trials are in volts (as everywhere in neurodec); adapters read them in microvolts. */
    static final float EEG_INPUT_SCALE = 1e6f;

    final NDManager manager;
    final Parameters parameters;
    final EncoderConfig config;
    final Layout layout;
    final SubjectRegistry registry;
    final Map<String, float[]> prototypes = new LinkedHashMap<>();

    SharedEncoder(EncoderConfig config, Layout layout, SubjectRegistry registry, Device device) {
        this(NDManager.newBaseManager(device, "PyTorch"), null, config, layout, registry);
    }

    private SharedEncoder(NDManager manager, Parameters parameters, EncoderConfig config, Layout layout,
            SubjectRegistry registry) {
        NativeHeap.tune();
        this.manager = manager;
        this.parameters = parameters == null ? new Parameters(manager) : parameters;
        this.config = config;
        this.layout = layout;
        this.registry = registry;
    }

    /** A new encoder with seeded weights for these subjects (one modality; EEG epochs of one length) and targets. */
    public static SharedEncoder create(EncoderConfig config, Targets targets, List<Subject> subjects, Device device) {
        if (subjects.isEmpty()) {
            throw new EncoderException("shared encoder: expected at least one subject, found none");
        }
        Subject first = subjects.get(0);
        for (Subject s : subjects) {
            if (s.modality() != first.modality() || s.times() != first.times()) {
                throw new EncoderException("shared encoder: subject " + s.id() + ": expected " + first.modality() + " trials of "
                        + first.times() + " samples like subject " + first.id() + ", found " + s.modality() + " of " + s.times());
            }
        }
        if (!targets.hasFeatures() && !targets.hasClasses()) {
            throw new EncoderException("shared encoder: expected feature or class targets, found neither");
        }
        Layout layout = new Layout(first.modality(), first.times(), targets.featureDim(), targets.classNames());
        SharedEncoder encoder = new SharedEncoder(config, layout, SubjectRegistry.of(List.of()), device);
        Parameters p = encoder.parameters;
        Random random = new Random(config.seed());
        int d = config.sharedDim();
        if (layout.modality() == Modality.EEG) {
            EegFrontEnd.create(p, config, layout.times(), random);
        }
        for (int b = 0; b < config.blocks(); b++) {
            String name = "backbone.block" + b;
            p.constant(name + ".norm.gain", 1f, d);
            p.constant(name + ".norm.bias", 0f, d);
            p.gaussian(name + ".in.weight", random, 1 / Math.sqrt(d), d, config.hidden());
            p.constant(name + ".in.bias", 0f, config.hidden());
            p.gaussian(name + ".out.weight", random, 0.5 / Math.sqrt(config.hidden()), config.hidden(), d);
            p.constant(name + ".out.bias", 0f, d);
        }
        p.constant("backbone.final.norm.gain", 1f, d);
        p.constant("backbone.final.norm.bias", 0f, d);
        if (layout.featureDim() > 0) {
            p.gaussian("head.contrastive.weight", random, 1 / Math.sqrt(d), d, layout.featureDim());
            p.gaussian("head.regression.weight", random, 1 / Math.sqrt(d), d, layout.featureDim());
            p.constant("head.regression.bias", 0f, layout.featureDim());
        }
        if (!layout.classes().isEmpty()) {
            p.gaussian("head.classifier.weight", random, 1 / Math.sqrt(d), d, layout.classes().size());
            p.constant("head.classifier.bias", 0f, layout.classes().size());
        }
        for (Subject s : subjects) {
            encoder.addSubject(s, random);
        }
        return encoder;
    }

    /** Registers a subject of the model's modality and gives it a seeded adapter. */
    public void addSubject(Subject subject, Random random) {
        if (subject.modality() != layout.modality() || subject.times() != layout.times()) {
            throw new EncoderException("subject " + subject.id() + ": expected " + layout.modality() + " trials of "
                    + layout.times() + " samples, found " + subject.modality() + " of " + subject.times());
        }
        registry.add(subject);
        parameters.gaussian(adapterWeight(subject.id()), random, 1 / Math.sqrt(subject.features()), subject.features(),
                adapterWidth());
        parameters.constant(adapterBias(subject.id()), 0f, adapterWidth());
    }

    /** Outputs of an adapter per sample: d (fMRI) or the common channels (EEG). */
    int adapterWidth() {
        return layout.modality() == Modality.EEG ? config.conv().channels() : config.sharedDim();
    }

    static String adapterWeight(String subject) {
        return "adapter." + subject + ".weight";
    }

    static String adapterBias(String subject) {
        return "adapter." + subject + ".bias";
    }

    /**
     * Turns PyTorch's recording of operations for autograd off on this thread. DJL turns it off on the
     * thread that starts the engine, but PyTorch starts every other thread with it on, and an
     * inference or an optimiser step recorded there keeps graphs alive and breaks the next backward
     * pass (found running the encoder from a notebook kernel, which runs each cell on a new thread).
     */
    static void recordNothing() {
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    /** The device the parameters live on. */
    public Device device() {
        return manager.getDevice();
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

    /** Subject {@code id}'s trials (trials × features) through its adapter: trials × d, or trials × times × channels. */
    NDArray adapt(String id, NDArray x) {
        NDArray w = parameters.get(adapterWeight(id));
        NDArray b = parameters.get(adapterBias(id));
        if (layout.modality() != Modality.EEG) {
            return x.matMul(w).add(b);
        }
        long n = x.getShape().get(0);
        return x.mul(scalar(x, EEG_INPUT_SCALE)).reshape(n, w.getShape().get(0), layout.times()).transpose(0, 2, 1).matMul(w).add(b);
    }

    /** The backbone and final normalisation: adapter outputs → trials × d. */
    NDArray backbone(NDArray h) {
        if (layout.modality() == Modality.EEG) {
            h = EegFrontEnd.forward(parameters, config.conv(), h);
        }
        for (int b = 0; b < config.blocks(); b++) {
            String p = "backbone.block" + b;
            NDArray inner = norm(h, p + ".norm").matMul(parameters.get(p + ".in.weight")).add(parameters.get(p + ".in.bias"));
            h = h.add(Activation.gelu(inner).matMul(parameters.get(p + ".out.weight")).add(parameters.get(p + ".out.bias")));
        }
        return norm(h, "backbone.final.norm");
    }

    private NDArray norm(NDArray h, String name) {
        NDArray centred = h.sub(h.mean(new int[] {1}, true));
        NDArray scale = centred.square().mean(new int[] {1}, true).add(scalar(h, 1e-5)).sqrt();
        return centred.div(scale).mul(parameters.get(name + ".gain")).add(parameters.get(name + ".bias"));
    }

    /** The contrastive projection of backbone outputs, in the feature space. */
    NDArray contrastive(NDArray z) {
        return z.matMul(parameters.get("head.contrastive.weight"));
    }

    /** The classifier's logits. */
    NDArray logits(NDArray z) {
        return z.matMul(parameters.get("head.classifier.weight")).add(parameters.get("head.classifier.bias"));
    }

    /**
     * The training loss of backbone outputs {@code z}: symmetric InfoNCE between projections and
     * {@code features} (row i matches row i) plus the weighted regression MSE, when features are given;
     * plus the weighted cross-entropy against {@code oneHot} classes, when those are given.
     */
    NDArray loss(NDArray z, NDArray features, NDArray oneHot) {
        NDArray total = null;
        if (features != null) {
            NDArray e = unit(contrastive(z));
            NDArray f = unit(features);
            NDArray similarity = e.matMul(f.transpose()).div(scalar(z, config.temperature()));
            NDArray eye = manager.eye((int) similarity.getShape().get(0)).toType(similarity.getDataType(), false);
            NDArray forward = similarity.logSoftmax(1).mul(eye).sum().neg();
            NDArray backward = similarity.logSoftmax(0).mul(eye).sum().neg();
            NDArray infoNce = forward.add(backward).div(scalar(z, 2.0 * similarity.getShape().get(0)));
            NDArray regression = z.matMul(parameters.get("head.regression.weight")).add(parameters.get("head.regression.bias"));
            total = infoNce.add(regression.sub(features).square().mean().mul(scalar(z, config.mseWeight())));
        }
        if (oneHot != null) {
            NDArray crossEntropy = logits(z).logSoftmax(1).mul(oneHot).sum().neg().div(scalar(z, oneHot.getShape().get(0)));
            crossEntropy = crossEntropy.mul(scalar(z, config.classWeight()));
            total = total == null ? crossEntropy : total.add(crossEntropy);
        }
        return total;
    }

    /**
     * A float32 scalar in {@code like}'s manager, alive until that manager closes. The engine's
     * {@code mul(Number)}, {@code div(Number)} and the like wrap the number in an array that they close
     * at once, while autograd keeps a reference to it for the backward pass; the Java buffer behind it
     * can then be freed (and reused) before the backward pass reads it. Every constant in a
     * differentiated expression therefore goes through here.
     */
    static NDArray scalar(NDArray like, double value) {
        return like.getManager().create((float) value);
    }

    static NDArray unit(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).add(scalar(x, 1e-12)).sqrt());
    }

    /** Each trial's predicted stimulus features (the contrastive projection), trials × features. */
    public FloatMatrix predict(TrialSet trials) {
        if (layout.featureDim() == 0) {
            throw new EncoderException("this model has no feature heads (it was trained on classes only)");
        }
        return evaluate(trials, layout.featureDim(), h -> contrastive(backbone(h)));
    }

    /** The one conversion of a {@link FloatMatrix} to DJL: an array of its shape in {@code manager}. */
    public static NDArray toArray(FloatMatrix matrix, NDManager manager) {
        return manager.create(matrix.copyOfValues(), new Shape(matrix.rows(), matrix.cols()));
    }

    /** Each trial's class probabilities, trials × classes (in {@link Layout#classes()} order). */
    public FloatMatrix classProbabilities(TrialSet trials) {
        if (layout.classes().isEmpty()) {
            throw new EncoderException("this model has no classifier (it was trained on stimulus features only)");
        }
        return evaluate(trials, layout.classes().size(), h -> logits(backbone(h)).softmax(1));
    }

    /** Each trial through its subject's adapter and the shared backbone: trials × d, the input of every head. */
    public FloatMatrix embed(TrialSet trials) {
        return evaluate(trials, config.sharedDim(), this::backbone);
    }

    /** Each trial through its subject's adapter, flattened: trials × d (fMRI) or trials × (times × channels) (EEG). */
    public FloatMatrix shared(TrialSet trials) {
        return evaluate(trials, adapterWidth() * layout.times(), h -> h.reshape(h.getShape().get(0), -1));
    }

    /** Runs {@code head} on the trials' adapter outputs in a scope that frees every intermediate array. */
    private FloatMatrix evaluate(TrialSet trials, int width, UnaryOperator<NDArray> head) {
        recordNothing();
        if (!registry.contains(trials.subject())) {
            throw new EncoderException("subject " + trials.subject() + " has no adapter in this model (subjects "
                    + registry.list().stream().map(Subject::id).toList() + ")");
        }
        try (NDManager scope = manager.newSubManager()) {
            parameters.tempAttach(scope);
            NDArray x = scope.create(trials.copyOfValues(), new Shape(trials.trials(), trials.features()));
            return FloatMatrix.wrap(head.apply(adapt(trials.subject(), x)).toFloatArray(), trials.trials(), width, trials.stimuli());
        }
    }

    /** The config. */
    public EncoderConfig config() {
        return config;
    }

    /** What the model reads and predicts. */
    public Layout layout() {
        return layout;
    }

    /** The subjects the encoder has adapters for. */
    public SubjectRegistry registry() {
        return registry;
    }

    /** How many parameters (values) the model has. */
    public long parameterCount() {
        return parameters.size();
    }

    /** The mean adapter output of each training stimulus over the training subjects. */
    public Map<String, float[]> prototypes() {
        return Collections.unmodifiableMap(prototypes);
    }

    @Override
    public void close() {
        manager.close();
    }
}
