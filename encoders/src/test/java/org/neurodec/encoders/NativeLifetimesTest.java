package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;

/** The optimiser's moments are freed when training ends, not kept until the encoder closes. */
class NativeLifetimesTest {

    @Test
    void trainingLeavesNoOptimiserStateInTheEncodersManager() {
        CohortData data = CohortData.DEFAULT;
        List<TrialSet> train = new ArrayList<>();
        List<Subject> subjects = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            train.add(data.train(s));
            subjects.add(Subject.of(train.get(s), List.of()));
        }
        EncoderConfig config = EncoderConfig.defaults().withEpochs(2);
        try (SharedEncoder encoder = SharedEncoder.create(config, Targets.of(data.features), subjects, Device.cpu())) {
            int tensors = encoder.parameters.all().size();
            int before = encoder.manager.getManagedArrays().size();
            Trainer trainer = new Trainer(encoder, Targets.of(data.features), line -> { });
            trainer.train(train, List.of(), Set.of());
            int after = encoder.manager.getManagedArrays().size();
            // Two moments per trained tensor would stay here if the optimiser lived in the encoder's manager.
            assertTrue(after - before < tensors, "arrays before " + before + ", after " + after + ", tensors " + tensors);
            trainer.close();
            assertTrue(encoder.manager.isOpen(), "closing the trainer leaves the encoder open");
        }
    }

    @Test
    void noViewOfAnEncoderCanCloseItsManager() {
        for (java.lang.reflect.Method m : SharedEncoder.class.getDeclaredMethods()) {
            assertFalse(m.getName().equals("withConfig"), "SharedEncoder.withConfig shared the manager and could close it");
        }
    }

    @Test
    void aFloatMatrixBecomesADjlArrayOfItsShape() {
        org.neurodec.subjects.FloatMatrix m = org.neurodec.subjects.FloatMatrix.wrap(new float[] {1, 2, 3, 4, 5, 6}, 3, 2,
                List.of("a", "b", "c"));
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager(Device.cpu())) {
            ai.djl.ndarray.NDArray array = SharedEncoder.toArray(m, manager);
            org.junit.jupiter.api.Assertions.assertEquals(new ai.djl.ndarray.types.Shape(3, 2), array.getShape());
            org.junit.jupiter.api.Assertions.assertArrayEquals(m.copyOfValues(), array.toFloatArray());
        }
    }
}
