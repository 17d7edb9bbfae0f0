package org.neurodec.preprocess.filter;

/** Removal of a signal's mean or least-squares line (SciPy's {@code detrend}, type 'constant' or 'linear'). */
public final class Detrend {

    private Detrend() {
    }

    /** {@code x} minus its mean. */
    public static double[] constant(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] - mean;
        }
        return y;
    }

    /** {@code x} minus its least-squares line over the sample index. */
    public static double[] linear(double[] x) {
        int n = x.length;
        if (n < 2) {
            return constant(x);
        }
        double centre = (n - 1) / 2.0;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double t = i - centre;
            sxy += t * (x[i] - mean);
            sxx += t * t;
        }
        double slope = sxy / sxx;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i] - (mean + slope * (i - centre));
        }
        return y;
    }
}
