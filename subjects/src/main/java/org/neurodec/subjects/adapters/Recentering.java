package org.neurodec.subjects.adapters;

import java.util.List;
import org.neurodec.subjects.SubjectsException;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;

/**
 * Re-centering of EEG covariances (Zanini et al. 2018): a subject's trials are whitened by the inverse
 * square root of a reference covariance, its Euclidean (arithmetic) or Riemannian (affine-invariant
 * geometric) mean, so that every subject's trial covariances are centred on the identity. The
 * geometry is {@link org.neurodec.subjects.riemann}'s; this class works on raw trials.
 */
public final class Recentering {

    /** Which mean of covariances serves as the reference. */
    public enum Mean { EUCLIDEAN, RIEMANNIAN }

    private final Spd whitener;

    private Recentering(Spd whitener) {
        this.whitener = whitener;
    }

    /** Fits the reference of trials given as channels × times matrices. */
    public static Recentering fit(List<double[][]> trials, Mean mean, double shrinkage) {
        if (trials.isEmpty()) {
            throw new SubjectsException("re-centering needs at least one trial");
        }
        List<Spd> covariances = trials.stream().map(t -> covariance(t, shrinkage)).toList();
        Spd reference = mean == Mean.RIEMANNIAN ? Riemann.mean(covariances) : Riemann.euclideanMean(covariances);
        return new Recentering(reference.invSqrt());
    }

    /** Whitens one trial (channels × times). */
    public double[][] apply(double[][] trial) {
        return whitener.apply(trial);
    }

    /** The whitening matrix, reference^(-1/2). */
    public double[][] whitener() {
        return whitener.toArray();
    }

    /** Trial covariance X Xᵀ / T (not centred), shrunk towards its mean eigenvalue by {@code shrinkage} in [0, 1). */
    static Spd covariance(double[][] trial, double shrinkage) {
        int n = trial.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int t = 0; t < trial[i].length; t++) {
                    s += trial[i][t] * trial[j][t];
                }
                c[i][j] = s / trial[0].length;
                c[j][i] = c[i][j];
            }
        }
        double mu = 0;
        for (int i = 0; i < n; i++) {
            mu += c[i][i];
        }
        mu /= n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = (1 - shrinkage) * c[i][j] + (i == j ? shrinkage * mu : 0);
            }
        }
        return Spd.of(c);
    }
}
