package org.neurodec.ingest.eeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.eeg.edf.EdfWriter;

/** EDF and BDF written by neurodec read back here and in MNE (edf_writer_roundtrip.json). */
class EdfWriterTest {

    static final List<String> NAMES = List.of("Fz", "Cz", "Pz");

    /** Three channels, 4 s at 128 Hz, with two annotations (one with UTF-8 text). */
    static double[][] signals() {
        double[][] volts = new double[3][512];
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 512; t++) {
                volts[c][t] = 40e-6 * Math.sin(2 * Math.PI * (c + 1) * t / 128.0) + c * 5e-6;
            }
        }
        return volts;
    }

    static void writeRoundTrip(Path edf, Path bdf) {
        List<Annotation> events = List.of(new Annotation(0.5, 0.25, "stimulus/face"), new Annotation(2.75, 0, "réponse"));
        EdfWriter.create(NAMES, 128).annotations(events).write(edf, signals());
        EdfWriter.create(NAMES, 128).bdf(true).annotations(events).write(bdf, signals());
    }

    @Test
    void roundTripsWithinOneDigitalStep(@TempDir Path dir) throws IOException {
        Path edf = dir.resolve("edf_writer_roundtrip.edf");
        Path bdf = dir.resolve("edf_writer_roundtrip.bdf");
        writeRoundTrip(edf, bdf);
        assertArrayEquals(Files.readAllBytes(TestData.resource("eeg/edf_writer_roundtrip.edf")), Files.readAllBytes(edf),
                "the writer's output changed: regenerate the committed file and run make_writer_golden.py");
        JsonNode golden = TestData.json(TestData.resource("eeg/edf_writer_roundtrip.json"));
        double[][] expected = signals();
        for (Path file : new Path[] {edf, bdf}) {
            EegRecording recording = EegRecording.open(file);
            assertEquals(NAMES, recording.channelNames());
            assertEquals(128.0, recording.sfreq());
            assertEquals(List.of(new Annotation(0.5, 0.25, "stimulus/face"), new Annotation(2.75, 0, "réponse")),
                    recording.annotations());
            Signals all = recording.readAll();
            double step = 90e-6 / (file.toString().endsWith(".bdf") ? 16_777_215 : 65_535);
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(expected[c], all.channel(c), step, file.getFileName() + " channel " + c);
            }
            JsonNode mne = golden.get(file.getFileName().toString());
            for (int c = 0; c < 3; c++) {
                for (int t = 0; t < 5; t++) {
                    assertEquals(mne.get("first").get(c).get(t).asDouble(), all.get(c, t), 1e-12, "as MNE reads it");
                }
            }
            assertEquals(mne.get("annotations").size(), recording.annotations().size());
            assertEquals(mne.get("annotations").get(1).get("description").asText(), recording.annotations().get(1).description());
        }
    }
}
