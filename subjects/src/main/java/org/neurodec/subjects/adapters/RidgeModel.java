package org.neurodec.subjects.adapters;

/**
 * A fitted ridge map: {@code y = x W + b}.
 *
 * @param weights features × targets
 * @param intercept one per target
 * @param alphas the penalty chosen for each target
 * @param looErrors the mean leave-one-out squared error of each candidate alpha
 */
public record RidgeModel(double[][] weights, double[] intercept, double[] alphas, double[] looErrors) {

    /** Predicts one trial. */
    public double[] predict(double[] x) {
        double[] y = intercept.clone();
        for (int f = 0; f < x.length; f++) {
            double v = x[f];
            if (v != 0) {
                double[] w = weights[f];
                for (int t = 0; t < y.length; t++) {
                    y[t] += v * w[t];
                }
            }
        }
        return y;
    }

    /** Predicts each row. */
    public double[][] predict(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = predict(x[i]);
        }
        return out;
    }
}
