package org.neurodec.decoders.riemann;

import java.util.List;
import org.neurodec.decoders.classify.LogisticRegression;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;

/**
 * Tangent-space classification (Barachant et al. 2013): covariances mapped to the tangent space at
 * the training set's Riemannian mean (upper triangle of log(M^-½ C M^-½), off-diagonal × √2), then
 * L2 logistic regression (scikit-learn's {@code LogisticRegression(C)}).
 */
public final class TangentSpaceLogistic {

    private final Spd reference;
    private final LogisticRegression model;

    private TangentSpaceLogistic(Spd reference, LogisticRegression model) {
        this.reference = reference;
        this.model = model;
    }

    /** Fits on covariances with labels 0..classes−1 and inverse penalty {@code c}. */
    public static TangentSpaceLogistic fit(List<Spd> covariances, int[] labels, int classes, double c) {
        Spd reference = Riemann.mean(covariances);
        return new TangentSpaceLogistic(reference, LogisticRegression.fit(Riemann.tangentVectors(covariances, reference),
                labels, classes, c));
    }

    /** Class probabilities, trials × classes. */
    public double[][] probabilities(List<Spd> covariances) {
        return model.probabilities(Riemann.tangentVectors(covariances, reference));
    }

    /** Each trial's most probable class. */
    public int[] predict(List<Spd> covariances) {
        double[][] p = probabilities(covariances);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int k = 1; k < p[i].length; k++) {
                if (p[i][k] > p[i][out[i]]) {
                    out[i] = k;
                }
            }
        }
        return out;
    }

    /** The tangent-space reference (the training mean). */
    public Spd reference() {
        return reference;
    }
}
