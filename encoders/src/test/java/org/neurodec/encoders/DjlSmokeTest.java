package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** Proves that DJL's PyTorch engine loads from the bundled CPU natives and runs autograd. */
class DjlSmokeTest {

    @Test
    void pytorchEngineComputesAGradient() {
        Engine engine = Engine.getEngine("PyTorch");
        assertEquals("PyTorch", engine.getEngineName());
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1f, 2f, 3f});
            x.setRequiresGradient(true);
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray y = x.mul(x).sum();
                collector.backward(y);
            }
            assertArrayEquals(new float[] {2f, 4f, 6f}, x.getGradient().toFloatArray(), 0f);
        }
    }
}
