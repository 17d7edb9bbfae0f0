package org.neurodec.ingest.bids;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neurodec.ingest.IngestException;

/**
 * A BIDS dataset on disk: finds the recordings in {@code sub-<label>/[ses-<label>/](func|eeg)/} with their
 * {@code _events.tsv} and their sidecar JSON, merged from the dataset root down to the file's own
 * folder (the inheritance principle: a closer file overrides a farther one).
 */
public final class BidsDataset {

    private static final Pattern DATA = Pattern.compile(
            "(sub-[^_/]+(?:_[a-zA-Z0-9]+-[^_/]+)*)_(bold\\.nii(?:\\.gz)?|eeg\\.(?:edf|bdf|vhdr|set|fif))");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final List<BidsRecording> recordings;

    private BidsDataset(Path root, List<BidsRecording> recordings) {
        this.root = root;
        this.recordings = List.copyOf(recordings);
    }

    /** Scans the dataset at {@code root}. */
    public static BidsDataset open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IngestException(root + ": not a directory, so not a BIDS dataset");
        }
        List<BidsRecording> found = new ArrayList<>();
        Map<Path, List<Path>> sidecars = new java.util.HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (isRecording(root.relativize(file).toString().replace(java.io.File.separatorChar, '/'))) {
                    found.add(recording(root, file, sidecars));
                }
            }
        } catch (IOException e) {
            throw new IngestException(root + ": could not be scanned: " + e.getMessage(), e);
        }
        return new BidsDataset(root, found);
    }

    /**
     * Whether {@code relative} (a path inside a dataset, '/'-separated) is a recording this class
     * reads: {@code sub-<label>/[ses-<label>/](func|eeg)/sub-…_(bold.nii[.gz]|eeg.(edf|bdf|vhdr|set|fif))}.
     */
    public static boolean isRecording(String relative) {
        String[] parts = relative.split("/");
        int depth = parts.length;
        if (depth < 3 || depth > 4 || !parts[0].startsWith("sub-") || depth == 4 && !parts[1].startsWith("ses-")) {
            return false;
        }
        String datatype = parts[depth - 2];
        Matcher m = DATA.matcher(parts[depth - 1]);
        return (datatype.equals("func") || datatype.equals("eeg")) && m.matches()
                && m.group(2).startsWith(datatype.equals("func") ? "bold" : "eeg");
    }

    /**
     * One recording of the dataset at {@code root}, without scanning the others: {@code file} is a
     * recording inside it (see {@link #isRecording}); its events and sidecars are found as a scan finds them.
     */
    public static BidsRecording recording(Path root, Path file) {
        String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        if (!isRecording(relative) || !Files.isRegularFile(file)) {
            throw new IngestException(file + ": expected a BIDS recording (sub-*/[ses-*/]{func,eeg}/sub-*_{bold,eeg}.*) in "
                    + root + ", found " + (Files.isRegularFile(file) ? "another file" : "no file"));
        }
        return recording(root, file, new java.util.HashMap<>());
    }

    /** The dataset's root folder. */
    public Path root() {
        return root;
    }

    /** Every recording found, in path order. */
    public List<BidsRecording> recordings() {
        return recordings;
    }

    /** The recordings of one subject (label without "sub-"). */
    public List<BidsRecording> recordings(String subject) {
        return recordings.stream().filter(r -> r.subject().equals(subject)).toList();
    }

    /** The subject labels, sorted. */
    public List<String> subjects() {
        return recordings.stream().map(BidsRecording::subject).distinct().sorted().toList();
    }

    private static BidsRecording recording(Path root, Path file, Map<Path, List<Path>> sidecars) {
        Path relative = root.relativize(file);
        String datatype = relative.getName(relative.getNameCount() - 2).toString();
        Matcher m = DATA.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not a recording");
        }
        String stem = m.group(1);
        String suffix = m.group(2);
        Map<String, String> entities = entities(stem);
        Path events = file.resolveSibling(stem + "_events.tsv");
        String kind = suffix.startsWith("bold") ? "bold" : "eeg";
        return new BidsRecording(entities.get("sub"), Optional.ofNullable(entities.get("ses")), datatype, entities, file,
                Files.isRegularFile(events) ? Optional.of(events) : Optional.empty(),
                sidecar(root, file.getParent(), entities, kind, sidecars));
    }

    static Map<String, String> entities(String stem) {
        Map<String, String> entities = new LinkedHashMap<>();
        for (String part : stem.split("_")) {
            int dash = part.indexOf('-');
            entities.put(part.substring(0, dash), part.substring(dash + 1));
        }
        return entities;
    }

    /**
     * Merges every {@code …_<kind>.json} from the root down to {@code folder} whose entities the file
     * shares; {@code listings} keeps each folder's JSON files, so each folder is listed once per scan.
     */
    private static Map<String, Object> sidecar(Path root, Path folder, Map<String, String> entities, String kind,
            Map<Path, List<Path>> listings) {
        List<Path> levels = new ArrayList<>();
        for (Path level = folder; level != null && level.startsWith(root); level = level.getParent()) {
            levels.add(0, level);
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Path level : levels) {
            for (Path json : listings.computeIfAbsent(level, BidsDataset::jsonFiles)) {
                String name = json.getFileName().toString();
                if (!name.endsWith("_" + kind + ".json")) {
                    continue;
                }
                String stem = name.substring(0, name.length() - kind.length() - 6);
                if (entities(stem).entrySet().stream().allMatch(e -> e.getValue().equals(entities.get(e.getKey())))) {
                    merged.putAll(read(json));
                }
            }
        }
        return merged;
    }

    /** The JSON files of one folder, shortest name (most general) first. */
    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString().length())).toList();
        } catch (IOException e) {
            throw new IngestException(folder + ": could not be listed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path json) {
        try {
            return JSON.readValue(json.toFile(), Map.class);
        } catch (JsonProcessingException e) {
            throw new IngestException(json + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IngestException(json + ": could not be read: " + e.getMessage(), e);
        }
    }
}
