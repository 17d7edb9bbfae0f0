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

    static JsonNode inspect(String relative, String... options) throws Exception {
        return inspect(TestData.file(relative), options);
    }

    static JsonNode inspect(java.nio.file.Path file, String... options) throws Exception {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("inspect", "--json"));
        args.addAll(java.util.List.of(options));
        args.add(file.toString());
        int status = cli.execute(args.toArray(String[]::new));
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

    @TestFactory
    Stream<DynamicTest> fifRecordingsAndEventFilesMatchMne() {
        JsonNode golden = TestData.json(TestData.resource("fif/fif_golden.json"));
        return Stream.of("subject01/record-[2012.07.06-19.02.16]_raw.fif", "subject08/record-[2013.04.06-16.22.32]_raw.fif")
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    JsonNode g = golden.get("ssvep").get(name);
                    java.nio.file.Path raw = TestData.file("real/ssvep-exo/" + name);
                    JsonNode j = inspect(raw);
                    assertEquals("fif", j.get("format").asText());
                    assertEquals(g.get("sfreq").asDouble(), j.get("sfreq").asDouble());
                    assertEquals(g.get("n_times").asLong(), j.get("n_times").asLong());
                    assertEquals(g.get("first_samp").asLong(), j.get("first_samp").asLong());
                    assertEquals(g.get("ch_names"), j.get("ch_names"));
                    assertEquals(g.get("ch_types"), j.get("ch_types"));
                    for (int c = 0; c < g.get("n_channels").asInt(); c++) {
                        assertClose(g.get("channel_std").get(c).asDouble(), j.get("channel_std").get(c).asDouble(), 1e-9,
                                name + " std " + c);
                    }
                    JsonNode events = inspect(raw.resolveSibling(raw.getFileName().toString().replace("_raw.fif", "-eve.fif")));
                    assertEquals("events", events.get("kind").asText());
                    assertEquals(g.get("events").get("count").asInt(), events.get("n_events").asInt());
                    assertEquals(g.get("events").get("codes"), events.get("event_counts"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> eegFixturesMatchMne() {
        return Stream.of("EDF/test_generator_2.edf", "BDF/test_generator_2.bdf", "EDF/chtypes_edf.edf",
                "EDF/test_reduced.edf", "Brainvision/test_NO.vhdr", "EEGLAB/test_raw.set").map(path ->
                DynamicTest.dynamicTest(path, () -> {
                    JsonNode g = TestData.golden(path.substring(path.indexOf('/') + 1));
                    JsonNode j = inspect("eeg/" + path);
                    assertEquals(g.get("sfreq").asDouble(), j.get("sfreq").asDouble());
                    assertEquals(g.get("n_channels").asInt(), j.get("n_channels").asInt());
                    assertEquals(g.get("n_times").asLong(), j.get("n_times").asLong());
                    assertEquals(g.get("ch_names"), j.get("ch_names"));
                    assertEquals(g.get("ch_types"), j.get("ch_types"));
                    for (int c = 0; c < g.get("n_channels").asInt(); c++) {
                        boolean fullRate = !j.has("sfreq_per_channel")
                                || j.get("sfreq_per_channel").get(c).asDouble() == j.get("sfreq").asDouble();
                        if (fullRate) {
                            double scale = g.get("channel_std").get(c).asDouble();
                            assertEquals(g.get("channel_mean").get(c).asDouble(), j.get("channel_mean").get(c).asDouble(),
                                    1e-6 * Math.abs(g.get("channel_mean").get(c).asDouble()) + 1e-9 * scale, path + " mean " + c);
                            assertEquals(scale, j.get("channel_std").get(c).asDouble(), 1e-6 * scale, path + " std " + c);
                        }
                    }
                    assertEquals(g.get("annotations").size(), j.get("annotations").size());
                    for (int i = 0; i < g.get("annotations").size(); i++) {
                        JsonNode a = g.get("annotations").get(i);
                        JsonNode b = j.get("annotations").get(i);
                        assertEquals(a.get("onset").asDouble(), b.get("onset").asDouble(), 1e-6);
                        assertEquals(a.get("duration").asDouble(), b.get("duration").asDouble(), 1e-6);
                        assertEquals(a.get("description"), b.get("description"));
                    }
                }));
    }

    @Test
    void eeglabHdf5GivesEegFieldsAndTheTreeOnRequest() throws Exception {
        JsonNode g = TestData.golden("test_raw_hdf5.set");
        JsonNode j = inspect("eeg/EEGLAB/test_raw_hdf5.set");
        assertEquals("eeglab", j.get("format").asText());
        assertEquals(g.get("srate").asDouble(), j.get("sfreq").asDouble());
        assertEquals(g.get("nbchan").asInt(), j.get("n_channels").asInt());
        assertEquals(g.get("pnts").asLong(), j.get("n_times").asLong());
        assertEquals(g.get("n_events").asInt(), j.get("annotations").size());
        assertEquals(false, j.has("tree"));
        JsonNode withTree = inspect("eeg/EEGLAB/test_raw_hdf5.set", "--hdf5-tree");
        assertEquals("/", withTree.get("tree").get("path").asText());
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
        JsonNode j = inspect("eeg/EEGLAB/test_raw_hdf5.set", "--hdf5-tree");
        assertEquals("eeglab", j.get("format").asText());
        assertEquals("/EEG", j.get("tree").get("children").get(1).get("path").asText());
        assertEquals("/EEG/chanlocs", j.get("tree").get("children").get(1).get("children").get(1).get("path").asText());
    }
}
