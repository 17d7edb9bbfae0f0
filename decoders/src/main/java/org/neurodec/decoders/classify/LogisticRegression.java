package org.neurodec.decoders.classify;

import org.neurodec.decoders.DecoderException;

/**
 * L2-regularised logistic regression, the model of scikit-learn's {@code LogisticRegression(C)}:
 * it minimises C · (summed log loss) + ½‖W‖² with unpenalised intercepts; two classes with one
 * weight vector, more with the multinomial (softmax) loss. Solved by Newton's method with the
 * step from conjugate gradients on Hessian-vector products (so many features cost no p × p matrix)
 * and backtracking, to a gradient below 1e-11 relative; the multinomial intercepts are centred (only
 * their differences matter).
 */
public final class LogisticRegression {

    private final double[][] weights;
    private final double[] intercepts;

    private LogisticRegression(double[][] weights, double[] intercepts) {
        this.weights = weights;
        this.intercepts = intercepts;
    }

    /** Fits trials × features {@code x} with labels {@code y} in 0..classes−1 and inverse penalty {@code c}. */
    public static LogisticRegression fit(double[][] x, int[] y, int classes, double c) {
        if (x.length != y.length || x.length == 0 || classes < 2 || !(c > 0)) {
            throw new DecoderException("logistic regression: expected one label per trial, 2 or more classes and C > 0, found "
                    + x.length + " trials, " + y.length + " labels, " + classes + " classes, C " + c);
        }
        int outputs = classes == 2 ? 1 : classes;
        int p = x[0].length;
        int width = p + 1;
        double[] theta = new double[outputs * width];
        double objective = objective(theta, x, y, outputs, c);
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] gradient = gradient(theta, x, y, outputs, c);
            double norm = 0;
            for (double g : gradient) {
                norm += g * g;
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-11 * Math.max(1, Math.abs(objective))) {
                break;
            }
            double[] step = conjugateGradient(theta, x, outputs, c, gradient, Math.min(0.5, Math.sqrt(norm)) * norm);
            double t = 1;
            double[] next = new double[theta.length];
            double value;
            do {
                for (int i = 0; i < theta.length; i++) {
                    next[i] = theta[i] - t * step[i];
                }
                value = objective(next, x, y, outputs, c);
                t /= 2;
            } while (value > objective && t > 1e-12);
            if (value > objective) {
                break;
            }
            theta = next;
            objective = value;
        }
        double[][] w = new double[outputs][p];
        double[] b = new double[outputs];
        double mean = 0;
        for (int k = 0; k < outputs; k++) {
            System.arraycopy(theta, k * width, w[k], 0, p);
            b[k] = theta[k * width + p];
            mean += b[k] / outputs;
        }
        if (outputs > 1) {
            for (int k = 0; k < outputs; k++) {
                b[k] -= mean;
            }
        }
        return new LogisticRegression(w, b);
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

    private static double objective(double[] theta, double[][] x, int[] y, int outputs, double c) {
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double[] s = scores(theta, x[i], outputs);
            if (outputs == 1) {
                double z = y[i] == 1 ? s[0] : -s[0];
                loss += z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : s) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (double v : s) {
                    sum += Math.exp(v - max);
                }
                loss += max + Math.log(sum) - s[y[i]];
            }
        }
        double penalty = 0;
        int width = x[0].length + 1;
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < width - 1; j++) {
                penalty += theta[k * width + j] * theta[k * width + j];
            }
        }
        return c * loss + 0.5 * penalty;
    }

    private static double[] gradient(double[] theta, double[][] x, int[] y, int outputs, double c) {
        int p = x[0].length;
        int width = p + 1;
        double[] gradient = new double[theta.length];
        for (int i = 0; i < x.length; i++) {
            double[] prob = probabilities(scores(theta, x[i], outputs));
            for (int k = 0; k < outputs; k++) {
                double q = outputs == 1 ? prob[1] : prob[k];
                double target = outputs == 1 ? (y[i] == 1 ? 1 : 0) : (y[i] == k ? 1 : 0);
                double r = c * (q - target);
                for (int j = 0; j < p; j++) {
                    gradient[k * width + j] += r * x[i][j];
                }
                gradient[k * width + p] += r;
            }
        }
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < p; j++) {
                gradient[k * width + j] += theta[k * width + j];
            }
        }
        return gradient;
    }

    /**
     * The Hessian of the objective at {@code theta} times {@code v}, without forming the Hessian: per
     * trial, the loss curvature along v's scores, back through the trial's features; plus the penalty;
     * plus 1e-8 on the intercepts, which softmax can all shift together.
     */
    private static double[] hessianTimes(double[] theta, double[][] x, int outputs, double c, double[] v) {
        int p = x[0].length;
        int width = p + 1;
        double[] out = new double[theta.length];
        for (double[] xi : x) {
            double[] prob = probabilities(scores(theta, xi, outputs));
            double[] a = scores(v, xi, outputs);
            double[] r = new double[outputs];
            if (outputs == 1) {
                r[0] = prob[1] * (1 - prob[1]) * a[0];
            } else {
                double mean = 0;
                for (int l = 0; l < outputs; l++) {
                    mean += prob[l] * a[l];
                }
                for (int k = 0; k < outputs; k++) {
                    r[k] = prob[k] * (a[k] - mean);
                }
            }
            for (int k = 0; k < outputs; k++) {
                double rk = c * r[k];
                for (int j = 0; j < p; j++) {
                    out[k * width + j] += rk * xi[j];
                }
                out[k * width + p] += rk;
            }
        }
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < p; j++) {
                out[k * width + j] += v[k * width + j];
            }
            out[k * width + p] += 1e-8 * v[k * width + p];
        }
        return out;
    }

    /** The Newton step: H s = g solved by conjugate gradients until the residual is below {@code tolerance}. */
    private static double[] conjugateGradient(double[] theta, double[][] x, int outputs, double c, double[] g, double tolerance) {
        double[] s = new double[g.length];
        double[] r = g.clone();
        double[] d = g.clone();
        double rr = dot(r, r);
        for (int i = 0; i < 10 * g.length + 10 && Math.sqrt(rr) > tolerance; i++) {
            double[] hd = hessianTimes(theta, x, outputs, c, d);
            double alpha = rr / dot(d, hd);
            for (int j = 0; j < s.length; j++) {
                s[j] += alpha * d[j];
                r[j] -= alpha * hd[j];
            }
            double next = dot(r, r);
            for (int j = 0; j < d.length; j++) {
                d[j] = r[j] + next / rr * d[j];
            }
            rr = next;
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
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
