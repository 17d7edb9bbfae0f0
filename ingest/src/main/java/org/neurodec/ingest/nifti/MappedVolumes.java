package org.neurodec.ingest.nifti;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Volumes of an uncompressed file, memory-mapped a window of whole volumes at a time, so that
 * files far larger than the heap are read without copying them into it.
 */
final class MappedVolumes implements VolumeSource {

    private static final long WINDOW_BYTES = 1L << 28;

    private final Path file;
    private final long offset;
    private final int volumeBytes;
    private final ByteOrder order;

    MappedVolumes(Path file, long offset, int volumeBytes, ByteOrder order) {
        this.file = file;
        this.offset = offset;
        this.volumeBytes = volumeBytes;
        this.order = order;
    }

    @Override
    public void scan(long from, long to, StoredVolumeVisitor visitor) throws IOException {
        long perWindow = Math.max(1, WINDOW_BYTES / Math.max(1, volumeBytes));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long first = from; first < to; first += perWindow) {
                long count = Math.min(perWindow, to - first);
                MappedByteBuffer window = channel.map(FileChannel.MapMode.READ_ONLY,
                        offset + first * volumeBytes, count * volumeBytes);
                for (int v = 0; v < count; v++) {
                    ByteBuffer volume = window.slice(v * volumeBytes, volumeBytes).order(order);
                    visitor.visit(first + v, volume);
                }
            }
        }
    }
}
