package org.neurodec.preprocess.signal;

import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.neurodec.ingest.eeg.Signals;

/** Operations on every channel of a block of signals: filtering in parallel, re-referencing. */
public final class Channels {

    private Channels() {
    }

    /** Applies {@code operation} (a designed filter's {@code apply}, say) to every channel, channels in parallel. */
    public static Signals map(Signals signals, UnaryOperator<double[]> operation) {
        double[][] out = new double[signals.channels()][];
        IntStream.range(0, out.length).parallel().forEach(c -> out[c] = operation.apply(signals.channel(c)));
        return Signals.wrap(out, signals.sfreq());
    }

    /**
     * Replaces each row of {@code data} (channels × times, owned by the caller) by {@code operation}
     * applied to it, channels in parallel: the memory-lean way to filter a large recording, which holds
     * the data once plus one channel's temporaries per thread.
     */
    public static void mapInPlace(double[][] data, UnaryOperator<double[]> operation) {
        IntStream.range(0, data.length).parallel().forEach(c -> data[c] = operation.apply(data[c]));
    }

    /**
     * Filters every row of {@code data} in place with {@code filter}, two channels per FFT and pairs
     * of channels in parallel.
     */
    public static void filterInPlace(double[][] data, org.neurodec.preprocess.filter.FirFilter filter) {
        IntStream.range(0, (data.length + 1) / 2).parallel().forEach(pair -> {
            int a = 2 * pair;
            int b = a + 1;
            double[][] out = filter.apply(data[a], b < data.length ? data[b] : null);
            data[a] = out[0];
            if (b < data.length) {
                data[b] = out[1];
            }
        });
    }

    /**
     * Average reference: at each sample, the mean of the {@code included} channels is subtracted from
     * each of them (MNE's average EEG reference, bad and non-EEG channels left out and left alone).
     */
    public static Signals averageReference(Signals signals, boolean[] included) {
        if (included.length != signals.channels()) {
            throw new IllegalArgumentException(included.length + " flags for " + signals.channels() + " channels");
        }
        double[][] out = signals.toArray();
        int count = 0;
        for (boolean b : included) {
            count += b ? 1 : 0;
        }
        if (count == 0) {
            return Signals.wrap(out, signals.sfreq());
        }
        for (int t = 0; t < signals.times(); t++) {
            double mean = 0;
            for (int c = 0; c < out.length; c++) {
                if (included[c]) {
                    mean += out[c][t];
                }
            }
            mean /= count;
            for (int c = 0; c < out.length; c++) {
                if (included[c]) {
                    out[c][t] -= mean;
                }
            }
        }
        return Signals.wrap(out, signals.sfreq());
    }
}
