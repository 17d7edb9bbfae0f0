package org.neurodec.preprocess.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.epochs.Epochs;
import org.neurodec.preprocess.filter.FirFilter;
import org.neurodec.preprocess.signal.Channels;

/** A YAML pipeline gives what the same steps give by hand, records them, and refuses bad parameters early. */
class PipelineTest {

    static final Path RUN = TestData.file("real/eegbci-S001/S001R06.edf");

    @TempDir
    Path dir;

    /** The pipeline of a config's {@code preprocess} section, the config written to a file first. */
    Pipeline fromYaml(String text) throws IOException {
        Path file = dir.resolve("steps.yaml");
        Files.writeString(file, text);
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(file.toFile());
        return Pipeline.fromSection(file, root.get("preprocess"));
    }

    @Test
    void yamlPipelineEqualsTheStepsByHand() throws IOException {
        Pipeline pipeline = fromYaml(("""
                preprocess:
                  steps:
                    - filter: {l_freq: 7, h_freq: 30, method: fir}
                    - reref: {bads: []}
                  epochs: {tmin: -1, tmax: 4, events: annotations, conditions: {T1: hands, T2: feet}}
                """));
        EegRecording recording = EegRecording.open(RUN);
        Pipeline.Result result = pipeline.run(recording);
        boolean[] all = new boolean[64];
        java.util.Arrays.fill(all, true);
        Signals byHand = Channels.averageReference(Channels.map(recording.readAll(), FirFilter.mne(160, 7.0, 30.0)::apply), all);
        Epochs expected = Epochs.extract(byHand, recording.channels(), Events.fromAnnotations(recording.annotations()),
                Map.of("T1", "hands", "T2", "feet"), EpochSpec.of(-1, 4), Map.of());
        assertEquals(15, result.epochs().size());
        for (int e = 0; e < 15; e++) {
            assertEquals(expected.info().get(e).condition(), result.epochs().info().get(e).condition());
            // Two channels share one FFT in the pipeline, one in the hand-made filter: equal to rounding.
            assertArrayEquals(expected.epoch(e)[10], result.epochs().epoch(e)[10], 1e-18);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) result.provenance().parameters().get("steps");
        assertEquals(List.of("filter", "reref", "epochs"), steps.stream().map(s -> s.get("step")).toList());
        assertEquals(64, result.provenance().inputs().get(0).sha256().length());
        assertEquals("recording", result.provenance().inputs().get(0).role());

        Path out = dir.resolve("epochs.h5");
        PreprocessedFile.write(result, out);
        try (Hdf5File hdf = Hdf5File.open(out)) {
            assertArrayEquals(new long[] {15, 64, 801}, hdf.shape("data"));
            assertEquals("hands", hdf.read("epochs/condition").toStrings()[1]);
            assertEquals(160.0, ((Number) hdf.attributes("/").get("sfreq")).doubleValue());
            assertTrue(((String) hdf.attributes("/").get("provenance")).contains("\"l_freq\":7.0"));
        }
    }

    @Test
    void epochsAllRejectedAreRefusedWithTheReasonsAndWriteNothing() throws IOException {
        Pipeline pipeline = fromYaml(("""
                preprocess:
                  steps:
                    - filter: {l_freq: 7, h_freq: 30, method: fir}
                  epochs: {tmin: -1, tmax: 4, reject: {eeg: 1e-9}, events: annotations, conditions: {T1: hands, T2: feet}}
                """));
        Pipeline.Result result = pipeline.run(EegRecording.open(RUN));
        assertEquals(0, result.epochs().size());
        Path out = dir.resolve("empty.h5");
        org.neurodec.preprocess.PreprocessException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.neurodec.preprocess.PreprocessException.class, () -> PreprocessedFile.write(result, out));
        assertTrue(e.getMessage().contains("all 15 epochs dropped (") && e.getMessage().contains("peak-to-peak"), e.getMessage());
        assertTrue(Files.notExists(out), "nothing written");
    }

    @Test
    void continuousPipelineWithNotchAndResampling() throws IOException {
        Pipeline pipeline = fromYaml(("""
                preprocess:
                  steps:
                    - filter: {l_freq: 1, method: iir, order: 2}
                    - notch: {freqs: [50]}
                    - resample: {sfreq: 80}
                """));
        Pipeline.Result result = pipeline.run(EegRecording.open(RUN));
        assertEquals(80.0, result.continuous().sfreq());
        assertEquals(10000, result.continuous().times());
    }

    @Test
    void badParametersAreRefusedBeforeAnyWork() throws IOException {
        EegRecording recording = EegRecording.open(RUN);
        PreprocessException nyquist = assertThrows(PreprocessException.class,
                () -> Pipeline.empty().then(new Steps.Filter(1.0, 100.0, "fir", 4)).run(recording));
        assertTrue(nyquist.getMessage().contains("h_freq") && nyquist.getMessage().contains("80.0 Hz"), nyquist.getMessage());
        PreprocessException unknown = assertThrows(PreprocessException.class,
                () -> fromYaml(("preprocess:\n  steps:\n    - filter: {low: 1}\n")));
        assertTrue(unknown.getMessage().contains("steps.yaml")
                && unknown.getMessage().contains("key 'preprocess.steps[0].filter.low'"), unknown.getMessage());
        PreprocessException notAList = assertThrows(PreprocessException.class,
                () -> fromYaml(("preprocess:\n  steps: filter\n")));
        assertTrue(notAList.getMessage().contains("key 'preprocess.steps': expected a list"), notAList.getMessage());
        assertThrows(PreprocessException.class, () -> fromYaml(("preprocess:\n  steps:\n    - smooth: {}\n")));
        assertThrows(PreprocessException.class, () -> fromYaml(("other: {}\n")));
        assertThrows(PreprocessException.class, () -> Pipeline.empty().then(new Steps.Resample(77.7)).run(recording));
        assertThrows(PreprocessException.class, () -> Pipeline.empty().then(new Steps.AverageReference(List.of("Xx"))).run(recording));
        boolean[] worked = new boolean[1];
        Step watched = new Step() {
            @Override
            public String name() {
                return "watched";
            }

            @Override
            public Map<String, Object> parameters() {
                return Map.of();
            }

            @Override
            public void check(double sfreq, List<org.neurodec.ingest.eeg.Channel> channels) {
            }

            @Override
            public Signals apply(Signals signals, List<org.neurodec.ingest.eeg.Channel> channels) {
                worked[0] = true;
                return signals;
            }
        };
        assertThrows(PreprocessException.class,
                () -> Pipeline.empty().then(watched).then(new Steps.Filter(1.0, 100.0, "iir", 4)).run(recording));
        assertFalse(worked[0], "a step ran before a later step's parameters were checked");
    }
}
