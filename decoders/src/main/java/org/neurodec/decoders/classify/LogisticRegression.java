package org.neurodec.decoders.classify;

import org.neurodec.decoders.DecoderException;

/**
 * L2-regularised logistic regression, the model of scikit-learn's {@code LogisticRegression(C)}:
 * it minimises the summed log loss + ‖W‖² / (2C) with unpenalised intercepts; two classes with one
 * weight vector, more with the multinomial (softmax) loss. Solved as scikit-learn's default solver
 * does, by L-BFGS (10 corrections, backtracking to a sufficient decrease), stopping when the largest
 * gradient component is at most {@code tol}, when the objective stops falling (relative change below
 * 64 machine epsilons) or after {@code maxIter} iterations; the loss and its gradient are two matrix
 * products per step ({@link DenseProducts}). {@link #fit(double[][], int[], int, double)} runs to the
 * optimum (tol 1e-10); the multinomial intercepts are centred (only their differences matter).
 */
public final class LogisticRegression {

    /** scikit-learn's default stopping tolerance and iteration budget. */
    public static final double DEFAULT_TOL = 1e-4;
    public static final int DEFAULT_MAX_ITER = 100;
    private static final int CORRECTIONS = 10;

    private final double[][] weights;
    private final double[] intercepts;
    private final int iterations;

    private LogisticRegression(double[][] weights, double[] intercepts, int iterations) {
        this.weights = weights;
        this.intercepts = intercepts;
        this.iterations = iterations;
    }

    /** Fits trials × features {@code x} with labels {@code y} in 0..classes−1 and inverse penalty {@code c}, to the optimum. */
    public static LogisticRegression fit(double[][] x, int[] y, int classes, double c) {
        return fit(x, y, classes, c, 1e-10, 100_000);
    }

    /** The same, stopping as scikit-learn's lbfgs does at {@code tol} (largest gradient component) or {@code maxIter} iterations. */
    public static LogisticRegression fit(double[][] x, int[] y, int classes, double c, double tol, int maxIter) {
        if (x.length != y.length || x.length == 0 || classes < 2 || !(c > 0) || !(tol > 0) || maxIter < 1) {
            throw new DecoderException("logistic regression: expected one label per trial, 2 or more classes, C and tol > 0"
                    + " and max_iter >= 1, found " + x.length + " trials, " + y.length + " labels, " + classes + " classes, C "
                    + c + ", tol " + tol + ", max_iter " + maxIter);
        }
        for (int label : y) {
            if (label < 0 || label >= classes) {
                throw new DecoderException("logistic regression: expected labels 0.." + (classes - 1) + ", found " + label);
            }
        }
        Objective f = new Objective(x, y, classes == 2 ? 1 : classes, c);
        int iterations = minimise(f, tol, maxIter);
        return f.model(iterations);
    }

