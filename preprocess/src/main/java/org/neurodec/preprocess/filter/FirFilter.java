package org.neurodec.preprocess.filter;

import java.util.ArrayList;
import java.util.List;
import org.neurodec.preprocess.PreprocessException;

/**
 * A linear-phase FIR filter of odd length, applied with zero phase: the signal is extended at each
 * end by odd reflection (MNE's {@code reflect_limited}), convolved by FFT overlap-add, and the
 * filter's delay removed. {@link #mne} designs it with MNE's {@code filter_data} defaults.
 * Immutable: design once, apply to many channels.
 */
public final class FirFilter {

    private static final double HAMMING_LENGTH_FACTOR = 3.3;

    private final double[] taps;
    private final double sfreq;

    private FirFilter(double[] taps, double sfreq) {
        this.taps = taps;
        this.sfreq = sfreq;
    }

    /** A filter with the given odd number of taps at {@code sfreq} Hz. */
    public static FirFilter of(double[] taps, double sfreq) {
        if (taps.length % 2 != 1) {
            throw PreprocessException.badParameter("filter length", "an odd number of taps for zero phase", taps.length);
        }
        return new FirFilter(taps.clone(), sfreq);
    }

    /**
     * MNE-Python's {@code filter_data(x, sfreq, lFreq, hFreq)} design with its defaults: firwin with a
     * Hamming window, transition bands {@code min(max(0.25 f, 2 Hz), f)} below the low cutoff and
     * {@code min(max(0.25 f, 2 Hz), Nyquist − f)} above the high cutoff, length 3.3 / the narrowest
     * transition (in s, rounded up to an odd number of samples). Pass null for an absent cutoff:
     * (l, null) is high-pass, (null, h) low-pass, l &lt; h band-pass, l &gt; h band-stop.
     */
    public static FirFilter mne(double sfreq, Double lFreq, Double hFreq) {
        double nyquist = sfreq / 2;
        if (!(sfreq > 0)) {
            throw PreprocessException.badParameter("sampling rate", "a positive number of Hz", sfreq);
        }
        if (lFreq == null && hFreq == null) {
            throw PreprocessException.badParameter("cutoffs", "a low or a high cutoff", "neither");
        }
        if (lFreq != null && !(lFreq > 0 && lFreq < nyquist)) {
            throw PreprocessException.badParameter("l_freq", "between 0 and Nyquist (" + nyquist + " Hz)", lFreq + " Hz");
        }
        if (hFreq != null && !(hFreq > 0 && hFreq < nyquist)) {
            throw PreprocessException.badParameter("h_freq", "between 0 and Nyquist (" + nyquist + " Hz)", hFreq + " Hz");
        }
        boolean bandstop = lFreq != null && hFreq != null && lFreq > hFreq;
        double lowEdge = bandstop ? hFreq : lFreq == null ? Double.NaN : lFreq;
        double highEdge = bandstop ? lFreq : hFreq == null ? Double.NaN : hFreq;
        double lowTransition = Double.isNaN(lowEdge) ? Double.POSITIVE_INFINITY
                : Math.min(Math.max(0.25 * lowEdge, 2), lowEdge);
        double highTransition = Double.isNaN(highEdge) ? Double.POSITIVE_INFINITY
                : Math.min(Math.max(0.25 * highEdge, 2), nyquist - highEdge);
        if (!(lowTransition > 0) || !(highTransition > 0)) {
            throw PreprocessException.badParameter("transition band", "a positive width that fits between 0 and Nyquist",
                    "low " + lowTransition + " Hz, high " + highTransition + " Hz");
        }
        List<double[]> points = new ArrayList<>();
        if (!bandstop) {
            if (lFreq != null && hFreq != null) {
                points.add(new double[] {lFreq - lowTransition, 0});
                points.add(new double[] {lFreq, 1});
                points.add(new double[] {hFreq, 1});
                points.add(new double[] {hFreq + highTransition, 0});
            } else if (lFreq != null) {
                points.add(new double[] {lFreq - lowTransition, 0});
                points.add(new double[] {lFreq, 1});
                points.add(new double[] {nyquist, 1});
            } else {
                points.add(new double[] {0, 1});
                points.add(new double[] {hFreq, 1});
                points.add(new double[] {hFreq + highTransition, 0});
            }
        } else {
            if (lowEdge + lowTransition > highEdge - highTransition) {
                throw PreprocessException.badParameter("band-stop", "a stop band wider than its transitions ("
                        + lowTransition + " Hz and " + highTransition + " Hz)", hFreq + " Hz to " + lFreq + " Hz");
            }
            points.add(new double[] {lowEdge, 1});
            points.add(new double[] {lowEdge + lowTransition, 0});
            points.add(new double[] {highEdge - highTransition, 0});
            points.add(new double[] {highEdge, 1});
        }
        if (points.get(0)[0] < 0 || points.get(points.size() - 1)[0] > nyquist) {
            throw PreprocessException.badParameter("transition band", "stop frequencies within 0 and Nyquist",
                    points.get(0)[0] + " Hz to " + points.get(points.size() - 1)[0] + " Hz");
        }
        if (points.get(0)[0] != 0) {
            points.add(0, new double[] {0, bandstop ? 1 : 0});
        }
        if (points.get(points.size() - 1)[0] != nyquist) {
            points.add(new double[] {nyquist, bandstop ? 1 : 0});
        }
        int length = (int) Math.ceil(HAMMING_LENGTH_FACTOR / Math.min(lowTransition, highTransition) * sfreq);
        length += (length - 1) % 2;
        return new FirFilter(firwinDesign(length, points, nyquist), sfreq);
    }

