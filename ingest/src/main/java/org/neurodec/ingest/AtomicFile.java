package org.neurodec.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes an output file so that it appears whole or not at all: the content goes to a temporary
 * file beside the target, which is moved into place only once it is complete.
 */
public final class AtomicFile {

    /** Something that writes a file's content to a path it is given. */
    @FunctionalInterface
    public interface PathWriter {
        /** Writes the complete content to {@code temporary}. */
        void writeTo(Path temporary) throws IOException;
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        /** Writes the complete content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code target} through a stream; on any failure the target is left as it was. */
    public static void write(Path target, StreamWriter writer) {
        writeVia(target, temporary -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                writer.writeTo(out);
            }
        });
    }

    /** Writes {@code target} through a path-based writer; on any failure the target is left as it was. */
    public static void writeVia(Path target, PathWriter writer) {
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".part");
            writer.writeTo(temporary);
            readableByAll(temporary);
            moveIntoPlace(temporary, absolute);
        } catch (IOException e) {
            IngestException failure = new IngestException(target + ": could not be written: " + e.getMessage(), e);
            discard(temporary, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            discard(temporary, e);
            throw e;
        }
    }

    /** Temporary files are private (rw-------); an output should have the usual rw-r--r--. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void discard(Path temporary, Throwable failure) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
