package org.neurodec.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one output policy of every command that writes: the output is a new path, an empty folder, or
 * an earlier neurodec output of the same kind (replaced only when the user says so); never one of
 * the inputs, an ancestor or descendant of an input, the working directory or one of its ancestors,
 * a symbolic link, or a folder or file that neurodec did not write. Paths are compared by real path,
 * so a symbolic link to an input is the input. A claimed target holds a lock file beside it
 * ({@code .NAME.lock}) until it is closed, so a second writer into the same place fails at once, and
 * the hidden temporary files a killed writer left there ({@code .NAME.<digits>}) are removed.
 */
public final class OutputTarget implements AutoCloseable {

    /** The hidden file by which a folder written by neurodec names its kind. */
    public static final String MARKER = ".neurodec-output";

    private final Path path;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Path> removed;

    /**
     * What a command writes: a folder or a file of a named kind, and how an earlier output of that
     * kind is recognised.
     *
     * @param name the kind's name, as written in a folder's marker
     * @param folder whether the output is a folder
     * @param recognises whether an existing path is an output of this kind
     */
    public record Kind(String name, boolean folder, Predicate<Path> recognises) {

        /** A folder kind, recognised by its marker file. */
        public static Kind folder(String name) {
            return new Kind(name, true, p -> name.equals(markerOf(p)));
        }

        /** A file kind, recognised by {@code recognises}. */
        public static Kind file(String name, Predicate<Path> recognises) {
            return new Kind(name, false, recognises);
        }
    }

    private OutputTarget(Path path, Path lockFile, FileChannel channel, FileLock lock, List<Path> removed) {
        this.path = path;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.removed = removed;
    }

    /**
     * Checks {@code out} against the policy and locks it for this writer.
     *
     * @param option the option or argument that named the output, for messages ("--out")
     * @param out the output path as the user gave it
     * @param kind what will be written there
     * @param overwrite whether an earlier output of the same kind may be replaced
     * @param inputs every input of the command (files or folders)
     * @throws IngestException naming the option, the path, what was expected and what was found
     */
    public static OutputTarget claim(String option, Path out, Kind kind, boolean overwrite, Collection<Path> inputs) {
        if (out == null || out.toString().isBlank()) {
            throw refused(option, out, "a path", "an empty one");
        }
        Path real = realPath(out);
        if (Files.isSymbolicLink(out.toAbsolutePath())) {
            throw refused(option, out, "a path that is not a symbolic link", "a link to " + real + " (give that path itself)");
        }
        Path workingDirectory = realPath(Path.of("").toAbsolutePath());
        if (workingDirectory.startsWith(real)) {
            throw refused(option, out, "a path outside the working directory's ancestry", real.equals(workingDirectory)
                    ? "the working directory" : "an ancestor of the working directory " + workingDirectory);
        }
        refuseOverInputs(option, out, inputs);
        if (!kind.folder() && Files.isDirectory(real)) {
            throw refused(option, out, "a file", "a folder");
        }
        Path parent = real.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw refused(option, out, "a path whose folder can be created", e.toString());
        }
        Path lockFile = parent.resolve("." + real.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock = tryLock(channel);
            if (lock == null || !sameFile(channel, lockFile)) {
                String holder = holder(lockFile);
                channel.close();
                throw refused(option, out, "a path no other neurodec is writing", "one being written now (lock " + lockFile
                        + holder + "); wait for it to finish or choose another path");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            OutputTarget target = new OutputTarget(real, lockFile, channel, lock, new ArrayList<>());
            try {
                target.refuseExisting(option, out, kind, overwrite);
                target.removeLeftovers();
            } catch (RuntimeException e) {
                target.close();
                throw e;
            }
            return target;
        } catch (IOException e) {
            closeQuietly(channel);
            throw refused(option, out, "a path whose folder can hold a lock file", e.toString());
        }
    }

    /**
     * Refuses an output that is, holds, or lies inside one of {@code inputs}, compared by real path.
     *
     * @throws IngestException naming the option, the output and the input
     */
    public static void refuseOverInputs(String option, Path out, Collection<Path> inputs) {
        Path real = realPath(out);
        for (Path input : inputs) {
            Path in = realPath(input);
            if (in.equals(real)) {
                throw refused(option, out, "a path other than the inputs", "the input " + input
                        + (in.equals(input.toAbsolutePath().normalize()) ? "" : " (" + in + ")"));
            }
            if (in.startsWith(real)) {
                throw refused(option, out, "a path that holds none of the inputs", "the input " + in + " inside it");
            }
            if (real.startsWith(in)) {
                throw refused(option, out, "a path outside the input folders", "a path inside the input " + in);
            }
        }
    }

