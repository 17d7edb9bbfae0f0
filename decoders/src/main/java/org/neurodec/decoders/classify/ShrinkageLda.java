package org.neurodec.decoders.classify;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;
import org.neurodec.decoders.DecoderException;

/**
 * Linear discriminant analysis with a Ledoit–Wolf shrunk covariance, as scikit-learn's
 * {@code LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")}: each class's covariance is
 * estimated on standardised features with the Ledoit–Wolf shrinkage intensity, scaled back, and the
 * classes' covariances are averaged with the class priors as weights. Scores are
 * {@code x Σ⁻¹ μ_k − ½ μ_k Σ⁻¹ μ_k + log prior_k}; with two classes the decision value is the second
 * class's score minus the first's.
 */
public final class ShrinkageLda {

    private final double[][] coef;
    private final double[] intercept;

    private ShrinkageLda(double[][] coef, double[] intercept) {
        this.coef = coef;
        this.intercept = intercept;
    }

    /** Fits trials × features {@code x} with class labels {@code y} in 0..classes-1 (every class present). */
    public static ShrinkageLda fit(double[][] x, int[] y, int classes) {
        return fit(x, y, classes, true);
    }

    /**
     * The same model with the empirical (maximum likelihood) class covariances, not shrunk: for few
     * features and many trials, as scikit-learn's default {@code LinearDiscriminantAnalysis()}.
     */
    public static ShrinkageLda fitEmpirical(double[][] x, int[] y, int classes) {
        return fit(x, y, classes, false);
    }

