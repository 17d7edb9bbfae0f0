package org.neurodec.subjects.adapters;

import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.neurodec.subjects.SubjectsException;

/**
 * Re-centering of EEG covariances (Zanini et al. 2018): a subject's trials are whitened by the inverse
 * square root of a reference covariance, its Euclidean (arithmetic) or Riemannian (affine-invariant
 * geometric) mean, so that every subject's trial covariances are centred on the identity.
 */
public final class Recentering {

    /** Which mean of covariances serves as the reference. */
    public enum Mean { EUCLIDEAN, RIEMANNIAN }

    private final double[][] whitener;

    private Recentering(double[][] whitener) {
        this.whitener = whitener;
    }

    /** Fits the reference of trials given as channels × times matrices. */
    public static Recentering fit(List<double[][]> trials, Mean mean, double shrinkage) {
        if (trials.isEmpty()) {
            throw new SubjectsException("re-centering needs at least one trial");
        }
        List<RealMatrix> covariances = trials.stream().map(t -> covariance(t, shrinkage)).toList();
        RealMatrix reference = covariances.get(0).scalarMultiply(0);
        for (RealMatrix c : covariances) {
            reference = reference.add(c);
        }
        reference = reference.scalarMultiply(1.0 / covariances.size());
        if (mean == Mean.RIEMANNIAN) {
            reference = karcherMean(covariances, reference);
        }
        return new Recentering(power(reference, -0.5).getData());
    }

    /** Whitens one trial (channels × times). */
    public double[][] apply(double[][] trial) {
        return MatrixUtils.createRealMatrix(whitener).multiply(MatrixUtils.createRealMatrix(trial)).getData();
    }

    /** The whitening matrix, reference^(-1/2). */
    public double[][] whitener() {
        return java.util.Arrays.stream(whitener).map(double[]::clone).toArray(double[][]::new);
    }

    /** Trial covariance X X^T / T, shrunk towards its mean eigenvalue by {@code shrinkage} in [0, 1). */
    static RealMatrix covariance(double[][] trial, double shrinkage) {
        RealMatrix x = MatrixUtils.createRealMatrix(trial);
        RealMatrix c = x.multiply(x.transpose()).scalarMultiply(1.0 / trial[0].length);
        double mu = c.getTrace() / c.getRowDimension();
        return c.scalarMultiply(1 - shrinkage).add(MatrixUtils.createRealIdentityMatrix(c.getRowDimension())
                .scalarMultiply(shrinkage * mu));
    }

    /** The affine-invariant mean by the usual fixed-point iteration, from the arithmetic mean. */
    private static RealMatrix karcherMean(List<RealMatrix> covariances, RealMatrix start) {
        RealMatrix m = start;
        for (int it = 0; it < 50; it++) {
            RealMatrix root = power(m, 0.5);
            RealMatrix inverseRoot = power(m, -0.5);
            RealMatrix tangent = m.scalarMultiply(0);
            for (RealMatrix c : covariances) {
                tangent = tangent.add(log(inverseRoot.multiply(c).multiply(inverseRoot)));
            }
            tangent = tangent.scalarMultiply(1.0 / covariances.size());
            m = root.multiply(exp(tangent)).multiply(root);
            if (tangent.getFrobeniusNorm() < 1e-10) {
                break;
            }
        }
        return m;
    }

    static RealMatrix power(RealMatrix m, double p) {
        return spectral(m, v -> Math.pow(v, p), true);
    }

    private static RealMatrix log(RealMatrix m) {
        return spectral(m, Math::log, true);
    }

    private static RealMatrix exp(RealMatrix m) {
        return spectral(m, Math::exp, false);
    }

    private static RealMatrix spectral(RealMatrix m, java.util.function.DoubleUnaryOperator f, boolean positive) {
        RealMatrix sym = m.add(m.transpose()).scalarMultiply(0.5);
        EigenDecomposition e = new EigenDecomposition(sym);
        double[] values = e.getRealEigenvalues();
        for (double v : values) {
            if (positive && !(v > 0)) {
                throw new SubjectsException("covariance is not positive definite (eigenvalue " + v + "); raise the shrinkage");
            }
        }
        RealMatrix v = e.getV();
        double[] mapped = java.util.Arrays.stream(values).map(f).toArray();
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(mapped)).multiply(v.transpose());
    }
}
