package org.neurodec.encoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.adapters.Ridge;
import org.neurodec.subjects.adapters.RidgeModel;

/**
 * Fits a new subject's adapter with the backbone and heads frozen: first in closed form, a ridge map
 * (penalty by leave-one-out) from the subject's calibration trials to the shared-space prototypes of
 * their stimuli, then a few epochs of gradient steps on the training loss that move only the adapter.
 */
public final class NewSubject {

    private NewSubject() {
    }

    /** Adds {@code calibration}'s subject to {@code encoder} and fits its adapter; returns the training report. */
    public static TrainingReport adapt(SharedEncoder encoder, Subject subject, TrialSet calibration,
            StimulusFeatures features, int epochs, java.util.function.Consumer<String> progress) {
        if (!calibration.subject().equals(subject.id()) || calibration.features() != subject.features()) {
            throw new EncoderException("new subject " + subject.id() + ": expected calibration trials of that subject with "
                    + subject.features() + " features, found subject " + calibration.subject() + " with "
                    + calibration.features());
        }
        encoder.addSubject(subject, new Random(encoder.config.seed() ^ subject.id().hashCode()));
        List<Integer> known = new ArrayList<>();
        for (int t = 0; t < calibration.trials(); t++) {
            if (encoder.prototypes.containsKey(calibration.stimuli().get(t))) {
                known.add(t);
            }
        }
        if (known.size() >= 2) {
            double[][] x = calibration.select(known.stream().mapToInt(Integer::intValue).toArray()).toRows();
            double[][] y = new double[known.size()][];
            for (int i = 0; i < known.size(); i++) {
                float[] p = encoder.prototypes.get(calibration.stimuli().get(known.get(i)));
                y[i] = new double[p.length];
                for (int k = 0; k < p.length; k++) {
                    y[i][k] = p[k];
                }
            }
            RidgeModel ridge = Ridge.fit(x, y, Ridge.logSpace(-2, 5, 15), false);
            float[] w = new float[x[0].length * y[0].length];
            for (int f = 0; f < x[0].length; f++) {
                for (int k = 0; k < y[0].length; k++) {
                    w[f * y[0].length + k] = (float) ridge.weights()[f][k];
                }
            }
            float[] b = new float[y[0].length];
            for (int k = 0; k < b.length; k++) {
                b[k] = (float) ridge.intercept()[k];
            }
            encoder.parameters.put(SharedEncoder.adapterWeight(subject.id()),
                    encoder.manager.create(w, new ai.djl.ndarray.types.Shape(x[0].length, y[0].length)));
            encoder.parameters.put(SharedEncoder.adapterBias(subject.id()), encoder.manager.create(b));
        }
        if (epochs == 0) {
            return new TrainingReport(List.of(), List.of(), List.of(), -1, 0);
        }
        Set<String> frozen = encoder.parameters.all().keySet().stream()
                .filter(n -> !n.startsWith("adapter." + subject.id() + "."))
                .collect(Collectors.toSet());
        EncoderConfig c = encoder.config;
        EncoderConfig fine = new EncoderConfig(c.sharedDim(), c.blocks(), c.hidden(), c.temperature(), c.mseWeight(),
                c.learningRate() / 4, c.weightDecay(), epochs, Math.min(c.batchSize(), Math.max(2, calibration.trials())),
                epochs, c.seed(), false);
        SharedEncoder view = encoder.withConfig(fine);
        return new Trainer(view, features, progress).train(List.of(calibration), List.of(), frozen);
    }
}
