package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;

/**
 * The EEG encoder on the synthetic cohort's EDF files: subjects with different montages mixed into
 * common channels, the temporal-spatial convolutional backbone, the feature and class heads, and a
 * new subject whose montage the model has never seen.
 */
class EegEncoderTest {

    private static final CohortData DATA = CohortData.DEFAULT;

    @Test
    void decodesStimuliAndClassesOfSubjectsWithDifferentMontages() {
        Targets targets = Targets.of(DATA.features).withClasses(DATA.classes);
        List<TrialSet> train = new ArrayList<>();
        List<TrialSet> validation = new ArrayList<>();
        List<Subject> subjects = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            train.add(DATA.train(DATA.eeg.get(s)));
            validation.add(CohortData.trials(DATA.eeg.get(s), DATA.validation, true));
            subjects.add(Subject.of(train.get(s), DATA.montages.get(s)));
        }
        assertTrue(subjects.stream().map(Subject::features).distinct().count() > 1, "montages should differ");
        try (SharedEncoder encoder = SharedEncoder.create(EncoderConfig.defaults(), targets, subjects, Device.cpu())) {
            assertEquals(Modality.EEG, encoder.layout().modality());
            Trainer trainer = new Trainer(encoder, targets, line -> { });
            TrainingReport report = trainer.train(train, validation, Set.of());
            trainer.storePrototypes(train);
            assertEquals("top-1", report.metric());
            double meanBalanced = 0;
            double meanTop1 = 0;
            for (int s = 0; s < 4; s++) {
                TrialSet test = CohortData.trials(DATA.eeg.get(s), DATA.test, true);
                List<String> candidates = test.stimuli().stream().distinct().toList();
                double top1 = Retrieval.topK(encoder.predict(test).toRows(), test.stimuli(), DATA.features, candidates, 1);
                double top5 = Retrieval.topK(encoder.predict(test).toRows(), test.stimuli(), DATA.features, candidates, 5);
                int[] truth = test.stimuli().stream().mapToInt(targets::classOf).toArray();
                double balanced = ClassMetrics.balancedAccuracy(truth, ClassMetrics.argmax(encoder.classProbabilities(test).toRows()),
                        targets.classNames().size());
                System.out.printf("EEG subject %d (%d channels): top-1 %.3f top-5 %.3f (chance %.3f / %.3f),"
                        + " class balanced accuracy %.3f (chance %.3f)%n", s + 1, test.channels(), top1, top5,
                        1.0 / candidates.size(), 5.0 / candidates.size(), balanced, 1.0 / targets.classNames().size());
                assertTrue(top5 > 2 * 5.0 / candidates.size(), "subject " + (s + 1) + " top-5 " + top5);
                meanTop1 += top1 / 4;
                meanBalanced += balanced / 4;
            }
            assertTrue(meanTop1 > 4.0 / 32, "mean top-1 " + meanTop1);
            assertTrue(meanBalanced > 1.5 / targets.classNames().size(), "mean class balanced accuracy " + meanBalanced);
            TrialSet pool = DATA.train(DATA.eeg.get(4));
            TrialSet test = CohortData.trials(DATA.eeg.get(4), DATA.test, true).withSubject("05new");
            TrialSet calibration = pool.select(IntStream.range(0, 50).toArray()).withSubject("05new");
            Subject newcomer = Subject.of(calibration, DATA.montages.get(4));
            NewSubject.adapt(encoder, newcomer, calibration, targets, 0, line -> { });
            List<String> candidates = test.stimuli().stream().distinct().toList();
            double top1 = Retrieval.topK(encoder.predict(test).toRows(), test.stimuli(), DATA.features, candidates, 1);
            double top5 = Retrieval.topK(encoder.predict(test).toRows(), test.stimuli(), DATA.features, candidates, 5);
            System.out.printf("EEG new subject (%d channels), adapter from 50 trials: top-1 %.3f top-5 %.3f%n",
                    test.channels(), top1, top5);
            assertTrue(top5 > 2 * 5.0 / candidates.size(), "new subject top-5 " + top5);
        }
    }

    @Test
    void refusesSubjectsOfAnotherModalityOrEpochLength() {
        TrialSet eeg = DATA.eeg.get(0);
        TrialSet fmri = DATA.subjects.get(0).withSubject("f");
        List<Subject> mixed = List.of(Subject.of(eeg, DATA.montages.get(0)), Subject.of(fmri, List.of()));
        EncoderException e = assertThrows(EncoderException.class,
                () -> SharedEncoder.create(EncoderConfig.defaults(), Targets.of(DATA.features), mixed, Device.cpu()));
        assertTrue(e.getMessage().contains("subject f"), e.getMessage());
        try (SharedEncoder encoder = SharedEncoder.create(EncoderConfig.defaults(), Targets.classes(DATA.classes),
                List.of(Subject.of(eeg, DATA.montages.get(0))), Device.cpu())) {
            EncoderException noHead = assertThrows(EncoderException.class, () -> encoder.predict(eeg).toRows());
            assertTrue(noHead.getMessage().contains("no feature heads"), noHead.getMessage());
            assertEquals(Map.of(), encoder.prototypes());
        }
    }
}
