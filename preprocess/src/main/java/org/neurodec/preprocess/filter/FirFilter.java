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
        return apply(x, null)[0];
    }

    /**
     * Two signals filtered at once: one FFT carries {@code x} as its real part and {@code y} as its
     * imaginary part, which the real filter keeps apart, so that two channels cost one transform.
     * {@code y} may be null.
     */
    public double[][] apply(double[] x, double[] y) {
        if (y != null && y.length != x.length) {
            return new double[][] {apply(x), apply(y)};
        }
        int m = taps.length;
        int edge = Math.max(Math.min(m, x.length) - 1, 0);
        int shift = (m - 1) / 2 + edge;
        return convolve(x, y, edge, shift, x.length);
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
        return convolve(piece, null, 0, m - 1, outputs)[0];
    }

    /**
     * Samples {@code from} to {@code from + length} of the linear convolutions of {@code x} and of
     * {@code y} (null for none), each extended by {@code edge} reflected samples at both ends, with
     * the taps: FFT overlap-add with x as the real and y as the imaginary part of one transform. The
     * extension is read on the fly rather than copied.
     */
    private double[][] convolve(double[] x, double[] y, int edge, int from, int length) {
        int m = taps.length;
        int fftLength = fftLength(m, x.length + 2 * edge);
        Fft fft = new Fft(fftLength);
        int segment = fftLength - m + 1;
        double[] hr = new double[fftLength];
        double[] hi = new double[fftLength];
        System.arraycopy(taps, 0, hr, 0, m);
        fft.forward(hr, hi);
        for (int k = 0; k < fftLength; k++) {
            hr[k] /= fftLength;
            hi[k] /= fftLength;
        }
        double[] outX = new double[length];
        double[] outY = y == null ? null : new double[length];
        double[] re = new double[fftLength];
        double[] im = new double[fftLength];
        int extended = x.length + 2 * edge;
        for (int start = 0; start < extended; start += segment) {
            int n = Math.min(segment, extended - start);
            extension(x, edge, start, n, re);
            java.util.Arrays.fill(re, n, fftLength, 0);
            if (y != null) {
                extension(y, edge, start, n, im);
            }
            java.util.Arrays.fill(im, y == null ? 0 : n, fftLength, 0);
            fft.forward(re, im);
            for (int k = 0; k < fftLength; k++) {
                double r = re[k] * hr[k] - im[k] * hi[k];
                im[k] = re[k] * hi[k] + im[k] * hr[k];
                re[k] = r;
            }
            fft.inverseUnscaled(re, im);
            int first = Math.max(0, from - start);
            int last = Math.min(fftLength, from + length - start);
            for (int k = first; k < last; k++) {
                outX[start + k - from] += re[k];
            }
            if (outY != null) {
                for (int k = first; k < last; k++) {
                    outY[start + k - from] += im[k];
                }
            }
        }
        return new double[][] {outX, outY};
    }

    /**
     * The power-of-two transform length with the least work per output sample, N log N / (N − m + 1),
     * from the smallest that fits the filter (2m − 1) to 16 m, and no longer than the signal needs.
     */
    static int fftLength(int m, int signal) {
        int best = Integer.highestOneBit(2 * m - 1) << 1;
        double bestCost = Double.POSITIVE_INFINITY;
        int limit = Math.max(best, Integer.highestOneBit(Math.max(1, signal + m)) << 1);
        for (int n = best; n <= 16 * m && n <= limit; n <<= 1) {
            double cost = (double) n * Integer.numberOfTrailingZeros(n) / (n - m + 1);
            if (cost < bestCost) {
                bestCost = cost;
                best = n;
            }
        }
        return best;
    }

    /** Copies samples {@code start …} of x's reflect-limited extension by {@code edge} into {@code out}. */
    private static void extension(double[] x, int edge, int start, int count, double[] out) {
        int last = x.length - 1;
        int i = 0;
        for (; i < count && start + i < edge; i++) {
            int source = edge - (start + i);
            out[i] = source <= last ? 2 * x[0] - x[source] : 0;
        }
        int middle = Math.min(count, edge + x.length - start) - i;
        if (middle > 0) {
            System.arraycopy(x, start + i - edge, out, i, middle);
            i += middle;
        }
        for (; i < count; i++) {
            int right = last - 1 - (start + i - edge - x.length);
            out[i] = right >= 0 ? 2 * x[last] - x[right] : 0;
        }
    }
}
