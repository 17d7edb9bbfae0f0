package org.neurodec.subjects.riemann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.neurodec.subjects.adapters.EuclideanAlignment;
import org.neurodec.subjects.adapters.RiemannianProcrustes;

/**
 * The alignment adapters on real SSVEP covariances: Euclidean alignment centres a subject's
 * arithmetic mean on the identity, and Riemannian Procrustes undoes a known mixing, stretching and
 * rotation of a subject's covariances.
 */
class AlignmentsTest {

    @Test
    void euclideanAlignmentPutsTheArithmeticMeanAtTheIdentity() throws Exception {
        SsvepData data = SsvepData.load(2);
        List<Spd> c = data.trials().stream().map(t -> Covariances.estimate(t, Covariances.Estimator.LEDOIT_WOLF, 0)).toList();
        EuclideanAlignment ea = EuclideanAlignment.fit(c);
        Spd mean = Riemann.euclideanMean(c.stream().map(ea::apply).toList());
        RiemannTest.assertMatrix(Spd.identity(8), mean, 1e-9, "aligned arithmetic mean");
        double[][] trial = ea.apply(data.trials().get(0));
        Spd direct = Covariances.estimate(trial, Covariances.Estimator.EMPIRICAL, 0);
        Spd viaCovariance = ea.apply(Covariances.estimate(data.trials().get(0), Covariances.Estimator.EMPIRICAL, 0));
        RiemannTest.assertMatrix(viaCovariance, direct, 1e-9, "aligned trial's covariance");
    }

    @Test
    void riemannianProcrustesUndoesMixingStretchingAndRotation() throws Exception {
        SsvepData data = SsvepData.load(1);
        List<Spd> raw = data.trials().stream().map(t -> Covariances.estimate(Covariances.extended(t, data.sfreq(),
                SsvepData.FREQUENCIES, 1, 4), Covariances.Estimator.LEDOIT_WOLF, 0)).toList();
        List<Spd> source = Riemann.recenter(raw, Riemann.mean(raw));
        int n = 24;
        Random random = new Random(3);
        double[][] skew = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                skew[i][j] = 0.08 * random.nextGaussian();
                skew[j][i] = -skew[i][j];
            }
        }
        RealMatrix q = orthogonalFromSkew(skew);
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = (i == j ? 2 : 0) + 0.1 * random.nextGaussian();
            }
        }
        RealMatrix p = MatrixUtils.createRealMatrix(g);
        RealMatrix mix = p.multiply(p.transpose());
        List<Spd> target = new ArrayList<>();
        for (Spd s : source) {
            RealMatrix stretched = MatrixUtils.createRealMatrix(s.pow(0.7).toArray());
            RealMatrix t = mix.multiply(q).multiply(stretched).multiply(q.transpose()).multiply(mix);
            target.add(Spd.of(t.getData()));
        }
        int[] all = IntStream.range(0, target.size()).toArray();
        RiemannianProcrustes rpa = RiemannianProcrustes.fit(source, data.labels(), target, all, data.labels(), 4);
        assertEquals(1 / 0.7, rpa.power(), 1e-6, "the stretch undone");
        Spd identity = Spd.identity(n);
        double spread = source.stream().mapToDouble(s -> s.distance(identity)).average().orElseThrow();
        double before = IntStream.range(0, source.size()).mapToDouble(i -> source.get(i).distance(
                target.get(i).congruence(Riemann.mean(target).invSqrt()))).average().orElseThrow();
        double after = IntStream.range(0, source.size()).mapToDouble(i -> source.get(i).distance(rpa.apply(target.get(i))))
                .average().orElseThrow();
        assertTrue(after < 0.1 * spread && after < 0.25 * before, "aligned trials lie on the source trials: distance "
                + after + " (re-centred only " + before + ", spread " + spread + ")");
    }

    private static RealMatrix orthogonalFromSkew(double[][] skew) {
        int n = skew.length;
        RealMatrix identity = MatrixUtils.createRealIdentityMatrix(n);
        RealMatrix half = MatrixUtils.createRealMatrix(skew).scalarMultiply(0.5);
        return new org.apache.commons.math3.linear.LUDecomposition(identity.subtract(half)).getSolver()
                .solve(identity.add(half));
    }
}
