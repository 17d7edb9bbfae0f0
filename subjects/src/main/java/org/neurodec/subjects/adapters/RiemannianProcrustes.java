package org.neurodec.subjects.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.neurodec.subjects.SubjectsException;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;

/**
 * Riemannian Procrustes analysis (Rodrigues, Jutten and Congedo 2019) bringing a target subject's
 * covariances onto source subjects': re-center (whiten by the target's Riemannian mean, the sources
 * being re-centred each by its own), stretch (raise to the power that gives the target the sources'
 * dispersion around the identity) and rotate (the orthogonal U that best maps the target's class means
 * onto the sources', found by descent on the orthogonal group with Cayley steps, Euclidean cost
 * Σ‖M_k^S − U M_k^T Uᵀ‖²; pyRiemann's {@code metric='euclid'}). Re-centering and stretching need no
 * labels; rotating uses the target's labelled calibration trials (none: no rotation).
 */
public final class RiemannianProcrustes {

    private final Spd whitener;
    private final double power;
    private final RealMatrix rotation;

    private RiemannianProcrustes(Spd whitener, double power, RealMatrix rotation) {
        this.whitener = whitener;
        this.power = power;
        this.rotation = rotation;
    }

    /**
     * Fits the target's transform.
     *
     * @param source the sources' covariances, already re-centred (each source subject by its own mean)
     * @param sourceLabels their classes 0..classes−1
     * @param target the target's covariances used for its mean and dispersion (unlabelled trials allowed)
     * @param calibration indices into {@code target} of labelled trials, for the rotation (may be empty)
     * @param calibrationLabels their classes
     * @param classes the number of classes
     */
    public static RiemannianProcrustes fit(List<Spd> source, int[] sourceLabels, List<Spd> target, int[] calibration,
            int[] calibrationLabels, int classes) {
        if (target.isEmpty() || source.isEmpty()) {
            throw new SubjectsException("Riemannian Procrustes: expected source and target covariances, found "
                    + source.size() + " and " + target.size());
        }
        int n = target.get(0).size();
        Spd identity = Spd.identity(n);
        Spd whitener = Riemann.mean(target).invSqrt();
        List<Spd> centred = target.stream().map(c -> c.congruence(whitener)).toList();
        double sourceDispersion = source.stream().mapToDouble(c -> squared(c.distance(identity))).average().orElseThrow();
        double targetDispersion = centred.stream().mapToDouble(c -> squared(c.distance(identity))).average().orElseThrow();
        double power = targetDispersion > 0 ? Math.sqrt(sourceDispersion / targetDispersion) : 1;
        RealMatrix rotation = MatrixUtils.createRealIdentityMatrix(n);
        if (calibration.length > 0) {
            List<RealMatrix> a = new ArrayList<>();
            List<RealMatrix> b = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                int kk = k;
                List<Spd> s = IntStream.range(0, sourceLabels.length).filter(i -> sourceLabels[i] == kk)
                        .mapToObj(source::get).toList();
                List<Spd> t = IntStream.range(0, calibration.length).filter(i -> calibrationLabels[i] == kk)
                        .mapToObj(i -> centred.get(calibration[i]).pow(power)).toList();
                if (!s.isEmpty() && !t.isEmpty()) {
                    a.add(MatrixUtils.createRealMatrix(Riemann.mean(s).toArray()));
                    b.add(MatrixUtils.createRealMatrix(Riemann.mean(t).toArray()));
                }
            }
            if (!a.isEmpty()) {
                rotation = rotate(a, b, n);
            }
        }
        return new RiemannianProcrustes(whitener, power, rotation);
    }

    private static double squared(double x) {
        return x * x;
    }

    /** The orthogonal U minimising Σ‖A_k − U B_k Uᵀ‖²_F, by descent from the identity. */
    static RealMatrix rotate(List<RealMatrix> a, List<RealMatrix> b, int n) {
        RealMatrix u = MatrixUtils.createRealIdentityMatrix(n);
        double cost = cost(a, b, u);
        double step = 1;
        for (int it = 0; it < 500 && cost > 0; it++) {
            RealMatrix g = MatrixUtils.createRealMatrix(n, n);
            for (int k = 0; k < a.size(); k++) {
                RealMatrix r = u.multiply(b.get(k)).multiply(u.transpose()).subtract(a.get(k));
                g = g.add(r.multiply(u).multiply(b.get(k)).scalarMultiply(4));
            }
            RealMatrix ug = u.transpose().multiply(g);
            RealMatrix omega = ug.subtract(ug.transpose()).scalarMultiply(0.5);
            double norm = omega.getFrobeniusNorm();
            if (norm < 1e-12 * Math.max(1, cost)) {
                break;
            }
            boolean improved = false;
            while (step > 1e-14) {
                RealMatrix next = u.multiply(cayley(omega.scalarMultiply(-step), n));
                double c = cost(a, b, next);
                if (c < cost) {
                    u = next;
                    improved = cost - c > 1e-15 * cost;
                    cost = c;
                    step *= 2;
                    break;
                }
                step /= 2;
            }
            if (!improved) {
                break;
            }
        }
        return u;
    }

    /** (I − Ω/2)^-1 (I + Ω/2): orthogonal for a skew-symmetric Ω. */
    private static RealMatrix cayley(RealMatrix omega, int n) {
        RealMatrix identity = MatrixUtils.createRealIdentityMatrix(n);
        RealMatrix half = omega.scalarMultiply(0.5);
        return new LUDecomposition(identity.subtract(half)).getSolver().solve(identity.add(half));
    }

    private static double cost(List<RealMatrix> a, List<RealMatrix> b, RealMatrix u) {
        double c = 0;
        for (int k = 0; k < a.size(); k++) {
            double f = u.multiply(b.get(k)).multiply(u.transpose()).subtract(a.get(k)).getFrobeniusNorm();
            c += f * f;
        }
        return c;
    }

    /** A target covariance aligned: U (W C W)^p Uᵀ. */
    public Spd apply(Spd covariance) {
        double[][] c = covariance.congruence(whitener).pow(power).toArray();
        RealMatrix m = rotation.multiply(MatrixUtils.createRealMatrix(c)).multiply(rotation.transpose());
        return Spd.of(m.getData());
    }

    /** The stretching power. */
    public double power() {
        return power;
    }

    /** The rotation, rows. */
    public double[][] rotation() {
        return rotation.getData();
    }
}
