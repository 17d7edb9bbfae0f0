package org.neurodec.ingest.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;

/**
 * test_reduced.edf mixes 11 sampling rates (1 to 512 Hz). Each signal is read at its own rate and
 * compared with MNE reading the same group of signals alone (native_rate_golden.json).
 */
class EdfNativeRateTest {

    @Test
    void everySignalAtItsOwnRateMatchesMne() {
        EegRecording recording = EegRecording.open(TestData.file("eeg/EDF/test_reduced.edf"));
        JsonNode golden = TestData.json(TestData.resource("eeg/native_rate_golden.json")).get("test_reduced.edf").get("channels");
        assertTrue(!recording.uniformRate());
        assertTrue(recording.warnings().stream().anyMatch(w -> w.contains("different sampling rates")), recording.warnings().toString());
        ChannelStats stats = recording.stats();
        List<Channel> channels = recording.channels();
        assertEquals(golden.size(), channels.size());
        for (int c = 0; c < channels.size(); c++) {
            Channel channel = channels.get(c);
            JsonNode g = golden.get(channel.name());
            String what = channel.name() + " at " + channel.sfreq() + " Hz";
            assertEquals(g.get("sfreq").asDouble(), channel.sfreq(), 0.0, what);
            assertEquals(g.get("n_times").asLong(), channel.samples(), what);
            double scale = g.get("std").asDouble();
            EegGolden.assertClose(g.get("mean").asDouble(), stats.mean()[c], scale, what + " mean");
            EegGolden.assertClose(scale, stats.std()[c], scale, what + " std");
            double[] first = recording.read(c, 0, 4);
            for (int i = 0; i < 4; i++) {
                EegGolden.assertClose(g.get("first").get(i).asDouble(), first[i], scale, what + " sample " + i);
            }
        }
    }
}
