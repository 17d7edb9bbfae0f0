package org.neurodec.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.VoxelMask;

/** The benchmark's generator and run work at a tiny size, so that the benchmark itself cannot rot. */
class MaskBenchmarkTest {

    @Test
    void generatesAndMasksBothLayoutsAlike(@TempDir Path dir) throws Exception {
        MaskBenchmark.generate(dir, 3);
        VoxelMask mask = VoxelMask.nonZero(NiftiImage.open(dir.resolve("mask.nii.gz")));
        assertTrue(mask.size() > 150_000 && mask.size() < 300_000, "brain-sized mask: " + mask.size());
        String plain = MaskBenchmark.run(dir.resolve("bench.nii"), dir.resolve("mask.nii.gz"));
        String gzipped = MaskBenchmark.run(dir.resolve("bench.nii.gz"), dir.resolve("mask.nii.gz"));
        assertEquals(checksum(plain), checksum(gzipped));
        assertTrue(plain.contains("\"output_mb\": " + String.format(java.util.Locale.ROOT, "%.1f", 4.0 * 3 * mask.size() / 1e6)), plain);
    }

    private static String checksum(String json) {
        return json.substring(json.indexOf("\"checksum\""));
    }
}
