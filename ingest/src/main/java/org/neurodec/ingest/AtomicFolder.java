package org.neurodec.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes an output folder so that it appears whole or not at all: its content goes into a hidden
 * temporary folder beside the target, which replaces the target (an earlier output is moved aside
 * and deleted) only once it is complete. A crash leaves the earlier output, or nothing, and at most a
 * hidden temporary folder, which {@link OutputTarget} removes on the next write into the same place.
 * Every folder gets a marker ({@link OutputTarget#MARKER}) naming its kind, and only an empty folder
 * or a folder with the same marker is ever replaced: whatever else is at the target is refused.
 */
public final class AtomicFolder {

    private AtomicFolder() {
    }

    /**
     * Writes {@code target}, an output of {@code kind}, through {@code writer}, which fills the folder
     * it is given; an earlier output of the same kind (or an empty folder) at {@code target} is replaced.
     *
     * @throws IngestException when the target holds anything else, or cannot be written
     */
    public static void write(Path target, String kind, AtomicFile.PathWriter writer) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute) || Files.isRegularFile(absolute)) {
            throw new IngestException(target + ": refused: expected a folder to write the " + kind + " output into, found "
                    + (Files.isSymbolicLink(absolute) ? "a symbolic link" : "a file"));
        }
        if (Files.isDirectory(absolute) && !OutputTarget.isEmpty(absolute) && !kind.equals(OutputTarget.markerOf(absolute))) {
            throw new IngestException(target + ": refused: expected a new folder or an earlier neurodec " + kind
                    + " output, found a folder neurodec did not write as one");
        }
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".");
            if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            writer.writeTo(temporary);
            Files.writeString(temporary.resolve(OutputTarget.MARKER), OutputTarget.markerText(kind));
            Path old = null;
            if (Files.exists(absolute)) {
                old = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".old.");
                Files.delete(old);
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            if (old != null) {
                delete(old);
            }
        } catch (IOException e) {
            throw new IngestException(target + ": could not be written: " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                delete(temporary);
            }
        }
    }

    /** Deletes a folder and everything in it, as far as it can. */
    public static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover hidden temporary folder does no harm
        }
    }
}
