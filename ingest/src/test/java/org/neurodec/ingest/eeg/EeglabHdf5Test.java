package org.neurodec.ingest.eeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;

/** EEGLAB files saved as MATLAB v7.3 (HDF5): against h5py's golden values and against the v5 twin. */
class EeglabHdf5Test {

    @Test
    void hdf5HeaderWithFdtReadsTheSameAsTheV5File() {
        EegRecording v5 = EegRecording.open(TestData.file("eeg/EEGLAB/test_raw.set"));
        EegRecording v73 = EegRecording.open(TestData.file("eeg/EEGLAB/test_raw_h5.set"));
        JsonNode g = TestData.golden("test_raw_h5.set");
        assertEquals(g.get("srate").asDouble(), v73.sfreq());
        assertEquals(g.get("nbchan").asInt(), v73.channels().size());
        assertEquals(g.get("pnts").asLong(), v73.times());
        assertEquals(g.get("n_events").asInt(), v73.annotations().size());
        for (int i = 0; i < g.get("first_event_latencies").size(); i++) {
            assertEquals((g.get("first_event_latencies").get(i).asDouble() - 1) / 128.0, v73.annotations().get(i).onset(), 1e-9);
        }
        assertEquals(v5.channelNames(), v73.channelNames());
        assertEquals(v5.annotations(), v73.annotations());
        Signals a = v5.read(1000, 500);
        Signals b = v73.read(1000, 500);
        for (int c = 0; c < a.channels(); c++) {
            assertArrayEquals(a.channel(c), b.channel(c), 0.0, "channel " + c);
        }
    }

    @Test
    void hdf5WithDataInsideMatchesH5py() {
        EegRecording recording = EegRecording.open(TestData.file("eeg/EEGLAB/test_raw_hdf5.set"));
        JsonNode g = TestData.golden("test_raw_hdf5.set");
        assertEquals(g.get("srate").asDouble(), recording.sfreq());
        assertEquals(g.get("nbchan").asInt(), recording.channels().size());
        assertEquals(g.get("pnts").asLong(), recording.times());
        assertEquals(List.of("A1", "A2", "A3", "A4", "A5"), recording.channelNames().subList(0, 5));
        assertEquals(g.get("n_events").asInt(), recording.annotations().size());
        for (int i = 0; i < g.get("first_event_latencies").size(); i++) {
            assertEquals((g.get("first_event_latencies").get(i).asDouble() - 1) / 1024.0,
                    recording.annotations().get(i).onset(), 1e-9);
        }
        Signals all = recording.readAll();
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 5; t++) {
                assertEquals(g.get("data_first5").get(c).get(t).asDouble() * 1e-6, all.get(c, t), 1e-12, c + "," + t);
            }
        }
        double sum = 0;
        for (int c = 0; c < all.channels(); c++) {
            for (int t = 0; t < all.times(); t++) {
                sum += all.get(c, t);
            }
        }
        assertEquals(g.get("data_sum").asDouble() * 1e-6, sum, 1e-4 * Math.abs(sum));
    }
}
