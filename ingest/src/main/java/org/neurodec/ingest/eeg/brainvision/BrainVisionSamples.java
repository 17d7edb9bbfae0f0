package org.neurodec.ingest.eeg.brainvision;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.neurodec.ingest.eeg.SampleSource;

/** Samples of a BrainVision binary file, multiplexed or vectorized, scaled by resolution × unit. */
final class BrainVisionSamples implements SampleSource {

    private static final int BLOCK_BYTES = 1 << 23;

    private final Path file;
    private final BrainVisionHeader header;
    private final long times;
    private final double[] scale;

    BrainVisionSamples(Path file, BrainVisionHeader header, long times, double[] scale) {
        this.file = file;
        this.header = header;
        this.times = times;
        this.scale = scale.clone();
    }

    @Override
    public void read(int channel, long start, int count, double[] out, int offset) throws IOException {
        int channels = scale.length;
        int bytes = header.bytesPerSample();
        if (!header.multiplexed()) {
            ByteBuffer buffer = read(((long) channel * times + start) * bytes, count * bytes);
            decode(buffer, 0, 1, count, scale[channel], out, offset);
            return;
        }
        int perBlock = Math.max(1, BLOCK_BYTES / (channels * bytes));
        for (int done = 0; done < count; done += perBlock) {
            int n = Math.min(perBlock, count - done);
            ByteBuffer buffer = read((start + done) * channels * bytes, n * channels * bytes);
            decode(buffer, channel, channels, n, scale[channel], out, offset + done);
        }
    }

    @Override
    public void readAll(long start, int count, double[][] out) throws IOException {
        if (!header.multiplexed()) {
            SampleSource.super.readAll(start, count, out);
            return;
        }
        int channels = scale.length;
        int perBlock = Math.max(1, BLOCK_BYTES / (channels * header.bytesPerSample()));
        for (int done = 0; done < count; done += perBlock) {
            int n = Math.min(perBlock, count - done);
            ByteBuffer buffer = read((start + done) * channels * header.bytesPerSample(),
                    n * channels * header.bytesPerSample());
            for (int c = 0; c < channels; c++) {
                decode(buffer, c, channels, n, scale[c], out[c], done);
            }
        }
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(header.byteOrder());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new EOFException(file + ": ended at byte " + (position + buffer.position()));
                }
            }
        }
        return buffer.flip();
    }

    /** Decodes n samples starting at element {@code first}, every {@code stride} elements. */
    private void decode(ByteBuffer b, int first, int stride, int n, double scale, double[] out, int offset) {
        switch (header.binaryFormat()) {
            case "INT_16" -> {
                for (int i = 0, e = first; i < n; i++, e += stride) {
                    out[offset + i] = b.getShort(e << 1) * scale;
                }
            }
            case "INT_32" -> {
                for (int i = 0, e = first; i < n; i++, e += stride) {
                    out[offset + i] = b.getInt(e << 2) * scale;
                }
            }
            default -> {
                for (int i = 0, e = first; i < n; i++, e += stride) {
                    out[offset + i] = b.getFloat(e << 2) * scale;
                }
            }
        }
    }
}
