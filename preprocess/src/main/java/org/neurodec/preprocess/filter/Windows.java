package org.neurodec.preprocess.filter;

/** Symmetric window functions for FIR design (SciPy's {@code get_window(..., fftbins=False)}). */
public final class Windows {

    private Windows() {
    }

    /** The Kaiser window of {@code n} points and shape {@code beta}. */
    public static double[] kaiser(int n, double beta) {
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1;
            return w;
        }
        double denominator = besselI0(beta);
        for (int i = 0; i < n; i++) {
            double r = 2.0 * i / (n - 1) - 1;
            w[i] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / denominator;
        }
        return w;
    }

    /** The Hamming window of {@code n} points: 0.54 − 0.46 cos(2πi / (n − 1)). */
    public static double[] hamming(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = n == 1 ? 1 : 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1));
        }
        return w;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 500; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
