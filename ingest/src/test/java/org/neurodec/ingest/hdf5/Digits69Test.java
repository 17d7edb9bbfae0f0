package org.neurodec.ingest.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.TestData;

/** real/digits69/digits69.h5 reads exactly as h5py reads it (digits69.json, from make_fixtures.py). */
class Digits69Test {

    static final Path FILE = TestData.file("real/digits69/digits69.h5");
    static final List<String> DATASETS = List.of(
            "train/fmri", "train/labels", "train/stimuli", "test/fmri", "test/labels", "test/stimuli");

    @Test
    void everyDatasetIsBitIdenticalToH5py() throws Exception {
        JsonNode golden = TestData.json(TestData.resource("hdf5/digits69.json"));
        try (Hdf5File hdf = Hdf5File.open(FILE)) {
            for (String path : DATASETS) {
                JsonNode g = golden.get(path);
                Hdf5Array array = hdf.read(path);
                assertEquals(g.get("dtype").asText(), array.dtype(), path);
                assertArrayEquals(TestData.longs(g.get("shape")), array.shape(), path);
                assertEquals(g.get("sha256_le").asText(), sha256(array), path + " values");
                double sum = 0;
                for (double v : array.toDoubles()) {
                    sum += v;
                }
                assertEquals(g.get("sum").asDouble(), sum, 1e-4 * Math.max(1, Math.abs(sum)), path + " sum");
            }
            assertEquals(golden.get("attributes").get("labels").asText(), hdf.attributes("/").get("labels"));
        }
    }

    @Test
    void trialMatrixFromConfiguredPaths() {
        TrialMatrix train = TrialMatrices.read(FILE, TrialMatrixSpec.of("train/fmri").withLabels("train/labels"));
        assertEquals(90, train.trials());
        assertEquals(3092, train.features());
        assertTrue(train.labels().stream().allMatch(l -> l.equals("1") || l.equals("2")));
        try (Hdf5File hdf = Hdf5File.open(FILE)) {
            float[] raw = hdf.read("train/fmri").toFloats();
            assertArrayEquals(raw, train.toArray());
        }
        TrialMatrix selected = TrialMatrices.read(FILE, TrialMatrixSpec.of("test/fmri").selecting(3091, 0, 7));
        assertEquals(3, selected.features());
        assertEquals(selected.get(4, 1), TrialMatrices.read(FILE, TrialMatrixSpec.of("test/fmri")).get(4, 0));
    }

    @Test
    void missingDatasetNamesFileAndPath() {
        IngestException e = assertThrows(IngestException.class,
                () -> TrialMatrices.read(FILE, TrialMatrixSpec.of("train/betas")));
        assertTrue(e.getMessage().contains("digits69.h5") && e.getMessage().contains("train/betas")
                && e.getMessage().contains("/train/fmri"), e.getMessage());
    }

    static String sha256(Hdf5Array array) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer bytes;
        switch (array.dtype()) {
            case "float32" -> {
                float[] v = array.toFloats();
                bytes = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) {
                    bytes.putFloat(f);
                }
            }
            case "uint8" -> {
                long[] v = array.toLongs();
                bytes = ByteBuffer.allocate(v.length);
                for (long b : v) {
                    bytes.put((byte) b);
                }
            }
            default -> throw new AssertionError("unexpected dtype " + array.dtype());
        }
        return HexFormat.of().formatHex(digest.digest(bytes.array()));
    }
}
