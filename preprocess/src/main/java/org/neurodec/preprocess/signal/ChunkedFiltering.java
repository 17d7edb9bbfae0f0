package org.neurodec.preprocess.signal;

import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.preprocess.filter.FirFilter;

/**
 * Zero-phase FIR filtering of a recording too long to hold in memory: each channel is read and
 * filtered in chunks that overlap by half the filter on each side, and the samples beyond the
 * recording's ends are the same odd reflections the whole-signal filter uses, so the result equals
 * filtering in one piece (to rounding).
 */
public final class ChunkedFiltering {

    /** Receives filtered samples of one channel, in order. */
    @FunctionalInterface
    public interface Sink {
        /** {@code values} are samples {@code start …} of channel {@code channel}. */
        void accept(int channel, long start, double[] values);
    }

    private ChunkedFiltering() {
    }

    /** Filters every channel of {@code recording} with {@code filter}, {@code chunk} output samples at a time. */
    public static void apply(EegRecording recording, FirFilter filter, int chunk, Sink sink) {
        int half = (filter.taps().length - 1) / 2;
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        }
        for (int c = 0; c < recording.channels().size(); c++) {
            long n = recording.channels().get(c).samples();
            if (n <= 2L * filter.taps().length) {
                sink.accept(c, 0, filter.apply(recording.read(c, 0, (int) n)));
                continue;
            }
            double first = recording.read(c, 0, 1)[0];
            double last = recording.read(c, n - 1, 1)[0];
            for (long a = 0; a < n; a += chunk) {
                long b = Math.min(n, a + chunk);
                long from = a - half;
                long to = b + half;
                double[] piece = new double[(int) (to - from)];
                long readFrom = Math.max(0, from);
                long readTo = Math.min(n, to);
                double[] inside = recording.read(c, readFrom, (int) (readTo - readFrom));
                System.arraycopy(inside, 0, piece, (int) (readFrom - from), inside.length);
                for (long i = from; i < 0; i++) {
                    piece[(int) (i - from)] = 2 * first - recording.read(c, -i, 1)[0];
                }
                for (long i = n; i < to; i++) {
                    piece[(int) (i - from)] = 2 * last - recording.read(c, 2 * (n - 1) - i, 1)[0];
                }
                sink.accept(c, a, filter.convolveValid(piece));
            }
        }
    }
}