    private static ShrinkageLda fit(double[][] x, int[] y, int classes, boolean shrink) {
        int n = x.length;
        int p = x[0].length;
        double[][] means = new double[classes][p];
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            counts[y[i]]++;
            for (int j = 0; j < p; j++) {
                means[y[i]][j] += x[i][j];
            }
        }
        for (int k = 0; k < classes; k++) {
            if (counts[k] < 2) {
                throw new DecoderException("shrinkage LDA: class " + k + ": expected at least 2 trials, found " + counts[k]);
            }
            for (int j = 0; j < p; j++) {
                means[k][j] /= counts[k];
            }
        }
        double[][] covariance = new double[p][p];
        for (int k = 0; k < classes; k++) {
            double[][] xk = new double[counts[k]][];
            for (int i = 0, r = 0; i < n; i++) {
                if (y[i] == k) {
                    xk[r++] = x[i];
                }
            }
            double[][] ck = shrink ? shrunkCovariance(xk) : empiricalCovariance(xk);
            double prior = counts[k] / (double) n;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    covariance[a][b] += prior * ck[a][b];
                }
            }
        }
        DecompositionSolver solver;
        try {
            solver = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance, false), 1e-9, 0).getSolver();
        } catch (org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException e) {
            // a feature constant within every class (few trials) leaves the covariance singular: a ridge of
            // 1e-9 of the mean variance keeps it invertible and leaves every other direction as it was
            double trace = 0;
            for (int a = 0; a < p; a++) {
                trace += covariance[a][a];
            }
            double ridge = 1e-9 * (trace > 0 ? trace / p : 1);
            for (int a = 0; a < p; a++) {
                covariance[a][a] += ridge;
            }
            solver = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance, false), 1e-12, 0).getSolver();
        }
        RealMatrix solved = solver.solve(new Array2DRowRealMatrix(means, false).transpose());
        double[][] coef = solved.transpose().getData();
        double[] intercept = new double[classes];
        for (int k = 0; k < classes; k++) {
            double quad = 0;
            for (int j = 0; j < p; j++) {
                quad += means[k][j] * coef[k][j];
            }
            intercept[k] = -0.5 * quad + Math.log(counts[k] / (double) n);
        }
        return new ShrinkageLda(coef, intercept);
    }

    private static double[] columnMeans(double[][] x) {
        double[] mean = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        return mean;
    }

    /** The maximum likelihood covariance (mean-centred, divided by n). */
    static double[][] empiricalCovariance(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[] mean = columnMeans(x);
        double[][] out = new double[p][p];
        for (double[] row : x) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    out[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]) / n;
                }
            }
        }
        return out;
    }

    /**
     * The Ledoit–Wolf covariance of standardised data, scaled back to the data's units (maximum
     * likelihood covariance, divided by n, shrunk towards a multiple of the identity).
     */
    static double[][] shrunkCovariance(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[] mean = columnMeans(x);
        double[] scale = new double[p];
        // standardised features as rows (contiguous over trials), and their squares, for the Gram matrices below
        double[][] columns = new double[p][n];
        double[][] squaredColumns = new double[p][n];
        for (int j = 0; j < p; j++) {
            double var = 0;
            for (double[] row : x) {
                var += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            scale[j] = var > 0 ? Math.sqrt(var / n) : 1;
            for (int i = 0; i < n; i++) {
                double z = (x[i][j] - mean[j]) / scale[j];
                columns[j][i] = z;
                squaredColumns[j][i] = z * z;
            }
        }
        double[][] empirical = new double[p][p];
        double[][] squares = new double[p][p];
        gramUpperTriangles(columns, squaredColumns, n, empirical, squares);
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                empirical[a][b] /= n;
            }
        }
        double trace = 0;
        for (int a = 0; a < p; a++) {
            trace += empirical[a][a];
            for (int b = 0; b < a; b++) {
                empirical[a][b] = empirical[b][a];
                squares[a][b] = squares[b][a];
            }
        }
        double mu = trace / p;
        double beta = 0;
        double delta = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                beta += squares[a][b];
                delta += empirical[a][b] * empirical[a][b];
            }
        }
        beta = (beta / n - delta) / ((double) p * n);
        delta = (delta - 2 * mu * trace + p * mu * mu) / p;
        double shrinkage = beta == 0 ? 0 : Math.min(beta, delta) / delta;
        double[][] out = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = (1 - shrinkage) * empirical[Math.min(a, b)][Math.max(a, b)] + (a == b ? shrinkage * mu : 0);
                out[a][b] = Math.min(scale[a], scale[b]) * s * Math.max(scale[a], scale[b]);
            }
        }
        return out;
    }

    /** Columns per tile and trials per chunk of the Gram matrices: a tile's chunk (2 × 32 × 512 doubles) stays in cache. */
    private static final int TILE = 32;
    private static final int CHUNK = 512;

    /**
     * The upper triangles of the Gram matrices of {@code columns} and of {@code squared} (features ×
     * trials): {@code gram[a][b] = Σ_i columns[a][i] · columns[b][i]} for a ≤ b. Tiles of rows run in
     * parallel; within a tile, the trials go by in chunks and every other column is read once per
     * chunk for the whole tile (not once per row), two rows at a time, so the work is arithmetic, not
     * memory traffic.
     */
    private static void gramUpperTriangles(double[][] columns, double[][] squared, int n, double[][] gram,
            double[][] squaredGram) {
        int p = columns.length;
        java.util.stream.IntStream.range(0, (p + TILE - 1) / TILE).parallel().forEach(tile -> {
            int first = tile * TILE;
            int last = Math.min(p, first + TILE);
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                for (int b = first; b < p; b++) {
                    double[] cb = columns[b];
                    double[] sb = squared[b];
                    int rows = Math.min(last, b + 1);
                    int a = first;
                    for (; a + 1 < rows; a += 2) {
                        double[] c0 = columns[a];
                        double[] s0 = squared[a];
                        double[] c1 = columns[a + 1];
                        double[] s1 = squared[a + 1];
                        double e0 = 0;
                        double q0 = 0;
                        double e1 = 0;
                        double q1 = 0;
                        for (int i = from; i < to; i++) {
                            double c = cb[i];
                            double q = sb[i];
                            e0 += c0[i] * c;
                            q0 += s0[i] * q;
                            e1 += c1[i] * c;
                            q1 += s1[i] * q;
                        }
                        gram[a][b] += e0;
                        squaredGram[a][b] += q0;
                        gram[a + 1][b] += e1;
                        squaredGram[a + 1][b] += q1;
                    }
                    for (; a < rows; a++) {
                        double[] c0 = columns[a];
                        double[] s0 = squared[a];
                        double e0 = 0;
                        double q0 = 0;
                        for (int i = from; i < to; i++) {
                            e0 += c0[i] * cb[i];
                            q0 += s0[i] * sb[i];
                        }
                        gram[a][b] += e0;
                        squaredGram[a][b] += q0;
                    }
                }
            }
        });
    }

    /** The discriminant weights, classes × features. */
    public double[][] coefficients() {
        return java.util.Arrays.stream(coef).map(double[]::clone).toArray(double[][]::new);
    }

    /** The discriminant intercepts, one per class. */
    public double[] intercepts() {
        return intercept.clone();
    }

    /** Class scores of each trial, trials × classes. */
    public double[][] scores(double[][] x) {
        double[][] out = new double[x.length][coef.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < coef.length; k++) {
                double s = intercept[k];
                for (int j = 0; j < x[i].length; j++) {
                    s += x[i][j] * coef[k][j];
                }
                out[i][k] = s;
            }
        }
        return out;
    }

    /** Two classes: the decision value of each trial (positive favours class 1). */
    public double[] decision(double[][] x) {
        double[][] s = scores(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = s[i][1] - s[i][0];
        }
        return out;
    }
}
