package org.neurodec.ingest.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neurodec.ingest.TestData.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurodec.ingest.TestData;

/** Every NIfTI fixture in the shared data against what nibabel read from it. */
class NiftiGoldenTest {

    static final String[] FIXTURES = {
        "anatomical.nii", "functional.nii", "example4d.nii.gz", "example_nifti2.nii.gz", "standard.nii.gz"};

    @TestFactory
    Stream<DynamicTest> headerMatchesNibabel() {
        return Stream.of(FIXTURES).map(name -> DynamicTest.dynamicTest(name, () -> {
            JsonNode g = TestData.golden(name);
            NiftiImage image = NiftiImage.open(TestData.file("nifti/" + name));
            NiftiHeader h = image.header();
            assertEquals(g.get("nifti_version").asInt(), h.version(), "version");
            assertArrayEquals(TestData.longs(g.get("shape")), h.shape(), "shape");
            assertEquals(g.get("datatype").asInt(), h.dataType().code(), "datatype");
            assertEquals(g.get("bitpix").asInt(), h.bitpix(), "bitpix");
            assertEquals(g.get("endianness").asText(), h.byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little");
            double[] pixdim = h.pixdim();
            for (int i = 0; i < g.get("pixdim").size(); i++) {
                assertClose(g.get("pixdim").get(i).asDouble(), pixdim[i], 1e-6, "pixdim[" + i + "]");
            }
            assertEquals(g.get("vox_offset").asLong(), h.voxOffset(), "vox_offset");
            assertClose(g.get("scl_slope").asDouble(), h.slope(), 1e-6, "scl_slope");
            assertClose(g.get("scl_inter").asDouble(), h.intercept(), 1e-6, "scl_inter");
            assertEquals(g.get("header_extensions").asInt(), image.extensionCount(), "header_extensions");
            assertEquals(g.get("qform_code").asInt(), h.space().qformCode(), "qform_code");
            assertEquals(g.get("sform_code").asInt(), h.space().sformCode(), "sform_code");
            assertEquals(g.get("xyzt_units").asInt(), h.xyztUnits(), "xyzt_units");
            assertEquals(g.get("descrip").asText(), h.description(), "descrip");
            double[][] affine = h.affine();
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    assertClose(g.get("affine").get(r).get(c).asDouble(), affine[r][c], 1e-6,
                            "affine[" + r + "][" + c + "]");
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> dataMatchesNibabel() {
        return Stream.of(FIXTURES).map(name -> DynamicTest.dynamicTest(name, () -> {
            JsonNode g = TestData.golden(name);
            NiftiImage image = NiftiImage.open(TestData.file("nifti/" + name));
            VoxelStats stats = image.stats();
            JsonNode s = g.get("stats");
            assertClose(s.get("sum").asDouble(), stats.sum(), 1e-4, "sum");
            assertClose(s.get("min").asDouble(), stats.min(), 1e-6, "min");
            assertClose(s.get("max").asDouble(), stats.max(), 1e-6, "max");
            assertClose(s.get("mean").asDouble(), stats.mean(), 1e-6, "mean");
            assertClose(s.get("std").asDouble(), stats.std(), 1e-6, "std");
            for (JsonNode probe : g.get("probes")) {
                assertClose(probe.get("value").asDouble(), image.value(TestData.longs(probe.get("index"))), 1e-6,
                        "value at " + probe.get("index"));
            }
        }));
    }
}
