package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PCGrad and the gradient cosines on two subjects whose backbone gradients conflict, worked by hand. */
class GradientSurgeryTest {

    @Test
    void projectsConflictingBackboneGradientsAndSumsTheRest() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            // backbone: g1 = (1, 0), g2 = (-1, 1); cosine -1/√2
            Map<String, NDArray> first = Map.of("block0.w", manager.create(new float[] {1, 0}),
                    "adapter.a.weight", manager.create(new float[] {2}));
            Map<String, NDArray> second = Map.of("block0.w", manager.create(new float[] {-1, 1}),
                    "adapter.a.weight", manager.create(new float[] {3}));
            List<Map<String, NDArray>> both = List.of(first, second);
            List<String> backbone = List.of("block0.w");
            double[][] cosines = GradientSurgery.cosines(both, backbone);
            assertEquals(-Math.sqrt(0.5), cosines[0][1], 1e-6);
            assertEquals(1.0, cosines[1][1], 1e-6);
            // g1' = g1 - (g1·g2/|g2|²) g2 = (0.5, 0.5); g2' = g2 - (g2·g1/|g1|²) g1 = (0, 1)
            Map<String, NDArray> surgery = GradientSurgery.combine(both, backbone, true, new Random(1));
            assertArrayEquals(new float[] {0.5f, 1.5f}, surgery.get("block0.w").toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {5f}, surgery.get("adapter.a.weight").toFloatArray(), 0f);
            Map<String, NDArray> plain = GradientSurgery.combine(both, backbone, false, new Random(1));
            assertArrayEquals(new float[] {0f, 1f}, plain.get("block0.w").toFloatArray(), 0f);
        }
    }
}