    /** L-BFGS from zero on {@code f}; leaves the solution in {@code f.best}; returns the iterations taken. */
    private static int minimise(Objective f, double tol, int maxIter) {
        int size = f.size();
        double[] theta = new double[size];
        double[] g = new double[size];
        double value = f.evaluate(theta, g);
        double[][] s = new double[CORRECTIONS][];
        double[][] yv = new double[CORRECTIONS][];
        double[] rho = new double[CORRECTIONS];
        int stored = 0;
        int newest = -1;
        int iteration = 0;
        double[] nextG = new double[size];
        double[] next = new double[size];
        while (iteration < maxIter && maxAbs(g) > tol) {
            double[] d = direction(g, s, yv, rho, stored, newest);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                // not a descent direction: forget the curvature pairs and follow the gradient
                stored = 0;
                d = g.clone();
                for (int i = 0; i < size; i++) {
                    d[i] = -d[i];
                }
                slope = dot(g, d);
            }
            double t = stored == 0 ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
            double nextValue;
            while (true) {
                for (int i = 0; i < size; i++) {
                    next[i] = theta[i] + t * d[i];
                }
                nextValue = f.evaluate(next, nextG);
                if (nextValue <= value + 1e-4 * t * slope || t < 1e-20) {
                    break;
                }
                t *= 0.5;
            }
            if (!(nextValue <= value)) {
                break;
            }
            iteration++;
            double[] step = new double[size];
            double[] change = new double[size];
            for (int i = 0; i < size; i++) {
                step[i] = next[i] - theta[i];
                change[i] = nextG[i] - g[i];
            }
            double sy = dot(step, change);
            if (sy > 1e-12 * Math.sqrt(dot(step, step) * dot(change, change))) {
                newest = (newest + 1) % CORRECTIONS;
                s[newest] = step;
                yv[newest] = change;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, CORRECTIONS);
            }
            boolean stalled = (value - nextValue) <= 64 * Math.ulp(1.0) * Math.max(1, Math.max(Math.abs(value), Math.abs(nextValue)));
            System.arraycopy(next, 0, theta, 0, size);
            System.arraycopy(nextG, 0, g, 0, size);
            value = nextValue;
            if (stalled) {
                break;
            }
        }
        f.best = theta;
        return iteration;
    }

    /** The two-loop recursion: minus the inverse-Hessian estimate times {@code g}. */
    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest) {
        double[] q = g.clone();
        double[] alpha = new double[stored];
        for (int m = 0; m < stored; m++) {
            int k = Math.floorMod(newest - m, CORRECTIONS);
            alpha[m] = rho[k] * dot(s[k], q);
            axpy(-alpha[m], y[k], q);
        }
        if (stored > 0) {
            double gamma = 1 / (rho[newest] * dot(y[newest], y[newest]));
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int m = stored - 1; m >= 0; m--) {
            int k = Math.floorMod(newest - m, CORRECTIONS);
            double beta = rho[k] * dot(y[k], q);
            axpy(alpha[m] - beta, s[k], q);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    /**
     * The objective and its gradient over θ = (W as features × outputs, then the intercepts): scores
     * X·W + b, the log loss of their logistic or softmax, and the penalty on W.
     */
    private static final class Objective {
        private final double[] x;
        private final double[] xt;
        private final double[] targets;
        private final int n;
        private final int outputs;
        private final int p;
        private final double c;
        private final double[] z;
        private final double[] residual;
        private final double[] gw;
        double[] best;

        Objective(double[][] rows, int[] y, int outputs, double c) {
            this.n = rows.length;
            this.p = rows[0].length;
            this.outputs = outputs;
            this.c = c;
            this.x = new double[n * p];
            for (int i = 0; i < n; i++) {
                if (rows[i].length != p) {
                    throw new DecoderException("logistic regression: trial " + i + " has " + rows[i].length + " features, expected "
                            + p);
                }
                System.arraycopy(rows[i], 0, x, i * p, p);
            }
            this.xt = DenseProducts.transpose(x, n, p);
            this.targets = new double[n * outputs];
            for (int i = 0; i < n; i++) {
                targets[i * outputs + (outputs == 1 ? 0 : y[i])] = outputs == 1 ? (y[i] == 1 ? 1 : 0) : 1;
            }
            this.z = new double[n * outputs];
            this.residual = new double[n * outputs];
            this.gw = new double[p * outputs];
        }

        int size() {
            return (p + 1) * outputs;
        }

        /** The objective at {@code theta}; its gradient into {@code gradient}. */
        double evaluate(double[] theta, double[] gradient) {
            DenseProducts.times(x, n, p, theta, outputs, z);
            double[] t = targets;
            double loss = 0;
            double[] gb = new double[outputs];
            for (int i = 0; i < n; i++) {
                int o = i * outputs;
                for (int k = 0; k < outputs; k++) {
                    z[o + k] += theta[p * outputs + k];
                }
                if (outputs == 1) {
                    double v = z[o];
                    // log(1 + e^v) − t·v, stably
                    loss += (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))) - t[o] * v;
                    residual[o] = (v > 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))) - t[o];
                } else {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < outputs; k++) {
                        max = Math.max(max, z[o + k]);
                    }
                    double sum = 0;
                    for (int k = 0; k < outputs; k++) {
                        residual[o + k] = Math.exp(z[o + k] - max);
                        sum += residual[o + k];
                    }
                    double logSum = max + Math.log(sum);
                    for (int k = 0; k < outputs; k++) {
                        loss += t[o + k] * (logSum - z[o + k]);
                        residual[o + k] = residual[o + k] / sum - t[o + k];
                    }
                }
                for (int k = 0; k < outputs; k++) {
                    gb[k] += residual[o + k];
                }
            }
            DenseProducts.times(xt, p, n, residual, outputs, gw);
            double penalty = 0;
            for (int j = 0; j < p * outputs; j++) {
                penalty += theta[j] * theta[j];
                gradient[j] = gw[j] + theta[j] / c;
            }
            System.arraycopy(gb, 0, gradient, p * outputs, outputs);
            return loss + penalty / (2 * c);
        }

        LogisticRegression model(int iterations) {
            double[][] w = new double[outputs][p];
            double[] b = new double[outputs];
            double mean = 0;
            for (int k = 0; k < outputs; k++) {
                for (int j = 0; j < p; j++) {
                    w[k][j] = best[j * outputs + k];
                }
                b[k] = best[p * outputs + k];
                mean += b[k] / outputs;
            }
            if (outputs > 1) {
                for (int k = 0; k < outputs; k++) {
                    b[k] -= mean;
                }
            }
            return new LogisticRegression(w, b, iterations);
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** L-BFGS iterations the fit took. */
    public int iterations() {
        return iterations;
    }

    private static double[] scores(double[] theta, double[] xi, int outputs) {
        int width = xi.length + 1;
        double[] s = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            double v = theta[k * width + xi.length];
            for (int j = 0; j < xi.length; j++) {
                v += theta[k * width + j] * xi[j];
            }
            s[k] = v;
        }
        return s;
    }

    /** Class probabilities from scores: the logistic of one score, or the softmax of several. */
    private static double[] probabilities(double[] s) {
        if (s.length == 1) {
            double p1 = 1 / (1 + Math.exp(-s[0]));
            return new double[] {1 - p1, p1};
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] out = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            out[k] = Math.exp(s[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < s.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    /** Each trial's class probabilities, trials × classes. */
    public double[][] probabilities(double[][] x) {
        double[][] out = new double[x.length][];
        int width = weights[0].length + 1;
        double[] theta = new double[weights.length * width];
        for (int k = 0; k < weights.length; k++) {
            System.arraycopy(weights[k], 0, theta, k * width, weights[k].length);
            theta[k * width + width - 1] = intercepts[k];
        }
        for (int i = 0; i < x.length; i++) {
            out[i] = probabilities(scores(theta, x[i], weights.length));
        }
        return out;
    }

    /** The weights (one row for two classes, else one per class) and intercepts, for a model file. */
    public double[][] weights() {
        return java.util.Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
    }

    /** The intercepts (centred for more than two classes). */
    public double[] intercepts() {
        return intercepts.clone();
    }
}