    /**
     * MNE-Python's {@code notch_filter(x, sfreq, freqs)} with its defaults (method 'fir'): a
     * band-stop of width f/200 around each frequency with 0.5 Hz transitions on each side, firwin with
     * a Hamming window, 6.6 s long (rounded up to an odd number of samples).
     */
    public static FirFilter mneNotch(double sfreq, double... freqs) {
        double nyquist = sfreq / 2;
        if (freqs.length == 0) {
            throw PreprocessException.badParameter("notch frequencies", "at least one", "none");
        }
        double[] sorted = freqs.clone();
        java.util.Arrays.sort(sorted);
        double transition = 0.5;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 1});
        double previous = 0;
        for (double f : sorted) {
            double width = f / 200.0;
            double passLow = f - width / 2 - transition;
            double passHigh = f + width / 2 + transition;
            if (!(passLow > previous) || !(passHigh < nyquist)) {
                throw PreprocessException.badParameter("notch frequency", "bands that fit between 0 and Nyquist ("
                        + nyquist + " Hz) without overlapping", f + " Hz (pass band edges " + passLow + " to " + passHigh + " Hz)");
            }
            points.add(new double[] {passLow, 1});
            points.add(new double[] {passLow + transition, 0});
            points.add(new double[] {passHigh - transition, 0});
            points.add(new double[] {passHigh, 1});
            previous = passHigh;
        }
        points.add(new double[] {nyquist, 1});
        int length = (int) Math.ceil(HAMMING_LENGTH_FACTOR / transition * sfreq);
        length += (length - 1) % 2;
        return new FirFilter(firwinDesign(length, points, nyquist), sfreq);
    }

    /**
     * MNE's {@code _firwin_design}: walking down from Nyquist, each change of gain adds (or, for a
     * high-pass edge, subtracts) a Hamming-windowed low-pass whose length suits that transition.
     */
    private static double[] firwinDesign(int n, List<double[]> points, double nyquist) {
        double[] h = new double[n];
        double previousFrequency = points.get(points.size() - 1)[0] / nyquist;
        double previousGain = points.get(points.size() - 1)[1];
        if (previousGain == 1) {
            h[n / 2] = 1;
        }
        for (int i = points.size() - 2; i >= 0; i--) {
            double frequency = points.get(i)[0] / nyquist;
            double gain = points.get(i)[1];
            if (gain != previousGain) {
                double transition = (previousFrequency - frequency) / 2;
                int taps = (int) Math.round(HAMMING_LENGTH_FACTOR / transition);
                taps += 1 - taps % 2;
                if (taps > n) {
                    throw PreprocessException.badParameter("filter length", "at least " + taps + " taps for a "
                            + transition * nyquist + " Hz transition", n);
                }
                double[] lowpass = FirDesign.lowpass(taps, (previousFrequency + frequency) / 2, Windows.hamming(taps));
                int offset = (n - taps) / 2;
                for (int k = 0; k < taps; k++) {
                    h[offset + k] += gain == 0 ? -lowpass[k] : lowpass[k];
                }
            }
            previousGain = gain;
            previousFrequency = frequency;
        }
        return h;
    }

    /** The taps. */
    public double[] taps() {
        return taps.clone();
    }

    /** The sampling rate the filter was designed for. */
    public double sfreq() {
        return sfreq;
    }

    /** {@code x} filtered with zero phase (MNE's one-pass {@code phase='zero'}). */
    public double[] apply(double[] x) {
        double[] y = x.clone();
        filterInPlace(y, null);
        return y;
    }


    /**
     * Filters {@code x} and {@code y} (same length, or y null) in place with zero phase: one FFT carries
     * x as its real part and y as its imaginary part, which the real filter keeps apart, so two
     * channels cost one transform; each output overwrites input that no later block reads, so no
     * second copy of a long signal is made.
     */
    public void filterInPlace(double[] x, double[] y) {
        if (y != null && y.length != x.length) {
            filterInPlace(x, null);
            filterInPlace(y, null);
            return;
        }
        int m = taps.length;
        int edge = Math.max(Math.min(m, x.length) - 1, 0);
        overlapAdd(x, y, edge, (m - 1) / 2 + edge, x, y);
    }

    /**
     * The overlap-add engine: the convolution of {@code x} and {@code y} (y may be null), each extended
     * by {@code edge} reflected samples at both ends, with the taps; full-convolution sample
     * {@code i + shift} goes to {@code outX[i]} / {@code outY[i]}. The outputs may be the inputs: a
     * value is written only once no later block reads the input it replaces.
     */
    private void overlapAdd(double[] x, double[] y, int edge, int shift, double[] outX, double[] outY) {
        int m = taps.length;
        int n = x.length;
        int fftLength = fftLength(m, n + 2 * edge);
        Fft fft = new Fft(fftLength);
        int segment = fftLength - m + 1;
        double[][] spectrum = spectrum(fft);
        Edges ex = new Edges(x, edge);
        Edges ey = y == null ? null : new Edges(y, edge);
        double[] pendingX = new double[fftLength];
        double[] pendingY = y == null ? null : new double[fftLength];
        double[] re = new double[fftLength];
        double[] im = new double[fftLength];
        int extended = n + 2 * edge;
        int total = extended + m - 1;
        for (int start = 0; start < total; start += segment) {
            int count = Math.max(0, Math.min(segment, extended - start));
            ex.copy(x, start, count, re);
            java.util.Arrays.fill(re, count, fftLength, 0);
            if (y != null) {
                ey.copy(y, start, count, im);
            }
            java.util.Arrays.fill(im, y == null ? 0 : count, fftLength, 0);
            if (count > 0) {
                multiply(fft, re, im, spectrum);
                for (int k = 0; k < fftLength; k++) {
                    pendingX[k] += re[k];
                }
                if (pendingY != null) {
                    for (int k = 0; k < fftLength; k++) {
                        pendingY[k] += im[k];
                    }
                }
            }
            flush(pendingX, outX, start, segment, shift);
            if (pendingY != null) {
                flush(pendingY, outY, start, segment, shift);
            }
        }
    }

    /** The filter's spectrum, scaled by 1/N so that the inverse transform needs no scaling. */
    private double[][] spectrum(Fft fft) {
        int length = fft.length();
        double[] hr = new double[length];
        double[] hi = new double[length];
        System.arraycopy(taps, 0, hr, 0, taps.length);
        fft.forward(hr, hi);
        for (int k = 0; k < length; k++) {
            hr[k] /= length;
            hi[k] /= length;
        }
        return new double[][] {hr, hi};
    }

    private static void multiply(Fft fft, double[] re, double[] im, double[][] spectrum) {
        double[] hr = spectrum[0];
        double[] hi = spectrum[1];
        fft.forward(re, im);
        for (int k = 0; k < re.length; k++) {
            double r = re[k] * hr[k] - im[k] * hi[k];
            im[k] = re[k] * hi[k] + im[k] * hr[k];
            re[k] = r;
        }
        fft.inverseUnscaled(re, im);
    }

    /**
     * Writes the {@code segment} finished values at the front of {@code pending} (full-convolution
     * indices {@code start …}) to their outputs, then slides the unfinished tail to the front.
     */
    private static void flush(double[] pending, double[] out, int start, int segment, int shift) {
        for (int k = 0; k < segment; k++) {
            int i = start + k - shift;
            if (i >= 0 && i < out.length) {
                out[i] = pending[k];
            }
        }
        System.arraycopy(pending, segment, pending, 0, pending.length - segment);
        java.util.Arrays.fill(pending, pending.length - segment, pending.length, 0);
    }

    /**
     * The first and last samples of a signal, kept aside so that its reflect-limited extension can be
     * read while the signal itself is being overwritten by its output.
     */
    private static final class Edges {
        private final double[] head;
        private final double[] tail;
        private final int edge;
        private final int length;

        Edges(double[] x, int edge) {
            this.edge = edge;
            this.length = x.length;
            this.head = java.util.Arrays.copyOf(x, Math.min(x.length, edge + 1));
            this.tail = java.util.Arrays.copyOfRange(x, Math.max(0, x.length - edge - 1), x.length);
        }

        /** Copies samples {@code start …} of the extension into {@code out}; the middle comes from {@code x}. */
        void copy(double[] x, int start, int count, double[] out) {
            int last = length - 1;
            int tailStart = length - tail.length;
            int i = 0;
            for (; i < count && start + i < edge; i++) {
                int source = edge - (start + i);
                out[i] = source <= last ? 2 * head[0] - head[source] : 0;
            }
            int middle = Math.min(count, edge + length - start) - i;
            if (middle > 0) {
                System.arraycopy(x, start + i - edge, out, i, middle);
                i += middle;
            }
            for (; i < count; i++) {
                int right = last - 1 - (start + i - edge - length);
                out[i] = right >= 0 ? 2 * tail[last - tailStart] - tail[right - tailStart] : 0;
            }
        }
    }

    /**
     * The samples of the zero-phase convolution that {@code piece} fully covers: for a piece of
     * length L and m taps, L − m + 1 outputs, output j centred on piece[j + (m − 1) / 2]. This is how a
     * chunk of a long signal is filtered when its neighbours (or the end reflections) surround it.
     */
    public double[] convolveValid(double[] piece) {
        int m = taps.length;
        int outputs = piece.length - m + 1;
        if (outputs < 1) {
            throw new IllegalArgumentException("a piece of " + piece.length + " samples is shorter than the filter (" + m + ")");
        }
        double[] out = new double[outputs];
        overlapAdd(piece, null, 0, m - 1, out, null);
        return out;
    }

    /**
     * The transform length: the smallest power of two of at least 4 m (so that at least three quarters
     * of each transform are new samples), or less when the whole signal fits. Longer transforms do
     * less arithmetic per sample but fall out of the CPU caches; on the project's machine 4 m measured
     * fastest (16384 points for MNE's 3301-tap 1–40 Hz filter at 1 kHz: 2.7 s against 3.5 s at 32768).
     */
    static int fftLength(int m, int signal) {
        int minimum = Integer.highestOneBit(Math.max(1, 2 * m - 1) * 2 - 1);
        int preferred = Integer.highestOneBit(Math.max(1, 4 * m) * 2 - 1);
        int whole = Integer.highestOneBit(Math.max(1, signal + m - 1) * 2 - 1);
        return Math.max(minimum, Math.min(preferred, whole));
    }

}
