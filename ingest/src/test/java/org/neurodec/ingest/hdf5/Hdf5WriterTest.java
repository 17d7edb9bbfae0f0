package org.neurodec.ingest.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;

/** The HDF5 writer's output reads back here and in h5py (writer_roundtrip.json, made by make_fixtures.py). */
class Hdf5WriterTest {

    /** The file whose h5py reading is committed. */
    static void writeRoundTrip(Path file) {
        float[] betas = new float[4 * 6];
        for (int i = 0; i < betas.length; i++) {
            betas[i] = (float) Math.sin(i) * 3;
        }
        Hdf5Writer.create()
                .dataset("trials/betas", betas, 4, 6)
                .dataset("trials/labels", new int[] {1, 2, 2, 1})
                .dataset("trials/stimulus", new String[] {"img_01", "img_02", "img_03", "img_04"})
                .dataset("volume", new double[][][] {{{1.5, 2.5}, {3.5, 4.5}}, {{5.5, 6.5}, {7.5, 8.5}}})
                .attribute("trials/betas", "units", "percent signal change")
                .attribute("trials/betas", "scale", 300.0)
                .attribute("trials", "subject", "sub-01")
                .attribute("/", "sfreq", 256.0)
                .attribute("/", "channels", new String[] {"Fz", "Cz"})
                .attribute("/", "version", 3)
                .write(file);
    }

    @Test
    void writtenFileReadsBackAsH5pyReadIt(@TempDir Path dir) {
        Path file = dir.resolve("out.h5");
        writeRoundTrip(file);
        JsonNode golden = TestData.json(TestData.resource("hdf5/writer_roundtrip.json"));
        for (Path candidate : new Path[] {file, TestData.resource("hdf5/writer_roundtrip.h5")}) {
            try (Hdf5File hdf = Hdf5File.open(candidate)) {
                for (String path : new String[] {"trials/betas", "trials/labels", "volume"}) {
                    JsonNode g = golden.get("datasets").get(path);
                    Hdf5Array array = hdf.read(path);
                    assertEquals(g.get("dtype").asText(), array.dtype(), path);
                    assertArrayEquals(TestData.longs(g.get("shape")), array.shape(), path);
                    double[] values = array.toDoubles();
                    for (int i = 0; i < values.length; i++) {
                        assertEquals(g.get("values").get(i).asDouble(), values[i], 0.0, path + "[" + i + "]");
                    }
                }
                assertArrayEquals(new String[] {"img_01", "img_02", "img_03", "img_04"},
                        hdf.read("trials/stimulus").toStrings());
                Map<String, Object> root = hdf.attributes("/");
                assertEquals(golden.get("attributes").get("/").get("sfreq").asDouble(), ((Number) root.get("sfreq")).doubleValue());
                assertEquals("sub-01", hdf.attributes("trials").get("subject"));
                assertEquals("percent signal change", hdf.attributes("trials/betas").get("units"));
            }
        }
        assertEquals("percent signal change", golden.get("attributes").get("trials/betas").get("units").asText());
        assertEquals("sub-01", golden.get("attributes").get("trials").get("subject").asText());
        assertEquals("img_03", golden.get("datasets").get("trials/stimulus").get("values").get(2).asText());
    }

    @Test
    void slabsReadPartOfADataset(@TempDir Path dir) {
        Path file = dir.resolve("slab.h5");
        writeRoundTrip(file);
        try (Hdf5File hdf = Hdf5File.open(file)) {
            Hdf5Array slab = hdf.read("trials/betas", new long[] {1, 2}, new int[] {2, 3});
            assertArrayEquals(new long[] {2, 3}, slab.shape());
            float[] all = hdf.read("trials/betas").toFloats();
            assertArrayEquals(new float[] {all[8], all[9], all[10], all[14], all[15], all[16]}, slab.toFloats());
        }
    }

    @Test
    void failedWriteLeavesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.h5");
        assertThrows(RuntimeException.class,
                () -> Hdf5Writer.create().dataset("x", new Object[] {new Object()}).write(file));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
