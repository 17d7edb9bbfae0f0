package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;

/** A run stopped after an epoch and resumed from its checkpoint ends exactly where an unbroken run does. */
class CheckpointTest {

    private static final CohortData DATA = CohortData.DEFAULT;
    private static final EncoderConfig CONFIG = EncoderConfig.defaults().withEpochs(4);

    private static final class Crash extends RuntimeException {
    }

    @Test
    void aResumedRunEndsWithTheSameWeightsAsAnUnbrokenOne(@TempDir Path folder) {
        List<TrialSet> train = new ArrayList<>();
        List<TrialSet> validation = new ArrayList<>();
        List<Subject> subjects = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            train.add(DATA.train(s));
            validation.add(DATA.trials(s, DATA.validation, true));
            subjects.add(Subject.of(train.get(s), List.of()));
        }
        Targets targets = Targets.of(DATA.features);
        Path checkpoint = folder.resolve("checkpoint");
        try (SharedEncoder unbroken = SharedEncoder.create(CONFIG, targets, subjects, Device.cpu());
                SharedEncoder broken = SharedEncoder.create(CONFIG, targets, subjects, Device.cpu());
                SharedEncoder resumed = SharedEncoder.create(CONFIG, targets, subjects, Device.cpu())) {
            TrainingReport expected = new Trainer(unbroken, targets, line -> { }).train(train, validation, Set.of());
            assertThrows(Crash.class, () -> new Trainer(broken, targets, line -> {
                if (line.startsWith("epoch 2/")) {
                    throw new Crash();
                }
            }).checkpoints(checkpoint, false).train(train, validation, Set.of()));
            assertTrue(Files.isRegularFile(checkpoint.resolve("optimizer.bin")));
            List<String> lines = new ArrayList<>();
            TrainingReport report = new Trainer(resumed, targets, lines::add).checkpoints(checkpoint, true)
                    .train(train, validation, Set.of());
            assertEquals("resumed from " + checkpoint + " after epoch 2", lines.get(0));
            assertEquals(expected.losses(), report.losses());
            assertEquals(expected.validation(), report.validation());
            assertEquals(expected.bestEpoch(), report.bestEpoch());
            for (String name : unbroken.parameters.all().keySet()) {
                assertArrayEquals(unbroken.parameters.get(name).toFloatArray(), resumed.parameters.get(name).toFloatArray(), 0f,
                        name);
            }
        }
    }

    @Test
    void aCheckpointOfAnotherConfigIsRefusedByName(@TempDir Path folder) {
        TrialSet train = DATA.train(0);
        List<Subject> subjects = List.of(Subject.of(train, List.of()));
        Targets targets = Targets.of(DATA.features);
        Path checkpoint = folder.resolve("checkpoint");
        try (SharedEncoder first = SharedEncoder.create(CONFIG.withEpochs(1), targets, subjects, Device.cpu());
                SharedEncoder second = SharedEncoder.create(CONFIG.withSeed(7), targets, subjects, Device.cpu())) {
            new Trainer(first, targets, line -> { }).checkpoints(checkpoint, false).train(List.of(train), List.of(), Set.of());
            EncoderException e = assertThrows(EncoderException.class, () -> new Trainer(second, targets, line -> { })
                    .checkpoints(checkpoint, true).train(List.of(train), List.of(), Set.of()));
            assertTrue(e.getMessage().contains("field 'config'"), e.getMessage());
        }
    }
}
