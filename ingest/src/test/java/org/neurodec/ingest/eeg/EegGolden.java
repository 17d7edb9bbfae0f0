package org.neurodec.ingest.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a recording with the golden JSON that MNE-Python produced for the same file: sampling
 * rate, channel names and types, sample values in volts, per-channel mean and std, annotations.
 */
public final class EegGolden {

    private EegGolden() {
    }

    /**
     * Asserts that {@code recording} reads as MNE read it. MNE resamples signals of lower rates to the
     * highest one and neurodec does not, so their values are compared elsewhere (see
     * {@code native_rate_golden.json}); here only the channels at the highest rate are.
     */
    public static void assertMatches(JsonNode g, EegRecording recording) {
        String file = recording.file().getFileName().toString();
        assertEquals(g.get("sfreq").asDouble(), recording.sfreq(), 1e-9, file + " sfreq");
        assertEquals(g.get("n_channels").asInt(), recording.channels().size(), file + " n_channels");
        assertEquals(g.get("n_times").asLong(), recording.times(), file + " n_times");
        assertEquals(strings(g.get("ch_names")), recording.channelNames(), file + " ch_names");
        assertEquals(strings(g.get("ch_types")),
                recording.channels().stream().map(c -> c.type().mneName()).toList(), file + " ch_types");
        ChannelStats stats = recording.stats();
        double[] mean = stats.mean();
        double[] std = stats.std();
        for (int c = 0; c < mean.length; c++) {
            if (recording.channels().get(c).sfreq() != recording.sfreq()) {
                continue;
            }
            double scale = g.get("channel_std").get(c).asDouble();
            assertClose(g.get("channel_mean").get(c).asDouble(), mean[c], scale, file + " mean of channel " + c);
            assertClose(scale, std[c], scale, file + " std of channel " + c);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = g.get("samples").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> sample = it.next();
            long t = Long.parseLong(sample.getKey());
            for (int c = 0; c < recording.channels().size(); c++) {
                if (recording.channels().get(c).sfreq() == recording.sfreq()) {
                    assertClose(sample.getValue().get(c).asDouble(), recording.read(c, t, 1)[0],
                            g.get("channel_std").get(c).asDouble(), file + " sample " + t + " of channel " + c);
                }
            }
        }
        JsonNode annotations = g.get("annotations");
        assertEquals(annotations.size(), recording.annotations().size(), file + " annotation count");
        for (int i = 0; i < annotations.size(); i++) {
            Annotation a = recording.annotations().get(i);
            JsonNode e = annotations.get(i);
            assertEquals(e.get("onset").asDouble(), a.onset(), 1e-6, file + " onset of annotation " + i);
            assertEquals(e.get("duration").asDouble(), a.duration(), 1e-6, file + " duration of annotation " + i);
            assertEquals(e.get("description").asText(), a.description(), file + " annotation " + i);
        }
    }

    /** Within 1e-6 relative, with an absolute floor of 1e-9 of the channel's scale for values near zero. */
    static void assertClose(double expected, double actual, double scale, String what) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected) + 1e-9 * Math.abs(scale) + 1e-300, what);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
