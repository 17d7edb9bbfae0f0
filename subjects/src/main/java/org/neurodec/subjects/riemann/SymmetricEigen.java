package org.neurodec.subjects.riemann;

import org.neurodec.subjects.SubjectsException;

/**
 * Eigenvalues (and optionally eigenvectors) of a small real symmetric matrix, on flat row-major
 * arrays: Householder reduction to tridiagonal form, then the implicit QL iteration with Wilkinson
 * shifts. Eigenvalues come back in ascending order, eigenvectors as the rows of a row-major matrix
 * (row k is the k-th eigenvector, so that the QL rotations and the caller's sums run over contiguous memory).
 * Written for the 8–64-channel covariances of EEG, where the cost of a call dominates.
 */
final class SymmetricEigen {

    private static final double EPS = Math.ulp(1.0);

    private SymmetricEigen() {
    }

    /**
     * Decomposes {@code a} (n × n, symmetric, row-major; only read) into {@code values} (length n,
     * ascending) and, when {@code vectors} is not null, its eigenvectors as the rows of
     * {@code vectors} (n × n row-major: entry (k, i) is component i of eigenvector k).
     */
    static void decompose(double[] a, int n, double[] values, double[] vectors) {
        double[] z = new double[n * n];
        System.arraycopy(a, 0, z, 0, n * n);
        double[] e = new double[n];
        tridiagonalize(z, n, values, e, vectors != null);
        if (vectors != null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    vectors[j * n + i] = z[i * n + j];
                }
            }
        }
        ql(values, e, n, vectors);
        sort(values, vectors, n);
    }

    /** Householder reduction of z in place; d gets the diagonal, e the subdiagonal (e[i] below d[i]); z the transform. */
    private static void tridiagonalize(double[] z, int n, double[] d, double[] e, boolean accumulate) {
        for (int i = n - 1; i > 0; i--) {
            int l = i - 1;
            double h = 0;
            if (l > 0) {
                double scale = 0;
                for (int k = 0; k <= l; k++) {
                    scale += Math.abs(z[i * n + k]);
                }
                if (scale == 0) {
                    e[i] = z[i * n + l];
                } else {
                    for (int k = 0; k <= l; k++) {
                        z[i * n + k] /= scale;
                        h += z[i * n + k] * z[i * n + k];
                    }
                    double f = z[i * n + l];
                    double g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    z[i * n + l] = f - g;
                    f = 0;
                    for (int j = 0; j <= l; j++) {
                        if (accumulate) {
                            z[j * n + i] = z[i * n + j] / h;
                        }
                        g = 0;
                        for (int k = 0; k <= j; k++) {
                            g += z[j * n + k] * z[i * n + k];
                        }
                        for (int k = j + 1; k <= l; k++) {
                            g += z[k * n + j] * z[i * n + k];
                        }
                        e[j] = g / h;
                        f += e[j] * z[i * n + j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j <= l; j++) {
                        f = z[i * n + j];
                        g = e[j] - hh * f;
                        e[j] = g;
                        for (int k = 0; k <= j; k++) {
                            z[j * n + k] -= f * e[k] + g * z[i * n + k];
                        }
                    }
                }
            } else {
                e[i] = z[i * n + l];
            }
            d[i] = h;
        }
        d[0] = 0;
        e[0] = 0;
        for (int i = 0; i < n; i++) {
            if (accumulate) {
                int l = i - 1;
                if (d[i] != 0) {
                    for (int j = 0; j <= l; j++) {
                        double g = 0;
                        for (int k = 0; k <= l; k++) {
                            g += z[i * n + k] * z[k * n + j];
                        }
                        for (int k = 0; k <= l; k++) {
                            z[k * n + j] -= g * z[k * n + i];
                        }
                    }
                }
                d[i] = z[i * n + i];
                z[i * n + i] = 1;
                for (int j = 0; j <= l; j++) {
                    z[j * n + i] = 0;
                    z[i * n + j] = 0;
                }
            } else {
                d[i] = z[i * n + i];
            }
        }
    }

    /** Implicit QL with shifts on the tridiagonal (d, e); rotations applied to the rows of z (vectors as rows) when not null. */
    private static void ql(double[] d, double[] e, int n, double[] z) {
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= EPS * dd) {
                        break;
                    }
                }
                if (m != l) {
                    if (iterations++ == 60) {
                        throw new SubjectsException("symmetric eigenvalues: no convergence after 60 iterations");
                    }
                    double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                    double r = Math.hypot(g, 1.0);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1;
                    double c = 1;
                    double p = 0;
                    int i;
                    boolean underflow = false;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = Math.hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) {
                            d[i + 1] -= p;
                            e[m] = 0;
                            underflow = true;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2.0 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                        if (z != null) {
                            int ri = i * n;
                            int rn = ri + n;
                            for (int k = 0; k < n; k++) {
                                double zf = z[rn + k];
                                double zi = z[ri + k];
                                z[rn + k] = s * zi + c * zf;
                                z[ri + k] = c * zi - s * zf;
                            }
                        }
                    }
                    if (underflow) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
    }

    /** Sorts values ascending, with their vectors (rows). */
    private static void sort(double[] d, double[] z, int n) {
        for (int i = 0; i < n - 1; i++) {
            int k = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] < d[k]) {
                    k = j;
                }
            }
            if (k != i) {
                double t = d[i];
                d[i] = d[k];
                d[k] = t;
                if (z != null) {
                    for (int r = 0; r < n; r++) {
                        double v = z[i * n + r];
                        z[i * n + r] = z[k * n + r];
                        z[k * n + r] = v;
                    }
                }
            }
        }
    }
}
