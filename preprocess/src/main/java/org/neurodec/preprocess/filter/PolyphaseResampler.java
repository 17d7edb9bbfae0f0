package org.neurodec.preprocess.filter;

import org.neurodec.preprocess.PreprocessException;

/**
 * Rational resampling by up/down with a Kaiser-windowed (β = 5) low-pass FIR applied in polyphase
 * form, aligned so that output samples fall on the input's time grid: SciPy's {@code resample_poly}
 * with its defaults (zero padding beyond the ends). Immutable: design once, apply to many signals.
 */
public final class PolyphaseResampler {

    private final int up;
    private final int down;
    private final double[] filter;
    private final int preRemove;

    /** A resampler from rate r to r × up / down. */
    public PolyphaseResampler(int up, int down) {
        if (up < 1 || down < 1) {
            throw PreprocessException.badParameter("up/down", "positive integers", up + "/" + down);
        }
        int g = gcd(up, down);
        this.up = up / g;
        this.down = down / g;
        int maxRate = Math.max(this.up, this.down);
        int halfLength = 10 * maxRate;
        double[] h = FirDesign.lowpass(2 * halfLength + 1, 1.0 / maxRate, Windows.kaiser(2 * halfLength + 1, 5.0));
        int prePad = this.down - halfLength % this.down;
        double[] padded = new double[prePad + h.length];
        for (int i = 0; i < h.length; i++) {
            padded[prePad + i] = h[i] * this.up;
        }
        this.filter = padded;
        this.preRemove = (halfLength + prePad) / this.down;
    }

    /** Output length for an input of {@code n} samples: ceil(n × up / down). */
    public int outputLength(int n) {
        long total = (long) n * up;
        return (int) (total / down + (total % down == 0 ? 0 : 1));
    }

    /** {@code x} resampled. */
    public double[] apply(double[] x) {
        if (up == 1 && down == 1) {
            return x.clone();
        }
        int n = outputLength(x.length);
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            long j = (long) (k + preRemove) * down;
            double sum = 0;
            int first = (int) Math.max(0, (j - filter.length + up) / up);
            int last = (int) Math.min(x.length - 1, j / up);
            for (int i = first; i <= last; i++) {
                long tap = j - (long) i * up;
                if (tap >= 0 && tap < filter.length) {
                    sum += x[i] * filter[(int) tap];
                }
            }
            y[k] = sum;
        }
        return y;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
