package org.neurodec.ingest.eeg.edf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.IntStream;
import org.neurodec.ingest.eeg.SampleSource;

/**
 * Samples of an EDF/BDF file, read record block by record block with positional reads and scaled
 * as MNE scales them: {@code (digital * cal + offset) * unit}, where unit is 1e-6 for µV, 1e-3 for
 * mV and 1 otherwise; trigger channels keep their low 17 bits.
 */
final class EdfSamples implements SampleSource {

    /** About this many bytes are read at once. */
    private static final int BLOCK_BYTES = 1 << 23;

    private final Path file;
    private final EdfHeader header;
    private final int[] signal;
    private final int[] segmentOffset;
    private final double[] cal;
    private final double[] offset;
    private final double[] unit;
    private final boolean[] trigger;
    private final int recordBytes;

    EdfSamples(Path file, EdfHeader header, int[] signal, double[] unit, boolean[] trigger) {
        this.file = file;
        this.header = header;
        this.signal = signal.clone();
        this.unit = unit.clone();
        this.trigger = trigger.clone();
        this.recordBytes = (int) header.recordBytes();
        int[] segmentStart = new int[header.signals().size()];
        for (int s = 1; s < segmentStart.length; s++) {
            segmentStart[s] = segmentStart[s - 1] + header.signals().get(s - 1).samplesPerRecord() * header.bytesPerSample();
        }
        int n = signal.length;
        this.segmentOffset = new int[n];
        this.cal = new double[n];
        this.offset = new double[n];
        for (int c = 0; c < n; c++) {
            EdfSignal s = header.signals().get(signal[c]);
            segmentOffset[c] = segmentStart[signal[c]];
            boolean rawTrigger = trigger[c] && header.bdf();
            cal[c] = rawTrigger ? 1 : s.gain();
            offset[c] = rawTrigger ? 0 : s.offset();
        }
    }

    @Override
    public void read(int channel, long start, int count, double[] out, int outOffset) throws IOException {
        int perRecord = samplesPerRecord(channel);
        forEachRecord(start, count, perRecord, (record, bytes, position) -> {
            long first = Math.max(start, record * perRecord);
            long last = Math.min(start + count, (record + 1) * perRecord);
            decode(channel, bytes, position + segmentOffset[channel]
                    + (int) (first - record * perRecord) * header.bytesPerSample(),
                    (int) (last - first), out, outOffset + (int) (first - start));
        });
    }

    /** Decodes every channel of a block of records; channels are decoded in parallel. */
    @Override
    public void readAll(long start, int count, double[][] out) throws IOException {
        int perRecord = samplesPerRecord(0);
        forEachBlock(start, count, perRecord, (firstRecord, records, bytes) ->
                IntStream.range(0, out.length).parallel().forEach(c -> {
                    for (int k = 0; k < records; k++) {
                        long record = firstRecord + k;
                        long first = Math.max(start, record * perRecord);
                        long last = Math.min(start + count, (record + 1) * perRecord);
                        int skip = (int) (first - record * perRecord) * header.bytesPerSample();
                        decode(c, bytes, k * recordBytes + segmentOffset[c] + skip, (int) (last - first), out[c],
                                (int) (first - start));
                    }
                }));
    }

    private int samplesPerRecord(int channel) {
        return header.signals().get(signal[channel]).samplesPerRecord();
    }

    /** Receives each data record that a sample range touches, as bytes in a block buffer. */
    private interface RecordVisitor {
        void visit(long record, byte[] bytes, int position);
    }

    /** Receives consecutive data records read in one piece: the first one's number, how many, and their bytes. */
    private interface BlockVisitor {
        void visit(long firstRecord, int records, byte[] bytes);
    }

    private void forEachRecord(long start, int count, int perRecord, RecordVisitor visitor) throws IOException {
        forEachBlock(start, count, perRecord, (firstRecord, records, bytes) -> {
            for (int k = 0; k < records; k++) {
                visitor.visit(firstRecord + k, bytes, k * recordBytes);
            }
        });
    }

    private void forEachBlock(long start, int count, int perRecord, BlockVisitor visitor) throws IOException {
        if (count == 0) {
            return;
        }
        long firstRecord = start / perRecord;
        long lastRecord = (start + count - 1) / perRecord;
        int recordsPerBlock = Math.max(1, BLOCK_BYTES / recordBytes);
        byte[] block = new byte[(int) Math.min(recordsPerBlock, lastRecord - firstRecord + 1) * recordBytes];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long r = firstRecord; r <= lastRecord; r += recordsPerBlock) {
                int records = (int) Math.min(recordsPerBlock, lastRecord - r + 1);
                ByteBuffer buffer = ByteBuffer.wrap(block, 0, records * recordBytes);
                long position = header.headerBytes() + r * recordBytes;
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, position + buffer.position());
                    if (n < 0) {
                        throw new EOFException(file + ": ended inside data record " + (r + buffer.position() / recordBytes));
                    }
                }
                visitor.visit(r, records, block);
            }
        }
    }

    private void decode(int c, byte[] b, int position, int n, double[] out, int outOffset) {
        double g = cal[c];
        double o = offset[c];
        double u = unit[c];
        if (header.bdf()) {
            for (int i = 0, p = position; i < n; i++, p += 3) {
                int raw = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16;
                out[outOffset + i] = (raw * g + o) * u;
            }
        } else {
            for (int i = 0, p = position; i < n; i++, p += 2) {
                int raw = (short) ((b[p] & 0xFF) | b[p + 1] << 8);
                out[outOffset + i] = (raw * g + o) * u;
            }
        }
        if (trigger[c]) {
            for (int i = 0; i < n; i++) {
                out[outOffset + i] = (double) ((long) out[outOffset + i] & 0x1FFFF);
            }
        }
    }
}
