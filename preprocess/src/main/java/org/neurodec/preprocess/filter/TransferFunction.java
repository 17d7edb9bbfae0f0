package org.neurodec.preprocess.filter;

import java.util.Arrays;

/**
 * A filter as numerator and denominator polynomials {@code b}, {@code a} (SciPy's {@code (b, a)}),
 * normalised so that a[0] = 1. Immutable.
 */
public final class TransferFunction {

    private final double[] b;
    private final double[] a;

    private TransferFunction(double[] b, double[] a) {
        this.b = b;
        this.a = a;
    }

    /** The filter b(z) / a(z); both are copied and scaled so that a[0] = 1. */
    public static TransferFunction of(double[] b, double[] a) {
        if (b.length == 0 || a.length == 0 || a[0] == 0) {
            throw new IllegalArgumentException("a transfer function needs coefficients and a[0] != 0, got b="
                    + Arrays.toString(b) + " a=" + Arrays.toString(a));
        }
        int n = Math.max(b.length, a.length);
        double[] bb = new double[n];
        double[] aa = new double[n];
        for (int i = 0; i < b.length; i++) {
            bb[i] = b[i] / a[0];
        }
        for (int i = 0; i < a.length; i++) {
            aa[i] = a[i] / a[0];
        }
        return new TransferFunction(bb, aa);
    }

    /** The numerator, padded to the filter's length. */
    public double[] b() {
        return b.clone();
    }

    /** The denominator, a[0] = 1, padded to the filter's length. */
    public double[] a() {
        return a.clone();
    }

    /** Filter order plus one: the number of coefficients of each polynomial. */
    public int length() {
        return b.length;
    }

    /** The default edge padding of zero-phase filtering: 3 × the number of coefficients (SciPy's {@code filtfilt}). */
    public int defaultPadding() {
        return 3 * b.length;
    }

    /**
     * The state at which a constant input of 1 gives a constant output (SciPy's {@code lfilter_zi}):
     * the solution of (I − Aᵀ) zi = b[1:] − a[1:] b[0], with A the companion matrix of a.
     */
    public double[] steadyState() {
        int n = b.length - 1;
        if (n == 0) {
            return new double[0];
        }
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            m[i][0] = a[i + 1];
            if (i + 1 < n) {
                m[i][i + 1] = -1;
            }
            m[i][i] += 1;
            m[i][n] = b[i + 1] - a[i + 1] * b[0];
        }
        return solve(m, n);
    }

    /** Filters {@code x} forward once from a zero state (SciPy's {@code lfilter}). */
    public double[] filterCausal(double[] x) {
        double[] y = x.clone();
        filterInPlace(y, 0, y.length, new double[b.length - 1], 1, false);
        return y;
    }

    /** Filters {@code data[from, to)} in place, forward or backward, from {@code state} × {@code stateScale}. */
    void filterInPlace(double[] data, int from, int to, double[] state, double stateScale, boolean backward) {
        int n = b.length - 1;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = state[i] * stateScale;
        }
        int step = backward ? -1 : 1;
        for (int i = backward ? to - 1 : from; backward ? i >= from : i < to; i += step) {
            double x = data[i];
            double y = b[0] * x + (n > 0 ? z[0] : 0);
            for (int k = 0; k < n - 1; k++) {
                z[k] = b[k + 1] * x - a[k + 1] * y + z[k + 1];
            }
            if (n > 0) {
                z[n - 1] = b[n] * x - a[n] * y;
            }
            data[i] = y;
        }
    }

    /** Gaussian elimination with partial pivoting on an n × (n + 1) augmented matrix. */
    private static double[] solve(double[][] m, int n) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
