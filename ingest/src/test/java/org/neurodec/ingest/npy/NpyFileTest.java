package org.neurodec.ingest.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.TestData;

/** .npy files written by NumPy (make_npy.py): every dtype, byte order and memory order read as NumPy reads them. */
class NpyFileTest {

    @Test
    void readsWhatNumpyWrote() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(TestData.resource("npy/expected.json").toFile());
        Iterator<Map.Entry<String, JsonNode>> cases = expected.fields();
        int checked = 0;
        while (cases.hasNext()) {
            Map.Entry<String, JsonNode> c = cases.next();
            NpyFile npy = NpyFile.read(TestData.resource("npy/" + c.getKey() + ".npy"));
            long[] shape = new long[c.getValue().get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = c.getValue().get("shape").get(i).asLong();
            }
            assertArrayEquals(shape, npy.shape(), c.getKey());
            double[] values = new double[c.getValue().get("values").size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = c.getValue().get("values").get(i).asDouble();
            }
            assertArrayEquals(values, npy.values(), 0, c.getKey());
            checked++;
        }
        assertTrue(checked >= 8);
    }

    @Test
    void aFileThatIsNotNpyIsRefusedByField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.npy");
        Files.writeString(bad, "not numpy at all");
        IngestException e = assertThrows(IngestException.class, () -> NpyFile.read(bad));
        assertTrue(e.getMessage().contains("field 'magic'"), e.getMessage());
        byte[] good = Files.readAllBytes(TestData.resource("npy/f4.npy"));
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length - 10));
        IngestException short_ = assertThrows(IngestException.class, () -> NpyFile.read(cut));
        assertTrue(short_.getMessage().contains("field 'shape'"), short_.getMessage());
    }
}
