package org.neurodec.ingest.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.eeg.Annotation;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegRecording;

/**
 * The events of one recording, in onset order, whatever they came from: annotations, a stimulus
 * channel, or a BIDS {@code events.tsv}.
 */
public final class Events {

    private static final Set<String> KNOWN = Set.of("onset", "duration", "trial_type", "value", "stim_file");

    private final List<Event> events;

    private Events(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(Event::onset));
        this.events = List.copyOf(sorted);
    }

    /** Events from a list, sorted by onset. */
    public static Events of(List<Event> events) {
        return new Events(events);
    }

    /** One event per annotation: its description becomes the trial type. */
    public static Events fromAnnotations(List<Annotation> annotations) {
        return new Events(annotations.stream().map(a -> Event.of(a.onset(), a.duration(), a.description())).toList());
    }

    /**
     * Events from a stimulus channel: one at each sample where the value changes to a non-zero value
     * (as MNE's {@code find_events} with its defaults), the value as trial type and code.
     */
    public static Events fromStimChannel(EegRecording recording, String channel) {
        int index = recording.indexOf(channel);
        var info = recording.channels().get(index);
        if (info.type() != ChannelType.STIM && info.type() != ChannelType.MISC) {
            throw new IllegalArgumentException(recording.file() + ": channel " + channel + " is " + info.type()
                    + ", not a stimulus channel");
        }
        List<Event> out = new ArrayList<>();
        double previous = 0;
        int chunk = 1 << 16;
        for (long start = 0; start < info.samples(); start += chunk) {
            double[] values = recording.read(index, start, (int) Math.min(chunk, info.samples() - start));
            for (int i = 0; i < values.length; i++) {
                if (values[i] != 0 && values[i] != previous) {
                    String code = values[i] == Math.rint(values[i]) ? Long.toString((long) values[i]) : Double.toString(values[i]);
                    out.add(new Event((start + i) / info.sfreq(), 0, code, code, "", Map.of()));
                }
                previous = values[i];
            }
        }
        return new Events(out);
    }

    /**
     * Events from rows of (sample, previous value, code) counted from the start of acquisition, as
     * MNE's event arrays and {@code -eve.fif} files hold them: onset (sample − the recording's first
     * sample) / sfreq, the code as trial type and value.
     */
    public static Events fromSamples(EegRecording recording, int[][] rows) {
        List<Event> out = new ArrayList<>();
        for (int[] row : rows) {
            long sample = row[0] - recording.firstSample();
            if (sample < 0 || sample >= recording.times()) {
                throw org.neurodec.ingest.IngestException.badField(recording.file(), "event at sample " + row[0],
                        "a sample of the recording (" + recording.firstSample() + " to "
                        + (recording.firstSample() + recording.times() - 1) + ")", row[0]);
            }
            String code = Integer.toString(row[2]);
            out.add(new Event(sample / recording.sfreq(), 0, code, code, "", Map.of()));
        }
        return new Events(out);
    }

    /**
     * Reads a BIDS {@code events.tsv}: onset and duration (seconds; "n/a" allowed for duration),
     * trial_type, value, stim_file, and every other column kept as text.
     */
    public static Events readTsv(Path file) {
        List<Event> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw IngestException.badField(file, "header row", "onset and duration columns", "an empty file");
            }
            List<String> header = Arrays.asList((first.startsWith("\uFEFF") ? first.substring(1) : first).split("\t", -1));
            int onset = column(file, header, "onset");
            int duration = column(file, header, "duration");
            String line;
            for (int number = 2; (line = in.readLine()) != null; number++) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != header.size()) {
                    throw IngestException.badField(file, "line " + number, header.size() + " tab-separated cells",
                            cells.length);
                }
                Map<String, String> extra = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    if (!KNOWN.contains(header.get(i))) {
                        extra.put(header.get(i), cells[i]);
                    }
                }
                out.add(new Event(number(file, number, "onset", cells[onset], false),
                        number(file, number, "duration", cells[duration], true),
                        cell(header, cells, "trial_type"), cell(header, cells, "value"), cell(header, cells, "stim_file"),
                        extra));
            }
        } catch (IOException e) {
            throw new IngestException(file + ": could not be read: " + e.getMessage(), e);
        }
        return new Events(out);
    }

    /** All events, in onset order. */
    public List<Event> list() {
        return events;
    }

    /** Number of events. */
    public int size() {
        return events.size();
    }

    /** The distinct trial types, sorted. */
    public Set<String> trialTypes() {
        Set<String> types = new TreeSet<>();
        events.forEach(e -> types.add(e.trialType()));
        return types;
    }

    /** The events of one trial type. */
    public Events ofType(String trialType) {
        return new Events(events.stream().filter(e -> e.trialType().equals(trialType)).toList());
    }

    private static int column(Path file, List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw IngestException.badField(file, "header row", "a '" + name + "' column", "columns " + header);
        }
        return index;
    }

    private static String cell(List<String> header, String[] cells, String name) {
        int index = header.indexOf(name);
        return index < 0 || cells[index].equals("n/a") ? "" : cells[index];
    }

    private static double number(Path file, int line, String column, String cell, boolean allowMissing) {
        if (allowMissing && cell.strip().equals("n/a")) {
            return Double.NaN;
        }
        String expected = allowMissing ? "a number of seconds or n/a" : "a number of seconds";
        double value;
        try {
            value = Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            IngestException error = IngestException.badField(file, "line " + line + ", column '" + column + "'",
                    expected, "'" + cell + "'");
            error.initCause(e);
            throw error;
        }
        if (!Double.isFinite(value)) {
            throw IngestException.badField(file, "line " + line + ", column '" + column + "'", expected, "'" + cell + "'");
        }
        return value;
    }
}
