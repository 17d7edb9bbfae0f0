package org.neurodec.subjects.riemann;

import java.util.List;
import org.neurodec.subjects.SubjectsException;

/**
 * Means and tangent spaces of covariances under the affine-invariant metric.
 */
public final class Riemann {

    /** Iterations and tolerance of the mean: the fixed point stops when ‖mean tangent‖_F falls below the tolerance. */
    public static final int MEAN_ITERATIONS = 50;
    /** See {@link #MEAN_ITERATIONS}. */
    public static final double MEAN_TOLERANCE = 1e-8;

    private Riemann() {
    }

    /** The arithmetic mean. */
    public static Spd euclideanMean(List<Spd> covariances) {
        if (covariances.isEmpty()) {
            throw new SubjectsException("mean of covariances: expected at least one, found none");
        }
        int n = covariances.get(0).size();
        double[] sum = new double[n * n];
        for (Spd c : covariances) {
            if (c.size() != n) {
                throw SubjectsException.shape("covariance", n + " × " + n, c.size() + " × " + c.size());
            }
            double[] v = c.raw();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= covariances.size();
        }
        return Spd.wrap(n, sum);
    }

    /**
     * The Riemannian (Karcher, geometric) mean: from the arithmetic mean, M ← M^½ exp(mean log(M^-½ C M^-½)) M^½
     * until the mean tangent's norm is below {@link #MEAN_TOLERANCE} or after {@link #MEAN_ITERATIONS} steps.
     */
    public static Spd mean(List<Spd> covariances) {
        return mean(covariances, MEAN_ITERATIONS, MEAN_TOLERANCE);
    }

    /** The same with its own iteration limit and tolerance. */
    public static Spd mean(List<Spd> covariances, int iterations, double tolerance) {
        Spd m = euclideanMean(covariances);
        int n = m.size();
        for (int it = 0; it < iterations; it++) {
            Spd root = m.sqrt();
            Spd inverseRoot = m.invSqrt();
            // the logarithms in parallel, summed in order: the same result on any number of cores
            double[][] logs = covariances.parallelStream().map(c -> c.congruence(inverseRoot).log().raw())
                    .toArray(double[][]::new);
            double[] tangent = new double[n * n];
            for (double[] l : logs) {
                for (int i = 0; i < tangent.length; i++) {
                    tangent[i] += l[i];
                }
            }
            for (int i = 0; i < tangent.length; i++) {
                tangent[i] /= covariances.size();
            }
            Spd t = Spd.wrap(n, tangent);
            m = t.exp().congruence(root);
            if (t.norm() < tolerance) {
                break;
            }
        }
        return m;
    }

    /**
     * Tangent vectors at {@code reference}: the upper triangle (row by row, diagonal included) of
     * log(R^-½ C R^-½), off-diagonal entries times √2 so that the Euclidean norm of the vector is the
     * Riemannian distance to the reference. Length n(n+1)/2.
     */
    public static double[][] tangentVectors(List<Spd> covariances, Spd reference) {
        Spd inverseRoot = reference.invSqrt();
        int n = reference.size();
        return covariances.parallelStream().map(c -> {
            double[] l = c.congruence(inverseRoot).log().raw();
            double[] v = new double[n * (n + 1) / 2];
            int k = 0;
            for (int i = 0; i < n; i++) {
                v[k++] = l[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    v[k++] = Math.sqrt(2) * l[i * n + j];
                }
            }
            return v;
        }).toArray(double[][]::new);
    }

    /**
     * The distance from {@code c} to each reference whose inverse square root is given
     * ({@link Spd#invSqrt()}, computed once per reference): the cheap form for classifying many trials.
     */
    public static double[] distances(Spd c, List<Spd> inverseRoots) {
        double[] out = new double[inverseRoots.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Spd.distanceFromWhitened(inverseRoots.get(k), c);
        }
        return out;
    }

    /** Each covariance whitened by {@code reference}: R^-½ C R^-½ (re-centering when R is the set's own mean). */
    public static List<Spd> recenter(List<Spd> covariances, Spd reference) {
        Spd w = reference.invSqrt();
        return covariances.stream().map(c -> c.congruence(w)).toList();
    }
}
