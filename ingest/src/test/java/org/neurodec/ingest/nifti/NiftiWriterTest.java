package org.neurodec.ingest.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neurodec.ingest.TestData.assertClose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;

/** The writer round-trips through the reader, and through nibabel (writer_roundtrip.json). */
class NiftiWriterTest {

    static final double[][] AFFINE = {{-3, 0, 0, 90}, {0, 3, 0, -126}, {0, 0, 4, -72}, {0, 0, 0, 1}};

    /** The image whose nibabel reading is committed: int16 with scaling, 7 × 6 × 5 × 3. */
    static void writeRoundTripImage(Path file) {
        long[] shape = {7, 6, 5, 3};
        double[] values = new double[7 * 6 * 5 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1000 + 0.5 * i - 3.25 * Math.sin(i);
        }
        NiftiWriter.create(shape).dataType(NiftiDataType.INT16).scaling(0.25, 1000).affine(AFFINE)
                .repetitionTime(2.0).description("neurodec round trip").write(file, values);
    }

    @Test
    void roundTripMatchesNibabelReading(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("writer_roundtrip.nii.gz");
        writeRoundTripImage(file);
        Path committed = TestData.resource("nifti/writer_roundtrip.nii.gz");
        assertArrayEquals(TestData.gunzip(committed), TestData.gunzip(file),
                "the writer's output changed: regenerate writer_roundtrip.nii.gz and run make_fixtures.py");
        NiftiFixturesTest.check(file, TestData.json(TestData.resource("nifti/writer_roundtrip.json")));
    }

    @Test
    void everyTypeRoundTrips(@TempDir Path dir) {
        for (NiftiDataType type : NiftiDataType.values()) {
            double[] values = new double[4 * 3 * 2];
            for (int i = 0; i < values.length; i++) {
                values[i] = type.isInteger() ? (i * 7) % 120 : i * 0.5 - 3;
            }
            for (String name : new String[] {"t.nii", "t.nii.gz"}) {
                Path file = dir.resolve(type + name);
                NiftiWriter.create(4, 3, 2).dataType(type).affine(AFFINE).write(file, values);
                NiftiImage image = NiftiImage.open(file);
                assertEquals(type, image.header().dataType());
                assertArrayEquals(values, image.volume(0), 0.0, type + " " + name);
                double[][] affine = image.header().affine();
                double[][] qform = image.header().space().qform(new double[] {3, 3, 4}, image.header().pixdim()[0]);
                for (int r = 0; r < 4; r++) {
                    assertArrayEquals(AFFINE[r], affine[r], 1e-6);
                    assertArrayEquals(AFFINE[r], qform[r], 1e-5, "qform row " + r);
                }
            }
        }
    }

    @Test
    void integerTypesClipAndRound(@TempDir Path dir) {
        Path file = dir.resolve("clip.nii");
        NiftiWriter.create(4).dataType(NiftiDataType.UINT8).write(file, new double[] {-5, 2.6, 300, Double.NaN});
        assertArrayEquals(new double[] {0, 3, 255, 0}, NiftiImage.open(file).volume(0), 0.0);
    }

    @Test
    void rejectsWrongValueCountAndLeavesNoFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("short.nii");
        assertThrows(IllegalArgumentException.class, () -> NiftiWriter.create(2, 2).write(file, new double[3]));
        assertThrows(IllegalStateException.class, () -> NiftiWriter.create(2, 2).write(file, (t, v) -> {
            throw new IllegalStateException("crash while writing");
        }));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no partial output may remain");
        }
    }

    @Test
    void obliqueAffineSurvivesInQform(@TempDir Path dir) {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[][] oblique = {{2 * c, -2 * s, 0, 10}, {2 * s, 2 * c, 0, 20}, {0, 0, -2.5, 30}, {0, 0, 0, 1}};
        Path file = dir.resolve("oblique.nii");
        NiftiWriter.create(3, 3, 3).affine(oblique).write(file, new double[27]);
        NiftiHeader h = NiftiImage.open(file).header();
        double[][] qform = h.space().qform(new double[] {h.pixdim()[1], h.pixdim()[2], h.pixdim()[3]}, h.pixdim()[0]);
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(oblique[r], qform[r], 1e-5, "row " + r);
        }
        assertClose(-1, h.pixdim()[0], 0, "qfac");
    }
}
