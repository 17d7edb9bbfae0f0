package org.neurodec.subjects.riemann;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.neurodec.subjects.SubjectsException;

/**
 * A symmetric positive definite matrix (an EEG covariance), immutable, with the operations of the
 * affine-invariant Riemannian geometry on such matrices: matrix functions through the eigenvalues
 * (square root, inverse square root, logarithm, exponential, powers), congruence, the Riemannian
 * distance {@code ‖log(A^-1/2 B A^-1/2)‖_F} and geodesics. Values are row-major n × n.
 */
public final class Spd {

    private final int n;
    private final double[] values;

    private Spd(int n, double[] values) {
        this.n = n;
        this.values = values;
    }

    /** A copy of {@code rows} (n × n), symmetrised as (A + Aᵀ) / 2; positive definiteness is checked where it matters. */
    public static Spd of(double[][] rows) {
        int n = rows.length;
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != n) {
                throw SubjectsException.shape("covariance row " + i, n + " values", rows[i].length + "");
            }
            for (int j = 0; j < n; j++) {
                v[i * n + j] = 0.5 * (rows[i][j] + rows[j][i]);
            }
        }
        return new Spd(n, v);
    }

    /** Wraps a row-major n × n array the caller gives up (not copied, not symmetrised). */
    static Spd wrap(int n, double[] values) {
        return new Spd(n, values);
    }

    /** The n × n identity. */
    public static Spd identity(int n) {
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        return new Spd(n, v);
    }

    /** Rows and columns. */
    public int size() {
        return n;
    }

    /** Entry (i, j). */
    public double get(int i, int j) {
        return values[i * n + j];
    }

    /** A copy as rows. */
    public double[][] toArray() {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(values, i * n, (i + 1) * n);
        }
        return out;
    }

    /** The row-major values, shared: callers in this package must not write to them. */
    double[] raw() {
        return values;
    }

    /** f applied to the eigenvalues: V diag(f(λ)) Vᵀ; {@code positive} checks λ > 0 first. */
    public Spd map(DoubleUnaryOperator f, boolean positive) {
        double[] w = new double[n];
        double[] v = new double[n * n];
        SymmetricEigen.decompose(values, n, w, v);
        if (positive && !(w[0] > 0)) {
            throw new SubjectsException("covariance is not positive definite (smallest eigenvalue " + w[0]
                    + "); use a shrinkage estimator");
        }
        double[] fw = new double[n];
        for (int k = 0; k < n; k++) {
            fw[k] = f.applyAsDouble(w[k]);
        }
        // Σ_k f(λ_k) v_k v_kᵀ over the eigenvectors v_k (the rows of v), upper triangle, then mirrored
        double[] out = new double[n * n];
        for (int k = 0; k < n; k++) {
            int row = k * n;
            for (int i = 0; i < n; i++) {
                double a = fw[k] * v[row + i];
                int at = i * n;
                for (int j = i; j < n; j++) {
                    out[at + j] += a * v[row + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out[j * n + i] = out[i * n + j];
            }
        }
        return new Spd(n, out);
    }

    /** A^(1/2). */
    public Spd sqrt() {
        return map(Math::sqrt, true);
    }

    /** A^(-1/2). */
    public Spd invSqrt() {
        return map(w -> 1 / Math.sqrt(w), true);
    }

    /** The matrix logarithm (a symmetric matrix, not SPD in general). */
    public Spd log() {
        return map(Math::log, true);
    }

    /** The matrix exponential of a symmetric matrix. */
    public Spd exp() {
        return map(Math::exp, false);
    }

    /** A^t. */
    public Spd pow(double t) {
        return map(w -> Math.pow(w, t), true);
    }

    /** W A W for a symmetric W (for example A^-1/2 B A^-1/2 with W = A^-1/2). */
    public Spd congruence(Spd w) {
        return new Spd(n, congruence(w.values, values, n));
    }

    /** W C W on row-major arrays for a symmetric W (= W C Wᵀ), as two passes of row updates the JIT vectorises. */
    static double[] congruence(double[] w, double[] c, int n) {
        double[] wc = new double[n * n];
        multiplyInto(w, c, wc, n);
        double[] out = new double[n * n];
        multiplyInto(wc, w, out, n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double m = 0.5 * (out[i * n + j] + out[j * n + i]);
                out[i * n + j] = m;
                out[j * n + i] = m;
            }
        }
        return out;
    }

    /**
     * out = a b, all n × n row-major, in blocks of 2 rows × 4 columns held in registers (about three
     * times the speed of the plain triple loop at EEG sizes).
     */
    private static void multiplyInto(double[] a, double[] b, double[] out, int n) {
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int r0 = i * n;
            int r1 = r0 + n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                double s00 = 0;
                double s01 = 0;
                double s02 = 0;
                double s03 = 0;
                double s10 = 0;
                double s11 = 0;
                double s12 = 0;
                double s13 = 0;
                for (int k = 0; k < n; k++) {
                    int bk = k * n + j;
                    double x0 = a[r0 + k];
                    double x1 = a[r1 + k];
                    double b0 = b[bk];
                    double b1 = b[bk + 1];
                    double b2 = b[bk + 2];
                    double b3 = b[bk + 3];
                    s00 += x0 * b0;
                    s01 += x0 * b1;
                    s02 += x0 * b2;
                    s03 += x0 * b3;
                    s10 += x1 * b0;
                    s11 += x1 * b1;
                    s12 += x1 * b2;
                    s13 += x1 * b3;
                }
                out[r0 + j] = s00;
                out[r0 + j + 1] = s01;
                out[r0 + j + 2] = s02;
                out[r0 + j + 3] = s03;
                out[r1 + j] = s10;
                out[r1 + j + 1] = s11;
                out[r1 + j + 2] = s12;
                out[r1 + j + 3] = s13;
            }
            for (; j < n; j++) {
                double s0 = 0;
                double s1 = 0;
                for (int k = 0; k < n; k++) {
                    s0 += a[r0 + k] * b[k * n + j];
                    s1 += a[r1 + k] * b[k * n + j];
                }
                out[r0 + j] = s0;
                out[r1 + j] = s1;
            }
        }
        for (; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                out[i * n + j] = s;
            }
        }
    }

    /** The Riemannian distance to {@code b}: sqrt(Σ log² λ) over the eigenvalues of A^-1/2 B A^-1/2. */
    public double distance(Spd b) {
        return distanceFromWhitened(invSqrt(), b);
    }

    /** The distance between A and B given W = A^-1/2 (computed once per reference, for many B). */
    static double distanceFromWhitened(Spd inverseRoot, Spd b) {
        int n = b.n;
        double[] w = new double[n];
        SymmetricEigen.decompose(congruence(inverseRoot.values, b.values, n), n, w, null);
        double s = 0;
        for (double x : w) {
            if (!(x > 0)) {
                throw new SubjectsException("covariance is not positive definite (eigenvalue " + x + " relative to the"
                        + " reference); use a shrinkage estimator");
            }
            double l = Math.log(x);
            s += l * l;
        }
        return Math.sqrt(s);
    }

    /** The point at {@code t} on the geodesic from this matrix (t = 0) to {@code b} (t = 1): A^½ (A^-½ B A^-½)^t A^½. */
    public Spd geodesic(Spd b, double t) {
        Spd root = sqrt();
        return b.congruence(invSqrt()).pow(t).congruence(root);
    }

    /** This matrix times a trial, W X (channels × times): a spatial filter such as a whitener applied to the signals. */
    public double[][] apply(double[][] x) {
        if (x.length != n) {
            throw SubjectsException.shape("trial", n + " channels", x.length + "");
        }
        double[][] out = new double[n][x[0].length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double w = values[i * n + k];
                double[] from = x[k];
                double[] to = out[i];
                for (int t = 0; t < to.length; t++) {
                    to[t] += w * from[t];
                }
            }
        }
        return out;
    }

    /** A + B. */
    public Spd plus(Spd b) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += b.values[i];
        }
        return new Spd(n, out);
    }

    /** s A. */
    public Spd times(double s) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return new Spd(n, out);
    }

    /** The Frobenius norm. */
    public double norm() {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** The trace. */
    public double trace() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += values[i * n + i];
        }
        return s;
    }
}
