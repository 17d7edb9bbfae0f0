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
        return whitener.apply(trial);
    }

    /** The whitening matrix R^-½. */
    public Spd whitener() {
        return whitener;
    }
}
