package org.neurodec.ingest.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;

/** File layouts: vox_offset 0, gzipped pairs, masking, and volumes spread over several mapped windows. */
class NiftiLayoutTest {

    @Test
    void voxOffsetZeroMeansRightAfterTheHeader(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.resource("nifti/dtype_int16.nii"));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 0f);
        Path file = dir.resolve("zero_offset.nii");
        Files.write(file, bytes);
        NiftiImage expected = NiftiImage.open(TestData.resource("nifti/dtype_int16.nii"));
        NiftiImage image = NiftiImage.open(file);
        assertEquals(352, image.dataOffset());
        assertArrayEquals(expected.volume(1), image.volume(1), 0.0);
    }

    @Test
    void repetitionTimeHonoursTheTimeUnit(@TempDir Path dir) throws IOException {
        assertEquals(2.0, NiftiImage.open(TestData.file("nifti/functional.nii")).header().repetitionTimeSeconds());
        byte[] bytes = Files.readAllBytes(TestData.file("nifti/functional.nii"));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).put(123, (byte) (2 | 16)).putFloat(92, 1500f);
        Path file = dir.resolve("milliseconds.nii");
        Files.write(file, bytes);
        assertEquals(1.5, NiftiImage.open(file).header().repetitionTimeSeconds(), 1e-12);
    }

    @Test
    void gzippedPairReadsLikeThePlainPair(@TempDir Path dir) throws IOException {
        Files.copy(TestData.resource("nifti/pair.hdr"), dir.resolve("p.hdr"));
        Files.write(dir.resolve("p.img.gz"), TestData.gzip(Files.readAllBytes(TestData.resource("nifti/pair.img"))));
        double[] expected = NiftiImage.open(TestData.resource("nifti/pair.img")).volume(0);
        assertArrayEquals(expected, NiftiImage.open(dir.resolve("p.hdr")).volume(0), 0.0);
        assertArrayEquals(expected, NiftiImage.open(dir.resolve("p.img.gz")).volume(0), 0.0);
    }

    @Test
    void maskGivesTheVoxelTimeSeries() {
        for (String name : new String[] {"nifti/functional.nii", "nifti/example4d.nii.gz"}) {
            NiftiImage image = NiftiImage.open(TestData.file(name));
            long[] shape = image.header().shape();
            int perVolume = (int) image.header().voxelsPerVolume();
            boolean[] flags = new boolean[perVolume];
            for (int i = 0; i < perVolume; i += 7) {
                flags[i] = true;
            }
            VoxelSeries series = image.mask(VoxelMask.of(shape, flags));
            assertEquals(shape[3], series.times());
            int[] indices = series.mask().indices();
            for (int t = 0; t < series.times(); t++) {
                double[] volume = image.volume(t);
                for (int v = 0; v < indices.length; v++) {
                    assertEquals((float) volume[indices[v]], series.get(t, v), name + " t=" + t + " v=" + v);
                }
            }
        }
    }

    @Test
    void manyWindowsReadAsOne(@TempDir Path dir) {
        long[] shape = {64, 64, 64, 20};
        Path file = dir.resolve("windows.nii");
        NiftiWriter.create(shape).dataType(NiftiDataType.FLOAT64).write(file, (t, volume) -> {
            for (int i = 0; i < volume.length; i++) {
                volume[i] = t * 1e6 + i;
            }
        });
        NiftiImage image = NiftiImage.open(file);
        VoxelSeries series = image.mask(VoxelMask.ofIndices(new long[] {64, 64, 64}, 0, 5, 262143));
        for (int t = 0; t < 20; t++) {
            assertEquals((float) (t * 1e6 + 262143), series.get(t, 2));
        }
        assertEquals(19 * 1e6 + 5, image.value(5, 0, 0, 19), 0.0);
    }

}
