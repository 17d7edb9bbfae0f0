package org.neurodec.preprocess.filter;

/**
 * A complex FFT for power-of-two lengths on separate real and imaginary arrays: Stockham's autosort
 * algorithm, radix 4 with a final radix-2 pass when needed, so that every pass reads and writes
 * memory in order and no bit reversal is needed. Not thread-safe (it owns work buffers): one per thread.
 */
final class Fft {

    private final int n;
    private final double[] workRe;
    private final double[] workIm;
    /** Per radix-4 pass, the twiddles w^p, w^2p, w^3p of each p, interleaved (re, im) × 3. */
    private final double[][] twiddles;

    Fft(int n) {
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        this.n = n;
        workRe = new double[n];
        workIm = new double[n];
        int passes = Integer.numberOfTrailingZeros(n) / 2;
        twiddles = new double[passes][];
        for (int pass = 0, length = n; pass < passes; pass++, length /= 4) {
            int m = length / 4;
            double[] t = new double[6 * m];
            for (int p = 0; p < m; p++) {
                for (int k = 1; k <= 3; k++) {
                    double angle = -2 * Math.PI * k * p / length;
                    t[6 * p + 2 * (k - 1)] = Math.cos(angle);
                    t[6 * p + 2 * (k - 1) + 1] = Math.sin(angle);
                }
            }
            twiddles[pass] = t;
        }
    }

    int length() {
        return n;
    }

    /** Forward transform (e^{-2πi kn/N}), in place. */
    void forward(double[] re, double[] im) {
        transform(re, im);
    }

    /** Inverse transform (e^{+2πi kn/N}) without the 1/N scaling, in place (for callers that pre-scale). */
    void inverseUnscaled(double[] re, double[] im) {
        transform(im, re);
    }

    /** The forward transform, twiddles e^{-2πi kn/N}. */
    private void transform(double[] re, double[] im) {
        double[] xr = re;
        double[] xi = im;
        double[] yr = workRe;
        double[] yi = workIm;
        int length = n;
        int s = 1;
        for (int pass = 0; length >= 4; pass++) {
            int m = length / 4;
            double[] tw = twiddles[pass];
            for (int p = 0; p < m; p++) {
                double w1r = tw[6 * p];
                double w1i = tw[6 * p + 1];
                double w2r = tw[6 * p + 2];
                double w2i = tw[6 * p + 3];
                double w3r = tw[6 * p + 4];
                double w3i = tw[6 * p + 5];
                int ia = s * p;
                int ib = s * (p + m);
                int ic = s * (p + 2 * m);
                int id = s * (p + 3 * m);
                int o = s * 4 * p;
                butterflies(xr, xi, yr, yi, ia, ib, ic, id, o, s, w1r, w1i, w2r, w2i, w3r, w3i);
            }
            double[] t = xr;
            xr = yr;
            yr = t;
            t = xi;
            xi = yi;
            yi = t;
            length = m;
            s *= 4;
        }
        finish(re, im, xr, xi, yr, yi, length, s);
    }

    /** The s radix-4 butterflies of one p: inputs at ia, ib, ic, id (+ q), outputs at o + k s (+ q). */
    private static void butterflies(double[] xr, double[] xi, double[] yr, double[] yi, int ia, int ib, int ic, int id,
            int o, int s, double w1r, double w1i, double w2r, double w2i, double w3r, double w3i) {
                for (int q = 0; q < s; q++) {
                    double ar = xr[ia + q];
                    double ai = xi[ia + q];
                    double br = xr[ib + q];
                    double bi = xi[ib + q];
                    double cr = xr[ic + q];
                    double ci = xi[ic + q];
                    double dr = xr[id + q];
                    double di = xi[id + q];
                    double apcR = ar + cr;
                    double apcI = ai + ci;
                    double amcR = ar - cr;
                    double amcI = ai - ci;
                    double bpdR = br + dr;
                    double bpdI = bi + di;
                    double jbmdR = di - bi;
                    double jbmdI = br - dr;
                    yr[o + q] = apcR + bpdR;
                    yi[o + q] = apcI + bpdI;
                    double t1r = amcR - jbmdR;
                    double t1i = amcI - jbmdI;
                    yr[o + s + q] = w1r * t1r - w1i * t1i;
                    yi[o + s + q] = w1r * t1i + w1i * t1r;
                    double t2r = apcR - bpdR;
                    double t2i = apcI - bpdI;
                    yr[o + 2 * s + q] = w2r * t2r - w2i * t2i;
                    yi[o + 2 * s + q] = w2r * t2i + w2i * t2r;
                    double t3r = amcR + jbmdR;
                    double t3i = amcI + jbmdI;
                    yr[o + 3 * s + q] = w3r * t3r - w3i * t3i;
                    yi[o + 3 * s + q] = w3r * t3i + w3i * t3r;
                }
    }

    /** A last radix-2 pass when the length is not a power of 4, and the result copied back if needed. */
    private void finish(double[] re, double[] im, double[] xr, double[] xi, double[] yr, double[] yi, int length, int s) {
        if (length == 2) {
            for (int q = 0; q < s; q++) {
                double ar = xr[q];
                double ai = xi[q];
                double br = xr[q + s];
                double bi = xi[q + s];
                yr[q] = ar + br;
                yi[q] = ai + bi;
                yr[q + s] = ar - br;
                yi[q + s] = ai - bi;
            }
            double[] t = xr;
            xr = yr;
            yr = t;
            t = xi;
            xi = yi;
            yi = t;
        }
        if (xr != re) {
            System.arraycopy(xr, 0, re, 0, n);
            System.arraycopy(xi, 0, im, 0, n);
        }
    }
}
