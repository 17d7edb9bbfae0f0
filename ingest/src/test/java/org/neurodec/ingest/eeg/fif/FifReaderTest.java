package org.neurodec.ingest.eeg.fif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.FileFormats;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.eeg.Annotation;
import org.neurodec.ingest.eeg.ChannelStats;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.events.Events;

/**
 * FIF recordings read as MNE-Python 1.3 reads them (fif/fif_golden.json, made by make_fif_golden.py):
 * fixtures written by MNE in every sample type, with a first sample, no measurement date, a data skip
 * and long channel names; and the real SSVEP-Exo recordings with their event files.
 */
class FifReaderTest {

    private static final JsonNode GOLDEN = TestData.json(TestData.resource("fif/fif_golden.json"));

    @TestFactory
    List<DynamicTest> fixturesWrittenByMne() {
        List<DynamicTest> tests = new ArrayList<>();
        GOLDEN.get("fixtures").fields().forEachRemaining(f -> tests.add(DynamicTest.dynamicTest(f.getKey(),
                () -> compare(TestData.resource("fif/" + f.getKey()), f.getValue()))));
        return tests;
    }

    @TestFactory
    List<DynamicTest> realSsvepRecordings() {
        List<DynamicTest> tests = new ArrayList<>();
        GOLDEN.get("ssvep").fields().forEachRemaining(f -> tests.add(DynamicTest.dynamicTest(f.getKey(),
                () -> compare(TestData.file("real/ssvep-exo/" + f.getKey()), f.getValue()))));
        return tests;
    }

    private static void compare(Path file, JsonNode g) throws IOException {
        assertEquals("fif", FileFormats.detect(file).name());
        EegRecording r = EegRecording.open(file);
        assertEquals(g.get("sfreq").asDouble(), r.sfreq());
        assertEquals(g.get("n_times").asLong(), r.times());
        assertEquals(g.get("first_samp").asLong(), r.firstSample());
        List<String> names = new ArrayList<>();
        g.get("ch_names").forEach(n -> names.add(n.asText()));
        assertEquals(names, r.channelNames());
        List<String> types = new ArrayList<>();
        g.get("ch_types").forEach(n -> types.add(n.asText()));
        assertEquals(types, r.channels().stream().map(c -> c.type().mneName()).toList());
        List<Annotation> annotations = r.annotations();
        assertEquals(g.get("annotations").size(), annotations.size(), "annotations " + annotations);
        for (int i = 0; i < annotations.size(); i++) {
            JsonNode a = g.get("annotations").get(i);
            assertEquals(a.get("description").asText(), annotations.get(i).description());
            assertEquals(a.get("onset").asDouble(), annotations.get(i).onset(), 1e-6);
            assertEquals(a.get("duration").asDouble(), annotations.get(i).duration(), 1e-6);
        }
        int[] at = new int[g.get("samples_at").size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = g.get("samples_at").get(i).asInt();
        }
        for (int c = 0; c < names.size(); c++) {
            for (int i = 0; i < at.length; i++) {
                double expected = g.get("samples").get(c).get(i).asDouble();
                assertEquals(expected, r.read(c, at[i], 1)[0], Math.abs(expected) * 1e-12,
                        names.get(c) + " at sample " + at[i]);
            }
        }
        ChannelStats stats = r.stats();
        for (int c = 0; c < names.size(); c++) {
            TestData.assertClose(g.get("channel_mean").get(c).asDouble(), stats.mean()[c], 1e-9, names.get(c) + " mean");
            TestData.assertClose(g.get("channel_std").get(c).asDouble(), stats.std()[c], 1e-9, names.get(c) + " std");
        }
        if (g.has("events")) {
            JsonNode e = g.get("events");
            Path eve = FifEvents.besides(file);
            int[][] rows = FifEvents.read(eve);
            assertEquals(e.get("count").asInt(), rows.length);
            for (int i = 0; i < e.get("first").size(); i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(e.get("first").get(i).get(k).asInt(), rows[i][k]);
                }
            }
            Map<String, Integer> codes = new TreeMap<>();
            e.get("codes").fields().forEachRemaining(x -> codes.put(x.getKey(), x.getValue().asInt()));
            Map<String, Integer> found = new TreeMap<>();
            Events.fromSamples(r, rows).list().forEach(ev -> found.merge(ev.trialType(), 1, Integer::sum));
            assertEquals(codes, found);
            assertEquals((rows[0][0] - r.firstSample()) / r.sfreq(), Events.fromSamples(r, rows).list().get(0).onset(), 1e-12);
        }
    }

    @Test
    void aTruncatedOrForeignFileIsAnIngestErrorNamingTheFile(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(TestData.resource("fif/fixture_single_raw.fif"));
        for (int cut : new int[] {8, 40, whole.length / 2, whole.length - 3}) {
            Path part = Files.write(dir.resolve("cut" + cut + "_raw.fif"), Arrays.copyOf(whole, cut));
            IngestException e = assertThrows(IngestException.class, () -> EegRecording.open(part).stats());
            assertTrue(e.getMessage().contains(part.toString()), e.getMessage());
        }
        Path events = TestData.resource("fif/fixture_single-eve.fif");
        IngestException notRaw = assertThrows(IngestException.class, () -> EegRecording.open(events));
        assertTrue(notRaw.getMessage().contains("measurement-info block"), notRaw.getMessage());
        IngestException noEvents = assertThrows(IngestException.class,
                () -> FifEvents.read(TestData.resource("fif/fixture_double_raw.fif")));
        assertTrue(noEvents.getMessage().contains("events block"), noEvents.getMessage());
        IngestException noneBeside = assertThrows(IngestException.class,
                () -> FifEvents.besides(Files.write(dir.resolve("lonely_raw.fif"), whole)));
        assertTrue(noneBeside.getMessage().contains("lonely-eve.fif"), noneBeside.getMessage());
    }

    @Test
    void everySampleTypeGivesTheSameSignalToItsPrecision() {
        EegRecording doubles = EegRecording.open(TestData.resource("fif/fixture_double_raw.fif"));
        // MNE's short and int formats store whole units (cal 1 for volts): EEG rounds to 0 there, as in MNE (golden)
        for (String fmt : List.of("single")) {
            EegRecording other = EegRecording.open(TestData.resource("fif/fixture_" + fmt + "_raw.fif"));
            double[] a = doubles.read(0, 0, 1000);
            double[] b = other.read(0, 0, 1000);
            double peak = Arrays.stream(a).map(Math::abs).max().orElseThrow();
            double tolerance = peak * 1e-6;
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], tolerance, fmt + " sample " + i);
            }
        }
        assertArrayEquals(new double[200], Arrays.copyOfRange(EegRecording.open(
                TestData.resource("fif/fixture_skip_raw.fif")).read(1, 200, 400), 0, 200), "a skip reads as zeros");
    }
}
