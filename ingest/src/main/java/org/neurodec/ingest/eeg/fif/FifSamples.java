package org.neurodec.ingest.eeg.fif;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.eeg.SampleSource;

/**
 * The samples of a raw FIF file: a sequence of data buffers (each samples × channels, big-endian,
 * one sample type per buffer) and skips (buffers not stored, read as zeros), times each channel's
 * {@code range × cal}.
 */
final class FifSamples implements SampleSource {

    /**
     * One stretch of samples: stored in a buffer at {@code position} of {@code type}, or a skip ({@code position} −1).
     *
     * @param start the first sample, counted from the first stored sample
     * @param count samples in the stretch
     * @param position the byte where the buffer's values start (−1 for a skip)
     * @param type the buffer's FIF sample type
     */
    record Segment(long start, int count, long position, int type) {
    }

    /**
     * Where each stretch of samples lies.
     *
     * @param segments the stretches in order, buffers and skips
     * @param channels channels per sample
     * @param firstSample MNE's first_samp: the index of the first stored sample since acquisition began
     * @param times samples per channel, skips included
     */
    record Layout(List<Segment> segments, int channels, long firstSample, long times) {

        /** The buffers and skips of a raw-data block, as MNE lays them out. */
        static Layout of(Path file, FifTree tree, FifTree.Block raw, int channels) throws IOException {
            if (channels < 1) {
                throw IngestException.badField(file, "number of channels", "1 or more", channels);
            }
            List<FifTree.Tag> tags = raw.tags;
            int first = 0;
            long firstSample = 0;
            long firstSkip = 0;
            if (first < tags.size() && tags.get(first).kind() == FifFormat.FIRST_SAMPLE) {
                firstSample = tree.intValue(tags.get(first));
                first++;
            }
            if (first < tags.size() && tags.get(first).kind() == FifFormat.DATA_SKIP) {
                firstSkip = tree.intValue(tags.get(first));
                first++;
            }
            List<Segment> segments = new ArrayList<>();
            long pendingSkip = 0;
            long sample = 0;
            for (int k = first; k < tags.size(); k++) {
                FifTree.Tag tag = tags.get(k);
                if (tag.kind() == FifFormat.DATA_SKIP) {
                    pendingSkip = tree.intValue(tag);
                } else if (tag.kind() == FifFormat.DATA_BUFFER) {
                    int bytes = bytesPerValue(file, tag.type());
                    if (tag.size() % ((long) bytes * channels) != 0) {
                        throw IngestException.badField(file, "data buffer at byte " + (tag.position() - 16),
                                "a whole number of samples of " + channels + " channels × " + bytes + " bytes",
                                tag.size() + " bytes");
                    }
                    int count = tag.size() / (bytes * channels);
                    if (firstSkip > 0) {
                        firstSample += count * firstSkip;
                        firstSkip = 0;
                    }
                    if (pendingSkip > 0) {
                        long skipped = pendingSkip * count;
                        if (skipped > Integer.MAX_VALUE) {
                            throw IngestException.badField(file, "data skip", "a skip of fewer than 2^31 samples", skipped);
                        }
                        segments.add(new Segment(sample, (int) skipped, -1, tag.type()));
                        sample += skipped;
                        pendingSkip = 0;
                    }
                    segments.add(new Segment(sample, count, tag.position(), tag.type()));
                    sample += count;
                }
            }
            if (sample == 0) {
                throw IngestException.badField(file, "raw data", "at least one data buffer", "none");
            }
            return new Layout(List.copyOf(segments), channels, firstSample, sample);
        }

        /** Each skip as {start, count}, in samples from the first stored sample. */
        List<long[]> skips() {
            return segments.stream().filter(s -> s.position() < 0).map(s -> new long[] {s.start(), s.count()}).toList();
        }
    }

    private static int bytesPerValue(Path file, int type) {
        return switch (type) {
            case FifTree.TYPE_SHORT, FifTree.TYPE_DAU_PACK16 -> 2;
            case FifTree.TYPE_INT, FifTree.TYPE_FLOAT -> 4;
            case FifTree.TYPE_DOUBLE -> 8;
            case FifTree.TYPE_COMPLEX_FLOAT, FifTree.TYPE_COMPLEX_DOUBLE -> throw IngestException.badField(file,
                    "data buffer type", "real samples (short, int, float, double)", "complex samples");
            default -> throw IngestException.badField(file, "data buffer type", "short, int, float, double or DAU pack16",
                    "type " + type);
        };
    }

    private static final long CHUNK_BYTES = 1 << 23;

    private final Path file;
    private final Layout layout;
    private final double[] cals;

    FifSamples(Path file, Layout layout, double[] cals) {
        this.file = file;
        this.layout = layout;
        this.cals = cals.clone();
    }

    @Override
    public void read(int channel, long start, int count, double[] out, int offset) throws IOException {
        double[][] rows = new double[cals.length][];
        rows[channel] = out;
        read(start, count, rows, offset);
    }

    @Override
    public void readAll(long start, int count, double[][] out) throws IOException {
        read(start, count, out, 0);
    }

    /** Fills {@code out[c]} (where not null) from {@code offset} with {@code count} samples from {@code start}. */
    private void read(long start, int count, double[][] out, int offset) throws IOException {
        long end = start + count;
        int channels = layout.channels();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Segment s : layout.segments()) {
                long from = Math.max(start, s.start());
                long to = Math.min(end, s.start() + s.count());
                if (from >= to) {
                    continue;
                }
                int n = (int) (to - from);
                int at = offset + (int) (from - start);
                if (s.position() < 0) {
                    for (double[] row : out) {
                        if (row != null) {
                            java.util.Arrays.fill(row, at, at + n, 0.0);
                        }
                    }
                    continue;
                }
                int bytes = bytesPerValue(file, s.type());
                long rowBytes = (long) bytes * channels;
                int perChunk = (int) Math.max(1, CHUNK_BYTES / rowBytes);
                for (int done = 0; done < n; done += perChunk) {
                    int rows = Math.min(perChunk, n - done);
                    ByteBuffer b = ByteBuffer.allocate((int) (rows * rowBytes)).order(ByteOrder.BIG_ENDIAN);
                    long position = s.position() + (from - s.start() + done) * rowBytes;
                    while (b.hasRemaining()) {
                        if (channel.read(b, position + b.position()) < 0) {
                            throw IngestException.truncated(file, "data buffer", position + rows * rowBytes, channel.size());
                        }
                    }
                    b.flip();
                    decode(b, s.type(), rows, channels, out, at + done);
                }
            }
        }
    }

    private void decode(ByteBuffer b, int type, int n, int channels, double[][] out, int at) {
        for (int c = 0; c < channels; c++) {
            double[] row = out[c];
            if (row == null) {
                continue;
            }
            double cal = cals[c];
            for (int i = 0; i < n; i++) {
                int e = i * channels + c;
                double v = switch (type) {
                    case FifTree.TYPE_SHORT, FifTree.TYPE_DAU_PACK16 -> b.getShort(e * 2);
                    case FifTree.TYPE_INT -> b.getInt(e * 4);
                    case FifTree.TYPE_FLOAT -> b.getFloat(e * 4);
                    default -> b.getDouble(e * 8);
                };
                row[at + i] = v * cal;
            }
        }
    }
}
