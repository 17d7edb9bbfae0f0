package org.neurodec.preprocess.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.fif.FifEvents;
import org.neurodec.preprocess.epochs.Epochs;

/** A FIF recording cut by its MNE events file ({@code events: eve}), as the SSVEP reference scripts cut it. */
class FifEpochsTest {

    private static final Path RAW = TestData.file("real/ssvep-exo/subject01/record-[2012.07.06-19.02.16]_raw.fif");

    @Test
    void theEventsFileBesideTheRecordingGivesItsEpochs() throws Exception {
        Pipeline pipeline = Pipeline.fromSection(Path.of("job.yaml"), new ObjectMapper().readTree(
                "{\"epochs\": {\"tmin\": 2, \"tmax\": 3.99609375, \"events\": \"eve\","
                        + " \"conditions\": {\"1\": \"rest\", \"2\": \"13\", \"3\": \"21\", \"4\": \"17\"}}}"));
        EegRecording recording = EegRecording.open(RAW);
        Epochs epochs = pipeline.run(recording).epochs();
        assertEquals(32, epochs.size(), "32 trials a session");
        assertEquals(512, epochs.times(), "samples 2 s to 4 s after each event, the reference's d[:, a:b]");
        Map<String, Integer> counts = new TreeMap<>();
        epochs.info().forEach(i -> counts.merge(i.condition(), 1, Integer::sum));
        assertEquals(Map.of("13", 8, "17", 8, "21", 8, "rest", 8), counts);
        int[][] events = FifEvents.read(FifEvents.besides(RAW));
        long start = events[0][0] - recording.firstSample() + 512;
        double[] expected = recording.read(3, start, 512);
        for (int t = 0; t < 512; t++) {
            assertEquals(expected[t], epochs.get(0, 3, t), 0, "the first epoch is the raw data from its event + 2 s");
        }
    }

    @Test
    void aRecordingWithoutAnEventsFileBesideItIsRefusedByName() throws Exception {
        Pipeline pipeline = Pipeline.fromSection(Path.of("job.yaml"), new ObjectMapper().readTree(
                "{\"epochs\": {\"tmin\": 0, \"tmax\": 1, \"events\": \"eve\"}}"));
        Path edf = TestData.file("real/eegbci-S001/S001R06.edf");
        IngestException e = assertThrows(IngestException.class, () -> pipeline.run(EegRecording.open(edf)));
        assertTrue(e.getMessage().contains(edf.toString()) && e.getMessage().contains("events file"), e.getMessage());
    }
}
