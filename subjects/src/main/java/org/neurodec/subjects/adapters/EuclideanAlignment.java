package org.neurodec.subjects.adapters;

import java.util.List;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;

/**
 * Euclidean alignment (He and Wu 2019): a subject's trials are whitened by the inverse square root
 * of the arithmetic mean of its trial covariances, so every subject's mean covariance becomes the
 * identity. Unsupervised; works on raw trials (for any downstream decoder) as well as on covariances.
 */
public final class EuclideanAlignment {

    private final Spd whitener;

    private EuclideanAlignment(Spd whitener) {
        this.whitener = whitener;
    }

    /** Fits on one subject's trial covariances. */
    public static EuclideanAlignment fit(List<Spd> covariances) {
        return new EuclideanAlignment(Riemann.euclideanMean(covariances).invSqrt());
    }

    /** R^-½ C R^-½. */
    public Spd apply(Spd covariance) {
        return covariance.congruence(whitener);
    }

    /** R^-½ X for a trial (channels × times). */
    public double[][] apply(double[][] trial) {
        int n = whitener.size();
        double[][] out = new double[n][trial[0].length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double w = whitener.get(i, k);
                for (int t = 0; t < trial[k].length; t++) {
                    out[i][t] += w * trial[k][t];
                }
            }
        }
        return out;
    }

    /** The whitening matrix R^-½. */
    public Spd whitener() {
        return whitener;
    }
}
