package org.neurodec.decoders.classify;

import org.neurodec.decoders.DecoderException;

/**
 * Z-scoring of features with the statistics of the rows it was fitted on (population standard
 * deviation; a constant feature is only centred), as scikit-learn's {@code StandardScaler}.
 *
 * @param mean each feature's mean
 * @param scale each feature's standard deviation, 1 where it is 0
 */
public record Standardizer(double[] mean, double[] scale) {

    /** The statistics of rows × features {@code x}. */
    public static Standardizer fit(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
        }
        return new Standardizer(mean, scale);
    }

    /** New rows, each feature centred and scaled; {@code x} is left as it is. */
    public double[][] apply(double[][] x) {
        double[][] z = new double[x.length][mean.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != mean.length) {
                throw new DecoderException("standardising: row " + i + ": expected " + mean.length + " features, found "
                        + x[i].length);
            }
            for (int j = 0; j < mean.length; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        return z;
    }
}
