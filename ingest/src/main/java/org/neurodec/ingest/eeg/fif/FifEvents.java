package org.neurodec.ingest.eeg.fif;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.neurodec.ingest.IngestException;

/**
 * MNE's event files ({@code *-eve.fif}): rows of (sample, previous value, code), where the sample
 * counts from the start of acquisition (so includes the recording's first sample), as
 * {@code mne.read_events} gives them.
 */
public final class FifEvents {

    static final int EVENTS_BLOCK = 361;
    static final int EVENT_LIST = 3561;

    private FifEvents() {
    }

    /** The event rows of {@code file}: {@code [sample, previous, code]} each. */
    public static int[][] read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FifTree tree = FifTree.read(file, channel);
            return read(file, tree);
        } catch (IOException e) {
            throw new IngestException(file + ": could not be read: " + e.getMessage(), e);
        }
    }

    static int[][] read(Path file, FifTree tree) throws IOException {
        List<FifTree.Block> blocks = tree.root.find(EVENTS_BLOCK);
        Optional<FifTree.Tag> list = blocks.isEmpty() ? Optional.empty() : blocks.get(0).tag(EVENT_LIST);
        if (list.isEmpty()) {
            throw IngestException.badField(file, "events", "an MNE events block (361) with an event list", "none");
        }
        int[] flat = tree.ints(list.get());
        if (flat.length % 3 != 0) {
            throw IngestException.badField(file, "event list", "a multiple of 3 integers (sample, previous, code)",
                    flat.length);
        }
        int[][] out = new int[flat.length / 3][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[] {flat[3 * i], flat[3 * i + 1], flat[3 * i + 2]};
        }
        return out;
    }

    /**
     * The events file MNE's naming puts beside a raw file: {@code NAME_raw.fif} → {@code NAME-eve.fif}
     * (also {@code _eeg.fif}, {@code _meg.fif}, {@code -raw.fif}; else {@code NAME-eve.fif} for {@code NAME.fif});
     * {@code NAME_eve.fif} is tried second.
     */
    public static Path besides(Path raw) {
        String name = raw.getFileName().toString();
        String stem = name;
        for (String suffix : List.of("_raw.fif", "-raw.fif", "_eeg.fif", "_meg.fif", ".fif")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                stem = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        Path dash = raw.resolveSibling(stem + "-eve.fif");
        Path underscore = raw.resolveSibling(stem + "_eve.fif");
        if (Files.isRegularFile(dash)) {
            return dash;
        }
        if (Files.isRegularFile(underscore)) {
            return underscore;
        }
        throw IngestException.badField(raw, "events file", "MNE's events file beside it (" + dash.getFileName() + " or "
                + underscore.getFileName() + ")", "none");
    }
}
