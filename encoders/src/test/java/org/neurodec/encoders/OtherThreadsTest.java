package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;

/**
 * Training and inference from threads other than the one that started the engine (PyTorch starts
 * new threads recording operations for autograd; a notebook kernel runs each cell on a new thread):
 * two models trained one after the other, each on a fresh thread, end with the weights of the same
 * training on this thread.
 */
class OtherThreadsTest {

    private static final CohortData DATA = CohortData.DEFAULT;
    private static final EncoderConfig CONFIG = EncoderConfig.defaults().withEpochs(3).withSeed(5);

    private static Map<String, float[]> train() {
        TrialSet trials = DATA.train(0);
        Targets targets = Targets.of(DATA.features);
        try (SharedEncoder encoder = SharedEncoder.create(CONFIG, targets, List.of(Subject.of(trials, List.of())), Device.cpu())) {
            Trainer trainer = new Trainer(encoder, targets, line -> { });
            trainer.train(List.of(trials), List.of(), Set.of());
            trainer.storePrototypes(List.of(trials));
            encoder.predict(DATA.trials(0, DATA.test, true)).toRows();
            Map<String, float[]> weights = new java.util.TreeMap<>();
            encoder.parameters.all().forEach((name, p) -> weights.put(name, p.toFloatArray()));
            return weights;
        }
    }

    @Test
    void freshThreadsTrainAsThisOneDoes() throws Exception {
        Map<String, float[]> here = train();
        for (int run = 0; run < 2; run++) {
            ExecutorService fresh = Executors.newSingleThreadExecutor();
            try {
                Future<Map<String, float[]>> there = fresh.submit(OtherThreadsTest::train);
                Map<String, float[]> weights = there.get();
                for (String name : here.keySet()) {
                    assertArrayEquals(here.get(name), weights.get(name), 0f, "run " + run + ", " + name);
                }
            } finally {
                fresh.shutdownNow();
            }
        }
    }
}
