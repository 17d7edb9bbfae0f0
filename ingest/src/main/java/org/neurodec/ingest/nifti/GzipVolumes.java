package org.neurodec.ingest.nifti;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import org.neurodec.ingest.IngestException;

/**
 * Volumes of a gzipped file, decompressed as a stream into one reusable volume buffer: memory stays
 * at one volume however large the file. The buffer is on the heap, or, for a volume larger than a
 * quarter of the heap, a temporary file mapped into memory, so the heap holds only the stream's
 * buffer whatever the size of a single volume.
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
        Path spill = volumeBytes > Runtime.getRuntime().maxMemory() / 4 ? Files.createTempFile("neurodec-volume", ".raw") : null;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), STREAM_BUFFER);
             FileChannel channel = spill == null ? null
                     : FileChannel.open(spill, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer target = channel == null ? ByteBuffer.allocate(volumeBytes)
                    : channel.map(FileChannel.MapMode.READ_WRITE, 0, volumeBytes);
            ByteBuffer volume = target.duplicate().asReadOnlyBuffer().order(order);
            byte[] chunk = target.hasArray() ? null : new byte[STREAM_BUFFER];
            skipFully(in, offset + from * volumeBytes);
            for (long t = from; t < to; t++) {
                fill(in, target, chunk, t);
                visitor.visit(t, volume.clear().order(order));
            }
        } finally {
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
        }
    }

    /**
     * Reads volume {@code t} into {@code target}: straight into its array on the heap, or through
     * {@code chunk} into a mapped temporary file when a volume is too large for the heap.
     */
    private void fill(InputStream in, ByteBuffer target, byte[] chunk, long t) throws IOException {
        target.clear();
        int read = 0;
        while (read < volumeBytes) {
            int n = chunk == null ? in.read(target.array(), read, volumeBytes - read)
                    : in.read(chunk, 0, Math.min(chunk.length, volumeBytes - read));
            if (n < 0) {
                throw IngestException.truncated(file, "data (volume " + t + ")", offset + (t + 1) * volumeBytes,
                        offset + t * volumeBytes + read);
            }
            if (chunk != null) {
                target.put(chunk, 0, n);
            }
            read += n;
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
