package org.neurodec.cohort;

import java.util.Random;

/** The small dense helpers of the generator: Gaussian matrices and matrix-vector products. */
final class Matrices {

    private Matrices() {
    }

    /** A rows × cols matrix of independent N(0, scale²) draws. */
    static double[][] gaussian(Random random, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = scale * random.nextGaussian();
            }
        }
        return m;
    }

    /** m · v. */
    static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
        return out;
    }
}
