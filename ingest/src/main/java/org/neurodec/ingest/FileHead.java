package org.neurodec.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The first bytes of a file, and of its decompressed content when it is gzipped: enough for
 * format detection by magic bytes.
 *
 * @param file the file these bytes came from
 * @param raw the first bytes as stored
 * @param content the first bytes of the content (decompressed if {@link #gzipped()}, else equal to raw)
 * @param gzipped whether the file starts with the gzip signature
 */
public record FileHead(Path file, byte[] raw, byte[] content, boolean gzipped) {

    /** How many bytes detection looks at: enough for a NIfTI-2 header and an HDF5 user block. */
    public static final int LENGTH = 2048;

    /** Reads the head of {@code file}. */
    public static FileHead read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IngestException(file + ": not found or not a regular file");
        }
        try {
            byte[] raw;
            try (InputStream in = Files.newInputStream(file)) {
                raw = in.readNBytes(LENGTH);
            }
            boolean gzipped = raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B;
            byte[] content = raw;
            if (gzipped) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    content = in.readNBytes(LENGTH);
                } catch (IOException e) {
                    content = new byte[0];
                }
            }
            return new FileHead(file, raw, content, gzipped);
        } catch (IOException e) {
            throw new IngestException(file + ": could not be read: " + e.getMessage(), e);
        }
    }

    /** Whether the content has {@code ascii} at {@code offset}. */
    public boolean contentHas(int offset, String ascii) {
        return has(content, offset, ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether the raw bytes have {@code signature} at {@code offset}. */
    public boolean rawHas(int offset, byte[] signature) {
        return has(raw, offset, signature);
    }

    private static boolean has(byte[] bytes, int offset, byte[] expected) {
        return bytes.length >= offset + expected.length
                && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }
}
