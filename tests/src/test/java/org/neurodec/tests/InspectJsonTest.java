package org.neurodec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neurodec.ingest.TestData.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neurodec.cli.Main;
import org.neurodec.ingest.TestData;
import picocli.CommandLine;

/** {@code neurodec inspect --json} on every shared fixture agrees with nibabel's and h5py's readings. */
class InspectJsonTest {

    static JsonNode inspect(String relative) throws Exception {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int status = cli.execute("inspect", "--json", TestData.file(relative).toString());
        assertEquals(0, status, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    @TestFactory
    Stream<DynamicTest> niftiFixturesMatchNibabel() {
        return Stream.of("anatomical.nii", "functional.nii", "example4d.nii.gz", "example_nifti2.nii.gz",
                "standard.nii.gz").map(name -> DynamicTest.dynamicTest(name, () -> {
                    JsonNode g = TestData.golden(name);
                    JsonNode j = inspect("nifti/" + name);
                    assertEquals("nifti" + g.get("nifti_version").asInt(), j.get("format").asText());
                    assertEquals(g.get("shape"), j.get("shape"));
                    assertEquals(g.get("datatype").asInt(), j.get("datatype").asInt());
                    assertEquals(g.get("vox_offset").asDouble(), j.get("vox_offset").asDouble());
                    for (int i = 0; i < g.get("pixdim").size(); i++) {
                        assertClose(g.get("pixdim").get(i).asDouble(), j.get("pixdim").get(i).asDouble(), 1e-6, "pixdim");
                    }
                    for (int r = 0; r < 4; r++) {
                        for (int c = 0; c < 4; c++) {
                            assertClose(g.get("affine").get(r).get(c).asDouble(),
                                    j.get("affine").get(r).get(c).asDouble(), 1e-6, "affine");
                        }
                    }
                    assertClose(g.get("scl_slope").asDouble(), j.get("scl_slope").asDouble(), 1e-6, "scl_slope");
                    assertClose(g.get("scl_inter").asDouble(), j.get("scl_inter").asDouble(), 1e-6, "scl_inter");
                    assertEquals(g.get("header_extensions").asInt(), j.get("header_extensions").asInt());
                    JsonNode gs = g.get("stats");
                    JsonNode js = j.get("stats");
                    assertClose(gs.get("sum").asDouble(), js.get("sum").asDouble(), 1e-4, "sum");
                    for (String stat : new String[] {"min", "max", "mean", "std"}) {
                        assertClose(gs.get(stat).asDouble(), js.get(stat).asDouble(), 1e-6, stat);
                    }
                    assertEquals(0, js.get("nan_count").asInt());
                }));
    }

    @Test
    void hdf5TreeHasShapesTypesAndAttributes() throws Exception {
        JsonNode j = inspect("real/digits69/digits69.h5");
        assertEquals("hdf5", j.get("format").asText());
        JsonNode root = j.get("tree");
        assertEquals("1 = digit six, 2 = digit nine", root.get("attributes").get("labels").asText());
        JsonNode train = root.get("children").get(1);
        assertEquals("/train", train.get("path").asText());
        JsonNode fmri = train.get("children").get(0);
        assertEquals("/train/fmri", fmri.get("path").asText());
        assertEquals("float32", fmri.get("dtype").asText());
        assertEquals("[90,3092]", fmri.get("shape").toString());
        assertEquals("uint8", train.get("children").get(2).get("dtype").asText());
    }

    @Test
    void matlabV73FileIsHdf5BehindAUserBlock() throws Exception {
        JsonNode j = inspect("eeg/EEGLAB/test_raw_hdf5.set");
        assertEquals("hdf5", j.get("format").asText());
        assertEquals(512, j.get("user_block").asInt());
    }
}
