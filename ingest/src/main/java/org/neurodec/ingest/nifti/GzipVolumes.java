package org.neurodec.ingest.nifti;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.neurodec.ingest.IngestException;

/**
 * Volumes of a gzipped file, decompressed as a stream into one reusable volume buffer: memory stays
 * at one volume however large the file. A volume too large for a quarter of the heap is decompressed
 * into a temporary file mapped into memory instead, so the heap holds only the stream's buffer
 * whatever the size of a single volume.
 */
final class GzipVolumes implements VolumeSource {

    private static final int STREAM_BUFFER = 1 << 16;

    private final Path file;
    private final long offset;
    private final int volumeBytes;
    private final ByteOrder order;

    GzipVolumes(Path file, long offset, int volumeBytes, ByteOrder order) {
        this.file = file;
        this.offset = offset;
        this.volumeBytes = volumeBytes;
        this.order = order;
    }

    @Override
    public void scan(long from, long to, StoredVolumeVisitor visitor) throws IOException {
        if (volumeBytes > Runtime.getRuntime().maxMemory() / 4) {
            scanThroughMappedFile(from, to, visitor);
            return;
        }
        byte[] bytes = new byte[volumeBytes];
        ByteBuffer volume = ByteBuffer.wrap(bytes).order(order).asReadOnlyBuffer().order(order);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), STREAM_BUFFER)) {
            skipFully(in, offset + from * volumeBytes);
            for (long t = from; t < to; t++) {
                int read = in.readNBytes(bytes, 0, volumeBytes);
                if (read < volumeBytes) {
                    throw IngestException.truncated(file, "data (volume " + t + ")",
                            offset + (t + 1) * volumeBytes, offset + t * volumeBytes + read);
                }
                visitor.visit(t, volume);
            }
        }
    }

    /** Each volume is streamed into one temporary file, mapped once, that the visitor reads. */
    private void scanThroughMappedFile(long from, long to, StoredVolumeVisitor visitor) throws IOException {
        Path spill = Files.createTempFile("neurodec-volume", ".raw");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), STREAM_BUFFER);
             java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(spill,
                     java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.MappedByteBuffer mapped = channel.map(java.nio.channels.FileChannel.MapMode.READ_WRITE, 0, volumeBytes);
            ByteBuffer volume = mapped.duplicate().asReadOnlyBuffer().order(order);
            byte[] chunk = new byte[STREAM_BUFFER];
            skipFully(in, offset + from * volumeBytes);
            for (long t = from; t < to; t++) {
                mapped.clear();
                int read = 0;
                while (read < volumeBytes) {
                    int n = in.read(chunk, 0, Math.min(chunk.length, volumeBytes - read));
                    if (n < 0) {
                        throw IngestException.truncated(file, "data (volume " + t + ")", offset + (t + 1) * volumeBytes,
                                offset + t * volumeBytes + read);
                    }
                    mapped.put(chunk, 0, n);
                    read += n;
                }
                visitor.visit(t, volume.clear().order(order));
            }
        } finally {
            Files.deleteIfExists(spill);
        }
    }

    private void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException(file + ": ended " + left + " bytes before the data offset " + n);
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