    /**
     * {@code file} and the files beside it with the same name up to the extension: the companions a
     * header names (BrainVision {@code .eeg}/{@code .vmrk}, EEGLAB {@code .fdt}, NIfTI {@code .img}),
     * which an output must not overwrite either.
     */
    public static List<Path> withCompanions(Path file) {
        List<Path> all = new ArrayList<>(List.of(file));
        Path name = file.getFileName();
        Path folder = file.toAbsolutePath().getParent();
        if (name == null || folder == null || !Files.isRegularFile(file)) {
            return all;
        }
        String stem = name.toString().replaceFirst("(\\.nii)?\\.gz$", "").replaceFirst("\\.[^.]*$", "");
        try (Stream<Path> siblings = Files.list(folder)) {
            siblings.filter(p -> !p.getFileName().equals(name) && p.getFileName().toString().startsWith(stem + "."))
                    .forEach(all::add);
        } catch (IOException e) {
            // the file alone is still protected
        }
        return all;
    }

    /** The output's real path (symbolic links in its folders resolved). */
    public Path path() {
        return path;
    }

    /** The leftovers of killed writers that were removed when the target was claimed. */
    public List<Path> removedLeftovers() {
        return List.copyOf(removed);
    }

    /** Releases the lock and removes the lock file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // a lock file left behind is unlocked and harmless: the next writer takes it over
        }
        try {
            lock.release();
        } catch (IOException | RuntimeException e) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }

    /** The kind named by a folder's marker file, or null when it has none. */
    public static String markerOf(Path folder) {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            String text = Files.readString(marker, StandardCharsets.UTF_8).strip();
            java.util.regex.Matcher m = Pattern.compile("\"kind\"\\s*:\\s*\"([^\"]+)\"").matcher(text);
            return m.find() ? m.group(1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The content of a folder's marker file for {@code kind}: the same bytes every time. */
    public static String markerText(String kind) {
        return "{\"kind\": \"" + kind + "\", \"written_by\": \"neurodec\", \"format\": 1}\n";
    }

    private void refuseExisting(String option, Path out, Kind kind, boolean overwrite) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (kind.folder() && !folder) {
            throw refused(option, out, "a folder", "a file (neurodec never replaces a file by a folder)");
        }
        if (folder && isEmpty(path)) {
            return;
        }
        if (!kind.recognises().test(path)) {
            String other = folder ? markerOf(path) : null;
            throw refused(option, out, "a new path or an earlier neurodec " + kind.name() + " output",
                    other != null ? "a neurodec " + other + " output" : folder ? "a folder neurodec did not write ("
                            + firstEntry(path) + " is in it)" : "a file neurodec did not write");
        }
        if (!overwrite) {
            throw refused(option, out, "a new path", "an earlier neurodec " + kind.name()
                    + " output; pass --overwrite to replace it");
        }
    }

    private void removeLeftovers() throws IOException {
        Pattern leftover = Pattern.compile("\\." + Pattern.quote(path.getFileName().toString()) + "\\.(old\\.)?\\d+(\\.part)?");
        List<Path> found;
        try (Stream<Path> siblings = Files.list(path.getParent())) {
            found = siblings.filter(p -> leftover.matcher(p.getFileName().toString()).matches()).toList();
        }
        for (Path p : found) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFolder.delete(p);
            } else {
                Files.deleteIfExists(p);
            }
            removed.add(p);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Whether the locked channel is still the file at {@code lockFile} (another writer may have removed it). */
    private static boolean sameFile(FileChannel channel, Path lockFile) throws IOException {
        if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Object now = Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return now == null || Objects.equals(now, fileKey(channel, lockFile));
    }

    private static Object fileKey(FileChannel channel, Path lockFile) throws IOException {
        // The channel was opened on lockFile; its key is the inode it has open, read through /proc where there is one.
        Path self = Path.of("/proc/self/fd");
        if (Files.isDirectory(self)) {
            try (Stream<Path> fds = Files.list(self)) {
                for (Path fd : fds.toList()) {
                    try {
                        if (Files.readSymbolicLink(fd).equals(lockFile)) {
                            return Files.readAttributes(fd, BasicFileAttributes.class).fileKey();
                        }
                    } catch (IOException ignored) {
                        // descriptors come and go while listed
                    }
                }
            }
        }
        return Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private static String holder(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? ", held by process " + pid : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether {@code folder} has no entries (an unreadable folder counts as not empty). */
    static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstEntry(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().findFirst().orElse("nothing");
        } catch (IOException e) {
            return "an unreadable entry";
        }
    }

    /** The real path of {@code p}: its own when it exists, else its nearest existing ancestor's plus the rest. */
    static Path realPath(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        Path existing = absolute;
        List<String> rest = new ArrayList<>();
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                for (int i = rest.size() - 1; i >= 0; i--) {
                    real = real.resolve(rest.get(i));
                }
                return real;
            } catch (IOException e) {
                if (existing.getFileName() == null) {
                    break;
                }
                rest.add(existing.getFileName().toString());
                existing = existing.getParent();
            }
        }
        return absolute;
    }

    private static IngestException refused(String option, Path out, String expected, String found) {
        return new IngestException(option + " '" + (out == null ? "" : out) + "': refused: expected " + expected + ", found "
                + found);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
