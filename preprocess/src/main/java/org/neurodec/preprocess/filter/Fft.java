package org.neurodec.preprocess.filter;

/**
 * A complex FFT for power-of-two lengths on separate real and imaginary arrays: Stockham's autosort
 * algorithm, radix 4 with a final radix-2 pass when needed, so that every pass reads and writes
 * memory in order and no bit reversal is needed. Not thread-safe (it owns work buffers): one per thread.
 */
final class Fft {

    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final double[] workRe;
    private final double[] workIm;

    Fft(int n) {
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        this.n = n;
        cos = new double[n];
        sin = new double[n];
        for (int i = 0; i < n; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = -Math.sin(2 * Math.PI * i / n);
        }
        workRe = new double[n];
        workIm = new double[n];
    }

    int length() {
        return n;
    }

    /** Forward transform (e^{-2πi kn/N}), in place. */
    void forward(double[] re, double[] im) {
        transform(re, im);
    }

    /** Inverse transform, scaled by 1/N, in place (conjugate, forward, conjugate). */
    void inverse(double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            im[i] = -im[i];
        }
        transform(re, im);
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) {
            re[i] *= scale;
            im[i] *= -scale;
        }
    }

    private void transform(double[] re, double[] im) {
        double[] xr = re;
        double[] xi = im;
        double[] yr = workRe;
        double[] yi = workIm;
        int length = n;
        int s = 1;
        while (length >= 4) {
            int m = length / 4;
            int step = n / length;
            for (int p = 0; p < m; p++) {
                double w1r = cos[p * step];
                double w1i = sin[p * step];
                double w2r = cos[2 * p * step];
                double w2i = sin[2 * p * step];
                double w3r = cos[3 * p * step];
                double w3i = sin[3 * p * step];
                int ia = s * p;
                int ib = s * (p + m);
                int ic = s * (p + 2 * m);
                int id = s * (p + 3 * m);
                int o = s * 4 * p;
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
                    double jbmdR = -(bi - di);
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
            double[] t = xr;
            xr = yr;
            yr = t;
            t = xi;
            xi = yi;
            yi = t;
            length = m;
            s *= 4;
        }
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
