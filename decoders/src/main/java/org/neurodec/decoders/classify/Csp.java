package org.neurodec.decoders.classify;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.neurodec.decoders.DecoderException;

/**
 * Common spatial patterns for two classes (Ramoser et al. 2000), as MNE's {@code CSP} with
 * {@code cov_est="concat"}, no regularisation and log-power features: each class's covariance is
 * X Xᵀ / (N − 1) over its epochs laid end to end (N samples, not mean-centred, as MNE's empirical
 * estimate), the filters solve the generalised eigenproblem C₀ w = λ (C₀ + C₁) w, and the components
 * whose λ lie farthest from ½ come first. A trial's features are the log of each component's mean
 * power.
 */
public final class Csp {

    private final double[][] filters;
    private final double[] eigenvalues;

    private Csp(double[][] filters, double[] eigenvalues) {
        this.filters = filters;
        this.eigenvalues = eigenvalues;
    }

    /**
     * Fits {@code components} filters to epochs × channels × samples {@code x} labelled 0 or 1.
     *
     * @throws DecoderException when a class is missing, the shapes disagree, or the covariances are
     *         not full rank (as after an average reference: drop a channel first)
     */
    public static Csp fit(double[][][] x, int[] labels, int components) {
        if (x.length != labels.length || x.length == 0) {
            throw new DecoderException("CSP: expected one label per epoch, found " + x.length + " epochs and "
                    + labels.length + " labels");
        }
        int channels = x[0].length;
        if (components < 1 || components > channels) {
            throw new DecoderException("CSP: expected 1.." + channels + " components, found " + components);
        }
        double[][][] covariances = new double[2][][];
        for (int c = 0; c < 2; c++) {
            covariances[c] = classCovariance(x, labels, c);
        }
        RealMatrix a = new Array2DRowRealMatrix(covariances[0], false);
        RealMatrix b = a.add(new Array2DRowRealMatrix(covariances[1], false));
        RealMatrix lower;
        try {
            lower = new CholeskyDecomposition(b, 1e-12, 0).getL();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new DecoderException("CSP: the summed class covariance is not full rank (" + channels + " channels);"
                    + " re-referenced data needs one channel dropped", e);
        }
        RealMatrix lowerInverse = MatrixUtils.inverse(lower);
        RealMatrix whitened = lowerInverse.multiply(a).multiply(lowerInverse.transpose());
        whitened = whitened.add(whitened.transpose()).scalarMultiply(0.5);
        EigenDecomposition eigen = new EigenDecomposition(whitened);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = IntStream.range(0, channels).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(values[i] - 0.5)));
        RealMatrix back = lowerInverse.transpose();
        double[][] filters = new double[components][];
        double[] kept = new double[components];
        for (int k = 0; k < components; k++) {
            filters[k] = back.operate(eigen.getEigenvector(order[k])).toArray();
            kept[k] = values[order[k]];
        }
        return new Csp(filters, kept);
    }

    private static double[][] classCovariance(double[][][] x, int[] labels, int label) {
        int channels = x[0].length;
        double[][] sum = new double[channels][channels];
        long samples = 0;
        for (int e = 0; e < x.length; e++) {
            if (labels[e] != label) {
                continue;
            }
            if (x[e].length != channels) {
                throw new DecoderException("CSP: epoch " + e + ": expected " + channels + " channels, found " + x[e].length);
            }
            samples += x[e][0].length;
            for (int i = 0; i < channels; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    double[] xi = x[e][i];
                    double[] xj = x[e][j];
                    for (int t = 0; t < xi.length; t++) {
                        s += xi[t] * xj[t];
                    }
                    sum[i][j] += s;
                }
            }
        }
        if (samples < 2) {
            throw new DecoderException("CSP: class " + label + ": expected epochs of it, found none");
        }
        for (int i = 0; i < channels; i++) {
            for (int j = 0; j <= i; j++) {
                sum[i][j] /= samples - 1;
                sum[j][i] = sum[i][j];
            }
        }
        return sum;
    }

    /** Each epoch's features: the log of each component's mean power, epochs × components. */
    public double[][] features(double[][][] x) {
        double[][] out = new double[x.length][filters.length];
        for (int e = 0; e < x.length; e++) {
            int samples = x[e][0].length;
            for (int k = 0; k < filters.length; k++) {
                double power = 0;
                for (int t = 0; t < samples; t++) {
                    double s = 0;
                    for (int c = 0; c < filters[k].length; c++) {
                        s += filters[k][c] * x[e][c][t];
                    }
                    power += s * s;
                }
                out[e][k] = Math.log(power / samples);
            }
        }
        return out;
    }

    /** The generalised eigenvalue of each kept component, in order. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The spatial filters, components × channels. */
    public double[][] filters() {
        return Arrays.stream(filters).map(double[]::clone).toArray(double[][]::new);
    }
}
