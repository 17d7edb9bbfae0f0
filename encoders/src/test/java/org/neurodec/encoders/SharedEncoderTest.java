package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.adapters.Ridge;
import org.neurodec.subjects.adapters.RidgeModel;

/** The shared encoder on the synthetic cohort's files: decoding, determinism, save/load, a new subject. */
class SharedEncoderTest {

    private static final CohortData DATA = CohortData.DEFAULT;

    private static SharedEncoder trained(EncoderConfig config) {
        List<TrialSet> train = new ArrayList<>();
        List<TrialSet> validation = new ArrayList<>();
        List<Subject> subjects = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            train.add(DATA.train(s));
            validation.add(DATA.trials(s, DATA.validation, true));
            subjects.add(Subject.of(train.get(s), List.of()));
        }
        SharedEncoder encoder = SharedEncoder.create(config, Targets.of(DATA.features), subjects, Device.cpu());
        try (Trainer trainer = new Trainer(encoder, Targets.of(DATA.features), line -> { })) {
            trainer.train(train, validation, Set.of());
            trainer.storePrototypes(train);
        }
        return encoder;
    }

    @Test
    void decodesHeldOutStimuliOfEachTrainingSubjectFarAboveChance() {
        try (SharedEncoder encoder = trained(EncoderConfig.defaults())) {
            for (int s = 0; s < 4; s++) {
                TrialSet test = DATA.trials(s, DATA.test, true);
                List<String> candidates = test.stimuli().stream().distinct().toList();
                double top1 = Retrieval.topK(encoder.predict(test).toRows(), test.stimuli(), DATA.features, candidates, 1);
                double top5 = Retrieval.topK(encoder.predict(test).toRows(), test.stimuli(), DATA.features, candidates, 5);
                System.out.printf("subject %d: top-1 %.3f top-5 %.3f (chance %.3f / %.3f, %d candidates)%n", s + 1, top1, top5,
                        1.0 / candidates.size(), 5.0 / candidates.size(), candidates.size());
                assertTrue(top1 > 5.0 / candidates.size(), "subject " + (s + 1) + " top-1 " + top1);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndASavedModelTheSameOutputs(@TempDir Path folder) {
        EncoderConfig quick = EncoderConfig.defaults().withEpochs(3);
        TrialSet test = DATA.trials(0, DATA.test, true);
        try (SharedEncoder a = trained(quick); SharedEncoder b = trained(quick)) {
            for (String name : a.parameters.all().keySet()) {
                assertArrayEquals(a.parameters.get(name).toFloatArray(), b.parameters.get(name).toFloatArray(), 0f, name);
            }
            ModelFolder.save(a, folder.resolve("model"), Map.of("test", true));
            try (SharedEncoder loaded = ModelFolder.load(folder.resolve("model"), Device.cpu())) {
                float[][] expected = a.predict(test).toRows();
                float[][] actual = loaded.predict(test).toRows();
                for (int t = 0; t < expected.length; t++) {
                    assertArrayEquals(expected[t], actual[t], 0f, "trial " + t);
                }
                assertEquals(a.registry().list(), loaded.registry().list());
                assertEquals(a.prototypes().keySet(), loaded.prototypes().keySet());
            }
        }
    }

    @Test
    void aNewSubjectWithFewTrialsBeatsASubjectOnlyRidge() {
        try (SharedEncoder encoder = trained(EncoderConfig.defaults())) {
            TrialSet test = DATA.trials(4, DATA.test, true);
            TrialSet pool = DATA.train(4);
            List<String> candidates = test.stimuli().stream().distinct().toList();
            System.out.println("k  shared+adapter top-1/top-5  ridge top-1/top-5  (chance " + 1.0 / candidates.size() + ")");
            double[] sharedTop1 = new double[4];
            double[] ridgeTop1 = new double[4];
            int[] sizes = {10, 25, 50, 100};
            for (int i = 0; i < sizes.length; i++) {
                int k = sizes[i];
                TrialSet calibration = pool.select(java.util.stream.IntStream.range(0, Math.min(k, pool.trials())).toArray());
                Subject subject = new Subject("05k" + k, calibration.modality(), calibration.features(), 1, List.of(), "",
                        List.of(), Map.of());
                TrialSet renamed = calibration.withSubject(subject.id());
                NewSubject.adapt(encoder, subject, renamed, Targets.of(DATA.features), 0, line -> { });
                TrialSet testRenamed = test.withSubject(subject.id());
                float[][] predicted = encoder.predict(testRenamed).toRows();
                sharedTop1[i] = Retrieval.topK(predicted, test.stimuli(), DATA.features, candidates, 1);
                double sharedTop5 = Retrieval.topK(predicted, test.stimuli(), DATA.features, candidates, 5);
                double[][] y = new double[calibration.trials()][];
                for (int t = 0; t < y.length; t++) {
                    float[] f = DATA.features.get(calibration.stimuli().get(t));
                    y[t] = new double[f.length];
                    for (int d = 0; d < f.length; d++) {
                        y[t][d] = f[d];
                    }
                }
                RidgeModel ridge = Ridge.fit(calibration.toRows(), y, Ridge.logSpace(-2, 5, 15), false);
                double[][] r = ridge.predict(test.toRows());
                float[][] rf = new float[r.length][];
                for (int t = 0; t < r.length; t++) {
                    rf[t] = new float[r[t].length];
                    for (int d = 0; d < r[t].length; d++) {
                        rf[t][d] = (float) r[t][d];
                    }
                }
                ridgeTop1[i] = Retrieval.topK(rf, test.stimuli(), DATA.features, candidates, 1);
                double ridgeTop5 = Retrieval.topK(rf, test.stimuli(), DATA.features, candidates, 5);
                System.out.printf("%3d  %.3f / %.3f  %.3f / %.3f%n", k, sharedTop1[i], sharedTop5, ridgeTop1[i], ridgeTop5);
            }
            // gradient steps after the closed-form start move only the new adapter and keep it decoding
            TrialSet calibration = pool.select(java.util.stream.IntStream.range(0, Math.min(100, pool.trials())).toArray())
                    .withSubject("05tuned");
            Subject tuned = new Subject("05tuned", calibration.modality(), calibration.features(), 1, List.of(), "", List.of(),
                    Map.of());
            float[] backboneBefore = encoder.parameters.get("backbone.block0.in.weight").toFloatArray();
            TrainingReport report = NewSubject.adapt(encoder, tuned, calibration, Targets.of(DATA.features), 30, line -> { });
            assertEquals(30, report.losses().size());
            assertArrayEquals(backboneBefore, encoder.parameters.get("backbone.block0.in.weight").toFloatArray(), 0f);
            double tunedTop1 = Retrieval.topK(encoder.predict(test.withSubject("05tuned")).toRows(), test.stimuli(), DATA.features,
                    candidates, 1);
            System.out.printf("100 + 30 gradient epochs: top-1 %.3f%n", tunedTop1);
            assertTrue(tunedTop1 > 5.0 / candidates.size(), "tuned adapter top-1 " + tunedTop1);
            assertTrue(sharedTop1[0] > ridgeTop1[0], "k=10: shared " + sharedTop1[0] + " vs ridge " + ridgeTop1[0]);
            assertTrue(sharedTop1[1] > ridgeTop1[1], "k=25: shared " + sharedTop1[1] + " vs ridge " + ridgeTop1[1]);
        }
    }
}
