package org.neurodec.preprocess.filter;

import org.neurodec.preprocess.PreprocessException;

/**
 * Zero-phase application of IIR filters: forward, then backward, over the signal extended at both
 * ends by odd reflection, each pass started from the filter's steady state scaled to the first
 * sample it sees. This is SciPy's {@code sosfiltfilt} and {@code filtfilt} with their defaults
 * ({@code padtype='odd'}, padding 3 × taps).
 */
public final class ZeroPhase {

    private ZeroPhase() {
    }

    /** {@code sosfiltfilt(sos, x)}. */
    public static double[] apply(SecondOrderSections sos, double[] x) {
        int pad = sos.defaultPadding();
        double[] ext = oddExtension(x, pad);
        double[][] zi = sos.steadyState();
        sos.filterInPlace(ext, 0, ext.length, zi, ext[0], false);
        sos.filterInPlace(ext, 0, ext.length, zi, ext[ext.length - 1], true);
        return java.util.Arrays.copyOfRange(ext, pad, pad + x.length);
    }

    /** {@code filtfilt(b, a, x)}. */
    public static double[] apply(TransferFunction filter, double[] x) {
        int pad = filter.defaultPadding();
        double[] ext = oddExtension(x, pad);
        double[] zi = filter.steadyState();
        filter.filterInPlace(ext, 0, ext.length, zi, ext[0], false);
        filter.filterInPlace(ext, 0, ext.length, zi, ext[ext.length - 1], true);
        return java.util.Arrays.copyOfRange(ext, pad, pad + x.length);
    }

    /**
     * {@code x} with {@code n} samples added at each end by odd reflection about the end samples:
     * {@code 2 x[0] − x[n..1]} before and {@code 2 x[last] − x[last−1..last−n]} after.
     */
    static double[] oddExtension(double[] x, int n) {
        if (x.length <= n) {
            throw PreprocessException.badParameter("signal length", "more samples than the filter's padding of " + n
                    + " (3 x its taps)", x.length);
        }
        double[] ext = new double[x.length + 2 * n];
        int last = x.length - 1;
        for (int i = 0; i < n; i++) {
            ext[i] = 2 * x[0] - x[n - i];
            ext[n + x.length + i] = 2 * x[last] - x[last - 1 - i];
        }
        System.arraycopy(x, 0, ext, n, x.length);
        return ext;
    }
}
