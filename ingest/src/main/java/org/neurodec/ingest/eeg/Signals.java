package org.neurodec.ingest.eeg;

import java.util.Arrays;

/** A channels × times block of samples (float64), with the rate they were sampled at. */
public final class Signals {

    private final double[][] data;
    private final double sfreq;

    private Signals(double[][] data, double sfreq) {
        int times = data.length == 0 ? 0 : data[0].length;
        for (double[] row : data) {
            if (row.length != times) {
                throw new IllegalArgumentException("every channel needs " + times + " samples, one has " + row.length);
            }
        }
        this.data = data;
        this.sfreq = sfreq;
    }

    /** Takes ownership of {@code data} (channels × times) without copying. */
    public static Signals wrap(double[][] data, double sfreq) {
        return new Signals(data, sfreq);
    }

    /** A copy of {@code data} (channels × times). */
    public static Signals copyOf(double[][] data, double sfreq) {
        return new Signals(Arrays.stream(data).map(double[]::clone).toArray(double[][]::new), sfreq);
    }

    /** Number of channels. */
    public int channels() {
        return data.length;
    }

    /** Number of samples per channel. */
    public int times() {
        return data.length == 0 ? 0 : data[0].length;
    }

    /** Sampling rate in Hz. */
    public double sfreq() {
        return sfreq;
    }

    /** Sample {@code t} of channel {@code c}. */
    public double get(int c, int t) {
        return data[c][t];
    }

    /** Copies {@code length} samples of channel {@code c} from {@code start} into {@code destination} at {@code offset}. */
    public void copy(int c, int start, double[] destination, int offset, int length) {
        System.arraycopy(data[c], start, destination, offset, length);
    }

    /** A copy of channel {@code c}. */
    public double[] channel(int c) {
        return data[c].clone();
    }

    /** A copy of all samples, channels × times. */
    public double[][] toArray() {
        return Arrays.stream(data).map(double[]::clone).toArray(double[][]::new);
    }
}
