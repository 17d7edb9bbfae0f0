package org.neurodec.ingest.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.IngestException;

/** NSD-style beta files: trials × x × y × z int16, scaled by a factor, read with a voxel selection. */
class NsdBetasTest {

    @Test
    void betaVolumesFlattenScaleAndSelect(@TempDir Path dir) {
        int trials = 5;
        int x = 4;
        int y = 3;
        int z = 2;
        short[] stored = new short[trials * x * y * z];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = (short) (i * 37 % 2000 - 1000);
        }
        Path file = dir.resolve("betas_session01.hdf5");
        Hdf5Writer.create().dataset("betas", stored, trials, x, y, z).attribute("betas", "scale", 300.0)
                .dataset("stim", new String[] {"s1", "s2", "s3", "s4", "s5"}).write(file);

        TrialMatrix all = TrialMatrices.read(file, TrialMatrixSpec.of("betas").dividedBy(300).withLabels("stim"));
        assertEquals(trials, all.trials());
        assertEquals(x * y * z, all.features());
        assertArrayEquals(new long[] {x, y, z}, all.featureShape());
        assertEquals(stored[2 * 24 + 7] / 300f, all.get(2, 7), 1e-7);
        assertEquals("s3", all.labels().get(2));

        TrialMatrix masked = TrialMatrices.read(file, TrialMatrixSpec.of("betas").dividedByAttribute("scale").selecting(7, 23));
        assertArrayEquals(new float[] {all.get(4, 7), all.get(4, 23)}, masked.trial(4), 1e-7f);

        assertThrows(IngestException.class, () -> TrialMatrices.read(file, TrialMatrixSpec.of("betas").selecting(24)));
        assertThrows(IngestException.class, () -> TrialMatrices.read(file, TrialMatrixSpec.of("betas").dividedByAttribute("gain")));
        assertThrows(IngestException.class, () -> TrialMatrices.read(file, TrialMatrixSpec.of("stim")));
    }
}
