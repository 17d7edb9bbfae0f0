package org.neurodec.ingest.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neurodec.ingest.TestData.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurodec.ingest.TestData;

/**
 * Every data type, both byte orders, scaling, a .hdr/.img pair and NIfTI-2, from files nibabel wrote
 * (see make_fixtures.py beside them), against the values nibabel reads back.
 */
class NiftiFixturesTest {

    @TestFactory
    List<DynamicTest> readsWhatNibabelWrote() {
        JsonNode golden = TestData.json(TestData.resource("nifti/golden.json"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            tests.add(DynamicTest.dynamicTest(entry.getKey(), () -> check(TestData.resource("nifti/" + entry.getKey()), entry.getValue())));
        }
        return tests;
    }

    static void check(Path file, JsonNode g) {
        NiftiImage image = NiftiImage.open(file);
        NiftiHeader h = image.header();
        assertArrayEquals(TestData.longs(g.get("shape")), h.shape(), "shape");
        assertEquals(g.get("datatype").asInt(), h.dataType().code(), "datatype");
        assertEquals(g.get("endianness").asText(), h.byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little");
        assertClose(g.get("scl_slope").asDouble(), h.slope(), 1e-7, "slope");
        assertClose(g.get("scl_inter").asDouble(), h.intercept(), 1e-7, "inter");
        double[][] affine = h.affine();
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                assertClose(g.get("affine").get(r).get(c).asDouble(), affine[r][c], 1e-6, "affine " + r + "," + c);
            }
        }
        assertClose(g.get("sum").asDouble(), image.stats().sum(), 1e-12, "sum");
        long total = h.voxelsPerVolume() * h.volumeCount();
        int perVolume = (int) h.voxelsPerVolume();
        double[] first = image.volume(0);
        double[] last = image.volume(h.volumeCount() - 1);
        for (int i = 0; i < 12; i++) {
            assertClose(g.get("values_first").get(i).asDouble(), first[i], 1e-12, "value " + i);
            long flat = total - 12 + i;
            assertClose(g.get("values_last").get(i).asDouble(), last[(int) (flat % perVolume)], 1e-12,
                    "value " + flat);
        }
    }
}
