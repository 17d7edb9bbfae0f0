package org.neurodec.preprocess.fmri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.NiftiWriter;
import org.neurodec.ingest.nifti.VoxelMask;
import org.neurodec.preprocess.PreprocessException;

/** Frame times from the sidecar or the header, a missing TR refused, atlas masks and mismatched masks. */
class FrameTimesTest {

    @Test
    void trFromSidecarOrHeaderOrNeither(@TempDir Path dir) {
        NiftiImage run = NiftiImage.open(TestData.file("nifti/functional.nii"));
        assertEquals(38.0, FrameTimes.of(run.header(), OptionalDouble.empty())[19], 1e-12);
        assertEquals(28.5, FrameTimes.of(run.header(), OptionalDouble.of(1.5))[19], 1e-12);
        Path noTr = dir.resolve("no_tr.nii");
        NiftiWriter.create(2, 2, 1, 3).repetitionTime(0).write(noTr, new double[12]);
        PreprocessException e = assertThrows(PreprocessException.class,
                () -> FrameTimes.of(NiftiImage.open(noTr).header(), OptionalDouble.empty()));
        assertTrue(e.getMessage().contains("repetition time"), e.getMessage());
    }

    @Test
    void atlasLabelsSelectVoxelsAndMismatchedMasksAreRefused(@TempDir Path dir) {
        Path atlas = dir.resolve("atlas.nii");
        double[] labels = new double[17 * 21 * 3];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4;
        }
        NiftiWriter.create(17, 21, 3).write(atlas, labels);
        VoxelMask mask = VoxelMask.ofLabels(NiftiImage.open(atlas), 1, 3);
        assertEquals(labels.length / 2, mask.size());
        NiftiImage run = NiftiImage.open(TestData.file("nifti/functional.nii"));
        assertEquals(20, run.mask(mask).times());
        assertArrayEquals(new int[] {1, 3, 5}, java.util.Arrays.copyOf(mask.indices(), 3));
        VoxelMask wrong = VoxelMask.of(new long[] {4, 4, 4}, new boolean[64]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.mask(wrong));
        assertTrue(e.getMessage().contains("[4, 4, 4]") && e.getMessage().contains("17, 21, 3"), e.getMessage());
    }
}
