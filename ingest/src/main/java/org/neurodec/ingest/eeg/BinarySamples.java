package org.neurodec.ingest.eeg;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteOrder;

/**
 * Samples stored as plain binary numbers, one scale factor per channel: multiplexed (all channels of
 * a sample, then the next sample) or vectorized (all samples of a channel, then the next channel).
 * BrainVision {@code .eeg} and EEGLAB {@code .fdt} files are stored this way.
 */
public final class BinarySamples implements SampleSource {

    /** How one sample is stored. */
    public enum Type {
        /** signed 16-bit integer. */
        INT16(2),
        /** signed 32-bit integer. */
        INT32(4),
        /** 32-bit IEEE float. */
        FLOAT32(4);

        private final int bytes;

        Type(int bytes) {
            this.bytes = bytes;
        }

        /** Bytes per sample. */
        public int bytes() {
            return bytes;
        }
    }

    private static final int BLOCK_BYTES = 1 << 23;

    private final Path file;
    private final long dataOffset;
    private final boolean multiplexed;
    private final Type type;
    private final ByteOrder order;
    private final long times;
    private final double[] scale;

    /**
     * Samples of {@code file} from byte {@code dataOffset}.
     *
     * @param times samples per channel
     * @param scale the factor each channel's stored numbers are multiplied by
     */
    public BinarySamples(Path file, long dataOffset, boolean multiplexed, Type type, ByteOrder order, long times,
            double[] scale) {
        this.file = file;
        this.dataOffset = dataOffset;
        this.multiplexed = multiplexed;
        this.type = type;
        this.order = order;
        this.times = times;
        this.scale = scale.clone();
    }

    @Override
    public void read(int channel, long start, int count, double[] out, int offset) throws IOException {
        int channels = scale.length;
        int bytes = type.bytes();
        if (!multiplexed) {
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
        if (!multiplexed) {
            SampleSource.super.readAll(start, count, out);
            return;
        }
        int channels = scale.length;
        int perBlock = Math.max(1, BLOCK_BYTES / (channels * type.bytes()));
        for (int done = 0; done < count; done += perBlock) {
            int n = Math.min(perBlock, count - done);
            ByteBuffer buffer = read((start + done) * channels * type.bytes(),
                    n * channels * type.bytes());
            for (int c = 0; c < channels; c++) {
                decode(buffer, c, channels, n, scale[c], out[c], done);
            }
        }
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new EOFException(file + ": ended at byte " + (dataOffset + position + buffer.position()));
                }
            }
        }
        return buffer.flip();
    }

    /** Decodes n samples starting at element {@code first}, every {@code stride} elements. */
    private void decode(ByteBuffer b, int first, int stride, int n, double scale, double[] out, int offset) {
        switch (type) {
            case INT16 -> {
                for (int i = 0, e = first; i < n; i++, e += stride) {
                    out[offset + i] = b.getShort(e << 1) * scale;
                }
            }
            case INT32 -> {
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
