package org.neurodec.encoders;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.adapters.Ridge;
import org.neurodec.subjects.adapters.RidgeModel;

/**
 * Fits a new subject's adapter with the backbone and heads frozen. When the subject's features mean
 * the same as the training subjects' (a feature matrix of the same width, such as per-subject
 * standardised SSVEP features), the adapter starts as the training subjects' mean adapter, so a
 * subject with no calibration trials is decoded zero-shot. Otherwise it starts in closed form: a ridge
 * map (penalty by leave-one-out) from the subject's calibration data to the prototypes of their
 * stimuli, the training subjects' mean adapter outputs. For fMRI each trial's voxels map to its
 * prototype in the shared space; for EEG each sample's channels map to the prototype's common channels
 * at that sample, so the mixing matrix is fitted on trials × samples rows. Then, with two or more
 * calibration trials, a few epochs of gradient steps on the training loss that move only the adapter.
 * (On SSVEP-Exo the prototype ridge fitted on top of the mean adapter lowered accuracy from 0.81 to
 * 0.73–0.76, so the mean adapter is kept as the start.)
 */
public final class NewSubject {

    private NewSubject() {
    }

    /** Adds {@code calibration}'s subject to {@code encoder} and fits its adapter; returns the training report. */
    public static TrainingReport adapt(SharedEncoder encoder, Subject subject, TrialSet calibration, Targets targets,
            int epochs, Consumer<String> progress) {
        if (!calibration.subject().equals(subject.id()) || calibration.channels() != subject.features()
                || calibration.times() != subject.times()) {
            throw new EncoderException("new subject " + subject.id() + ": expected calibration trials of that subject with "
                    + subject.features() + " × " + subject.times() + " values, found subject " + calibration.subject() + " with "
                    + calibration.channels() + " × " + calibration.times());
        }
        boolean shared = startFromMeanAdapter(encoder, subject);
        if (!shared) {
            fitClosedForm(encoder, subject, calibration);
        }
        if (epochs == 0 || calibration.trials() < 2) {
            return TrainingReport.empty();
        }
        Set<String> frozen = encoder.parameters.all().keySet().stream()
                .filter(n -> !n.startsWith("adapter." + subject.id() + "."))
                .collect(Collectors.toSet());
        EncoderConfig c = encoder.config;
        EncoderConfig fine = c.withGradientSurgery(false).withEpochs(epochs)
                .withTraining(c.learningRate() / 4, Math.min(c.batchSize(), Math.max(2, calibration.trials())), epochs);
        try (Trainer trainer = new Trainer(encoder, fine, targets, progress)) {
            return trainer.train(List.of(calibration), List.of(), frozen);
        }
    }

    /**
     * Fine-tunes the whole model for {@code calibration}'s subject, whose adapter must already be
     * fitted: backbone, heads and that adapter move, at a tenth of the learning rate; the other
     * subjects' adapters stay as they are.
     */
    public static TrainingReport fineTune(SharedEncoder encoder, TrialSet calibration, Targets targets, int epochs,
            Consumer<String> progress) {
        if (!encoder.registry.contains(calibration.subject())) {
            throw new EncoderException("fine-tuning: subject " + calibration.subject() + " has no adapter yet (adapt it first)");
        }
        Set<String> frozen = encoder.parameters.all().keySet().stream()
                .filter(n -> n.startsWith("adapter.") && !n.startsWith("adapter." + calibration.subject() + "."))
                .collect(Collectors.toSet());
        EncoderConfig c = encoder.config;
        EncoderConfig fine = c.withGradientSurgery(false).withEpochs(epochs)
                .withTraining(c.learningRate() / 10, Math.min(c.batchSize(), Math.max(2, calibration.trials())), epochs);
        try (Trainer trainer = new Trainer(encoder, fine, targets, progress)) {
            return trainer.train(List.of(calibration), List.of(), frozen);
        }
    }

    /**
     * Registers the subject; for a feature-matrix model whose training subjects all have its width,
     * gives it their mean adapter (returns true), else a seeded random one.
     */
    private static boolean startFromMeanAdapter(SharedEncoder encoder, Subject subject) {
        List<Subject> peers = encoder.registry.list().stream().filter(s -> s.features() == subject.features()).toList();
        boolean shared = encoder.layout.modality() == org.neurodec.subjects.Modality.FEATURES && !peers.isEmpty()
                && peers.size() == encoder.registry.list().size();
        encoder.addSubject(subject, new Random(encoder.config.seed() ^ subject.id().hashCode()));
        if (!shared) {
            return false;
        }
        int features = subject.features();
        int width = encoder.adapterWidth();
        float[] w = new float[features * width];
        float[] b = new float[width];
        for (Subject peer : peers) {
            float[] pw = encoder.parameters.get(SharedEncoder.adapterWeight(peer.id())).toFloatArray();
            float[] pb = encoder.parameters.get(SharedEncoder.adapterBias(peer.id())).toFloatArray();
            for (int i = 0; i < w.length; i++) {
                w[i] += pw[i] / peers.size();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] += pb[i] / peers.size();
            }
        }
        encoder.parameters.put(SharedEncoder.adapterWeight(subject.id()), encoder.manager.create(w, new Shape(features, width)));
        encoder.parameters.put(SharedEncoder.adapterBias(subject.id()), encoder.manager.create(b));
        return true;
    }

    private static void fitClosedForm(SharedEncoder encoder, Subject subject, TrialSet calibration) {
        List<Integer> known = new ArrayList<>();
        for (int t = 0; t < calibration.trials(); t++) {
            if (encoder.prototypes.containsKey(calibration.stimuli().get(t))) {
                known.add(t);
            }
        }
        int times = calibration.times();
        int channels = calibration.channels();
        int width = encoder.adapterWidth();
        double scale = encoder.layout.modality() == org.neurodec.subjects.Modality.EEG ? SharedEncoder.EEG_INPUT_SCALE : 1;
        if (known.size() < 2) {
            return;
        }
        double[][] x = new double[known.size() * times][channels];
        double[][] y = new double[known.size() * times][width];
        for (int i = 0; i < known.size(); i++) {
            float[] row = calibration.row(known.get(i));
            float[] prototype = encoder.prototypes.get(calibration.stimuli().get(known.get(i)));
            for (int s = 0; s < times; s++) {
                for (int c = 0; c < channels; c++) {
                    x[i * times + s][c] = scale * row[c * times + s];
                }
                for (int k = 0; k < width; k++) {
                    y[i * times + s][k] = prototype[s * width + k];
                }
            }
        }
        RidgeModel ridge = Ridge.fit(x, y, Ridge.logSpace(-2, 5, 15), false);
        float[] w = new float[channels * width];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < width; k++) {
                w[c * width + k] = (float) ridge.weights()[c][k];
            }
        }
        float[] b = new float[width];
        for (int k = 0; k < width; k++) {
            b[k] = (float) ridge.intercept()[k];
        }
        encoder.parameters.put(SharedEncoder.adapterWeight(subject.id()), encoder.manager.create(w, new Shape(channels, width)));
        encoder.parameters.put(SharedEncoder.adapterBias(subject.id()), encoder.manager.create(b));
    }
}
