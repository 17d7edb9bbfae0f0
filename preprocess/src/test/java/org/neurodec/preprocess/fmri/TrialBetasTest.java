package org.neurodec.preprocess.fmri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurodec.preprocess.PreprocessException;

/** Labels, per-session z-scoring and averaging of repetitions. */
class TrialBetasTest {

    @Test
    void zscoresPerSessionAndAveragesRepetitions() {
        double[][] betas = {{1, 10}, {3, 10}, {5, 20}, {7, 40}};
        TrialBetas b = TrialBetas.of(betas, List.of("cat", "dog", "cat", "dog"), List.of("s1", "s1", "s2", "s2"));
        TrialBetas z = b.zscoredPerSession();
        assertEquals(-1, z.get(0, 0), 1e-12);
        assertEquals(1, z.get(1, 0), 1e-12);
        assertEquals(0, z.get(0, 1), 1e-12, "a constant voxel within a session becomes 0");
        assertEquals(1, z.get(3, 1), 1e-12);
        TrialBetas mean = b.averagedByStimulus();
        assertEquals(List.of("cat", "dog"), mean.stimuli());
        assertEquals(3, mean.get(0, 0), 1e-12);
        assertEquals(25, mean.get(1, 1), 1e-12);
        assertThrows(PreprocessException.class, () -> TrialBetas.of(betas, List.of("cat"), List.of("s1")));
    }
}
