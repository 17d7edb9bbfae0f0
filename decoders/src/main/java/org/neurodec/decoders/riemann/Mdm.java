package org.neurodec.decoders.riemann;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.neurodec.decoders.DecoderException;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;

/**
 * Minimum distance to mean (Barachant et al. 2012): each class is its trials' Riemannian mean
 * covariance; a trial belongs to the class whose mean is nearest in the affine-invariant distance.
 * Class means can be replaced (for example moved toward a new subject's labelled trials).
 */
public final class Mdm {

    private final List<Spd> means;
    private final List<Spd> inverseRoots;

    private Mdm(List<Spd> means) {
        this.means = List.copyOf(means);
        this.inverseRoots = means.stream().map(Spd::invSqrt).toList();
    }

    /** Fits the class means of covariances with labels 0..classes−1 (every class needs a trial). */
    public static Mdm fit(List<Spd> covariances, int[] labels, int classes) {
        if (covariances.size() != labels.length) {
            throw new DecoderException("MDM: expected one label per covariance, found " + labels.length + " labels for "
                    + covariances.size() + " covariances");
        }
        List<Spd> means = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            int kk = k;
            List<Spd> members = IntStream.range(0, labels.length).filter(i -> labels[i] == kk).mapToObj(covariances::get)
                    .toList();
            if (members.isEmpty()) {
                throw new DecoderException("MDM: class " + k + " has no training trial");
            }
            means.add(Riemann.mean(members));
        }
        return new Mdm(means);
    }

    /** An MDM with these class means. */
    public static Mdm of(List<Spd> means) {
        return new Mdm(means);
    }

    /** The class means, in class order. */
    public List<Spd> means() {
        return means;
    }

    /** Each trial's distance to each class mean, trials × classes (trials in parallel). */
    public double[][] distances(List<Spd> covariances) {
        return covariances.parallelStream().map(c -> Riemann.distances(c, inverseRoots)).toArray(double[][]::new);
    }

    /** Each trial's nearest class. */
    public int[] predict(List<Spd> covariances) {
        return nearest(distances(covariances));
    }

    /** The nearest class of each row of distances (trials × classes). */
    public static int[] nearest(double[][] distances) {
        int[] out = new int[distances.length];
        for (int i = 0; i < distances.length; i++) {
            for (int k = 1; k < distances[i].length; k++) {
                if (distances[i][k] < distances[i][out[i]]) {
                    out[i] = k;
                }
            }
        }
        return out;
    }

    /**
     * Class probabilities as pyRiemann gives them: a softmax of −distance² over the classes.
     */
    public double[][] probabilities(List<Spd> covariances) {
        double[][] d = distances(covariances);
        for (double[] row : d) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < row.length; k++) {
                row[k] = -row[k] * row[k];
                max = Math.max(max, row[k]);
            }
            double sum = 0;
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.exp(row[k] - max);
                sum += row[k];
            }
            for (int k = 0; k < row.length; k++) {
                row[k] /= sum;
            }
        }
        return d;
    }

    /**
     * This model with each class mean moved along the geodesic toward {@code targets}' own class mean
     * by t = n / (n + {@code prior}), n the class's count in {@code targets} (no move for a class without trials).
     */
    public Mdm adaptedTo(List<Spd> targets, int[] labels, double prior) {
        List<Spd> moved = new ArrayList<>();
        for (int k = 0; k < means.size(); k++) {
            int kk = k;
            List<Spd> members = IntStream.range(0, labels.length).filter(i -> labels[i] == kk).mapToObj(targets::get)
                    .toList();
            if (members.isEmpty()) {
                moved.add(means.get(k));
                continue;
            }
            double t = members.size() / (members.size() + prior);
            moved.add(means.get(k).geodesic(Riemann.mean(members), t));
        }
        return new Mdm(moved);
    }
}
