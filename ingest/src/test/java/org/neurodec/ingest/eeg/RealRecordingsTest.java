package org.neurodec.ingest.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;

/** The real recordings read, with the annotations and marker codes they contain (real_data_golden.json). */
class RealRecordingsTest {

    static final JsonNode GOLDEN = TestData.json(TestData.resource("eeg/real_data_golden.json"));

    @TestFactory
    List<DynamicTest> motorImageryRuns() {
        List<DynamicTest> tests = new ArrayList<>();
        GOLDEN.get("eegbci").fields().forEachRemaining(run -> tests.add(DynamicTest.dynamicTest(run.getKey(), () -> {
            JsonNode g = run.getValue();
            EegRecording recording = EegRecording.open(TestData.file("real/eegbci-S001/" + run.getKey()));
            assertEquals(g.get("sfreq").asDouble(), recording.sfreq());
            assertEquals(g.get("n_channels").asInt(), recording.channels().size());
            assertEquals(g.get("n_times").asLong(), recording.times());
            assertEquals(EegGolden.strings(g.get("first_channels")), recording.channelNames().subList(0, 3));
            assertEquals(counts(g.get("annotation_counts")),
                    counts(Events.fromAnnotations(recording.annotations())));
            for (int i = 0; i < 3; i++) {
                assertEquals(g.get("first_onsets").get(i).asDouble(), recording.annotations().get(i).onset(), 1e-9);
            }
        })));
        return tests;
    }

    @TestFactory
    List<DynamicTest> n170CsvExports() {
        List<DynamicTest> tests = new ArrayList<>();
        GOLDEN.get("n170").fields().forEachRemaining(file -> tests.add(DynamicTest.dynamicTest(file.getKey(), () -> {
            JsonNode g = file.getValue();
            EegRecording recording = EegRecording.open(TestData.file("real/eegnb-n170/" + file.getKey()));
            assertEquals(g.get("rows").asLong(), recording.times());
            List<String> columns = EegGolden.strings(g.get("columns"));
            assertEquals(columns.subList(1, columns.size()), recording.channelNames());
            assertEquals(256.0, recording.sfreq());
            assertEquals(counts(g.get("marker_counts")), counts(Events.fromAnnotations(recording.annotations())));
            assertEquals(counts(g.get("marker_counts")), counts(Events.fromStimChannel(recording, "Marker0")));
        })));
        return tests;
    }

    static Map<String, Integer> counts(JsonNode node) {
        Map<String, Integer> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    static Map<String, Integer> counts(Events events) {
        Map<String, Integer> out = new TreeMap<>();
        for (Event e : events.list()) {
            out.merge(e.trialType(), 1, Integer::sum);
        }
        return out;
    }
}
