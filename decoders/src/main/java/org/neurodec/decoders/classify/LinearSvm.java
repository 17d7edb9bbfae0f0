package org.neurodec.decoders.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Random;
import java.util.stream.IntStream;
import org.neurodec.decoders.DecoderException;

/**
 * A linear support vector machine, the model of scikit-learn's {@code LinearSVC} with its defaults:
 * squared hinge loss, L2 penalty, solved by liblinear (the library scikit-learn calls) in the dual by
 * coordinate descent or in the primal by a trust-region Newton method (both reach the same optimum;
 * the primal is much faster with many trials per feature), the intercept learnt as the weight of a constant feature of value
 * {@code interceptScaling} (so it is penalised too), one-vs-rest for more than two classes. With two
 * classes there is one decision value, positive for the second class; with more, one per class in
 * class order; the binary problems of one-vs-rest are solved in parallel. The visiting order of the
 * solver is seeded per problem, so a fit is reproducible.
 */
public final class LinearSvm {

    static {
        Linear.disableDebugOutput();
    }

    private final double[][] weights;
    private final double[] intercepts;

    private LinearSvm(double[][] weights, double[] intercepts) {
        this.weights = weights;
        this.intercepts = intercepts;
    }

    /**
     * Fits trials × features {@code x} with labels {@code y} in 0..classes−1 (every class present).
     *
     * @param c inverse penalty, > 0
     * @param tolerance the solver's stopping tolerance (scikit-learn's {@code tol}, default 1e-4)
     * @param maxIterations at most this many passes over the data per binary problem (default 1000)
     * @param interceptScaling the constant feature's value (scikit-learn's {@code intercept_scaling}, default 1)
     */
    public static LinearSvm fit(double[][] x, int[] y, int classes, double c, double tolerance, int maxIterations,
            double interceptScaling) {
        return fit(x, y, classes, c, tolerance, maxIterations, interceptScaling, true);
    }

    /** The same, solved in the dual ({@code dual}) or in the primal. */
    public static LinearSvm fit(double[][] x, int[] y, int classes, double c, double tolerance, int maxIterations,
            double interceptScaling, boolean dual) {
        if (x.length != y.length || x.length == 0 || classes < 2 || !(c > 0) || !(tolerance > 0) || maxIterations < 1
                || !(interceptScaling > 0)) {
            throw new DecoderException("linear SVM: expected one label per trial, 2 or more classes, C, tol and intercept"
                    + " scaling > 0 and max_iter >= 1, found " + x.length + " trials, " + y.length + " labels, " + classes
                    + " classes, C " + c + ", tol " + tolerance + ", max_iter " + maxIterations + ", intercept scaling "
                    + interceptScaling);
        }
        boolean[] present = new boolean[classes];
        for (int label : y) {
            if (label < 0 || label >= classes) {
                throw new DecoderException("linear SVM: expected labels 0.." + (classes - 1) + ", found " + label);
            }
            present[label] = true;
        }
        for (int k = 0; k < classes; k++) {
            if (!present[k]) {
                throw new DecoderException("linear SVM: expected trials of every class to train on, found none of class " + k
                        + " (a split whose training part lacks a class; stratify the splits)");
            }
        }
        int p = x[0].length;
        Feature[][] rows = new Feature[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new DecoderException("linear SVM: trial " + i + " has " + x[i].length + " features, expected " + p);
            }
            Feature[] row = new Feature[p + 1];
            for (int j = 0; j < p; j++) {
                row[j] = new FeatureNode(j + 1, x[i][j]);
            }
            row[p] = new FeatureNode(p + 1, interceptScaling);
            rows[i] = row;
        }
        int outputs = classes == 2 ? 1 : classes;
        double[][] weights = new double[outputs][p];
        double[] intercepts = new double[outputs];
        // one-vs-rest as liblinear does it, each class's binary problem on its own core
        IntStream.range(0, outputs).parallel().forEach(k -> {
            int positive = classes == 2 ? 1 : k;
            Problem problem = new Problem();
            problem.l = x.length;
            problem.n = p + 1;
            problem.bias = interceptScaling;
            problem.x = rows;
            problem.y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                problem.y[i] = y[i] == positive ? 1 : 0;
            }
            Parameter parameter = new Parameter(dual ? SolverType.L2R_L2LOSS_SVC_DUAL : SolverType.L2R_L2LOSS_SVC, c, tolerance,
                    maxIterations, 0.1);
            parameter.setRandom(new Random(k));
            Model model = Linear.train(problem, parameter);
            double[] w = model.getFeatureWeights();
            // liblinear's first label (by first appearance) is the positive side of its decision value
            double sign = model.getLabels()[0] == 1 ? 1 : -1;
            for (int j = 0; j < p; j++) {
                weights[k][j] = sign * w[j];
            }
            intercepts[k] = sign * w[p] * interceptScaling;
        });
        return new LinearSvm(weights, intercepts);
    }

    /** Decision values, trials × 1 (two classes: positive for the second) or trials × classes. */
    public double[][] decision(double[][] x) {
        double[][] out = new double[x.length][weights.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != weights[0].length) {
                throw new DecoderException("linear SVM: trial " + i + " has " + x[i].length + " features, the model "
                        + weights[0].length);
            }
            for (int k = 0; k < weights.length; k++) {
                double v = intercepts[k];
                for (int j = 0; j < x[i].length; j++) {
                    v += weights[k][j] * x[i][j];
                }
                out[i][k] = v;
            }
        }
        return out;
    }

    /** The weight vector of each decision value (one for two classes). */
    public double[][] weights() {
        return weights;
    }

    /** The intercept of each decision value. */
    public double[] intercepts() {
        return intercepts;
    }
}
