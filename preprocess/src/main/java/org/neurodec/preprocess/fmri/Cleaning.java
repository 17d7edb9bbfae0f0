package org.neurodec.preprocess.fmri;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.neurodec.preprocess.PreprocessException;

/**
 * Cleaning of fMRI time series (frames × voxels) in nilearn's order: linear detrending, high-pass by
 * regressing out a cosine drift basis, confound regression with the confounds first put through the
 * same detrending and high-pass (so that the two stay orthogonal), then standardisation.
 *
 * @param detrend remove each series' least-squares line
 * @param highPassHz cosine high-pass cutoff in Hz, or NaN for none
 * @param standardize "none", "zscore" (mean 0, population std 1) or "psc" (percent signal change)
 */
public record Cleaning(boolean detrend, double highPassHz, String standardize) {

    /** Validates the standardisation name. */
    public Cleaning {
        if (!List.of("none", "zscore", "psc").contains(standardize)) {
            throw PreprocessException.badParameter("standardize", "none, zscore or psc", standardize);
        }
    }

    /** The cleaned series; {@code confounds} (frames × confounds) may be null. */
    public double[][] apply(double[][] data, double[] frameTimes, double[][] confounds) {
        int n = data.length;
        if (frameTimes.length != n || (confounds != null && confounds.length != n)) {
            throw PreprocessException.badParameter("frames", n + " frame times and confound rows",
                    frameTimes.length + " frame times, " + (confounds == null ? 0 : confounds.length) + " confound rows");
        }
        double[] means = columnMeans(data);
        double[][] y = copy(data);
        double[][] c = confounds == null ? null : copy(confounds);
        List<double[][]> stages = new ArrayList<>();
        if (detrend) {
            double[][] line = new double[n][2];
            for (int t = 0; t < n; t++) {
                line[t][0] = 1;
                line[t][1] = t;
            }
            stages.add(line);
        }
        if (!Double.isNaN(highPassHz)) {
            stages.add(Drift.cosine(frameTimes, highPassHz));
        }
        for (double[][] basis : stages) {
            y = residuals(basis, y);
            if (c != null) {
                c = residuals(basis, c);
            }
        }
        if (c != null) {
            double[][] withConstant = new double[n][c[0].length + 1];
            for (int t = 0; t < n; t++) {
                System.arraycopy(c[t], 0, withConstant[t], 0, c[t].length);
                withConstant[t][c[t].length] = 1;
            }
            y = residuals(withConstant, y);
        }
        return standardized(y, means);
    }

    private double[][] standardized(double[][] y, double[] originalMeans) {
        int n = y.length;
        int voxels = y[0].length;
        if (standardize.equals("none")) {
            return y;
        }
        double[] means = columnMeans(y);
        for (int v = 0; v < voxels; v++) {
            double scale;
            if (standardize.equals("zscore")) {
                double var = 0;
                for (double[] row : y) {
                    var += (row[v] - means[v]) * (row[v] - means[v]);
                }
                scale = Math.sqrt(var / n);
            } else {
                scale = Math.abs(originalMeans[v]) / 100;
            }
            for (double[] row : y) {
                row[v] = scale == 0 ? 0 : (row[v] - means[v]) / scale;
            }
        }
        return y;
    }

    /** y minus its least-squares projection on the columns of {@code basis}. */
    static double[][] residuals(double[][] basis, double[][] y) {
        RealMatrix x = new Array2DRowRealMatrix(basis, false);
        RealMatrix target = new Array2DRowRealMatrix(y, false);
        RealMatrix fitted = x.multiply(new QRDecomposition(x).getSolver().solve(target));
        return target.subtract(fitted).getData();
    }

    private static double[] columnMeans(double[][] y) {
        double[] means = new double[y[0].length];
        for (double[] row : y) {
            for (int v = 0; v < row.length; v++) {
                means[v] += row[v];
            }
        }
        for (int v = 0; v < means.length; v++) {
            means[v] /= y.length;
        }
        return means;
    }

    private static double[][] copy(double[][] y) {
        double[][] out = new double[y.length][];
        for (int t = 0; t < y.length; t++) {
            out[t] = y[t].clone();
        }
        return out;
    }
}
