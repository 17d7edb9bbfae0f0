package org.neurodec.subjects.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Procrustes, SRM and re-centering recover transforms planted in seeded data. */
class AlignmentTest {

    private static final Random RANDOM = new Random(11);

    @Test
    void procrustesRecoversARotation() {
        RealMatrix q = new QRDecomposition(gaussian(6, 6)).getQ();
        RealMatrix x = gaussian(40, 6);
        double[][] r = Procrustes.fit(x.getData(), x.multiply(q).getData());
        assertTrue(MatrixUtils.createRealMatrix(r).subtract(q).getNorm() < 1e-9);
    }

    @Test
    void srmFindsTheSharedResponseOfRotatedSubjects() {
        RealMatrix shared = gaussian(5, 80);
        List<double[][]> subjects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RealMatrix w = new QRDecomposition(gaussian(30 + 5 * i, 5)).getQ().getSubMatrix(0, 30 + 5 * i - 1, 0, 4);
            subjects.add(w.multiply(shared).add(gaussian(30 + 5 * i, 80).scalarMultiply(0.05)).transpose().getData());
        }
        Srm srm = Srm.fit(subjects, 5, 20, 3);
        double[] objective = srm.objective();
        for (int i = 1; i < objective.length; i++) {
            assertTrue(objective[i] <= objective[i - 1] + 1e-9, "objective rises at iteration " + i);
        }
        // residual variance is the planted noise: 0.05² per value
        double values = subjects.stream().mapToDouble(x -> x.length * x[0].length).sum();
        assertEquals(0.0025, objective[objective.length - 1] / values, 0.001);
        double[][] projected = Srm.project(srm.bases().get(2), subjects.get(2));
        assertEquals(srm.shared()[0][7], projected[7][0], 0.1);
    }

    @Test
    void recenteringWhitensTheReference() {
        RealMatrix mixing = gaussian(4, 4).add(MatrixUtils.createRealIdentityMatrix(4).scalarMultiply(3));
        List<double[][]> trials = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            trials.add(mixing.multiply(gaussian(4, 200)).getData());
        }
        for (Recentering.Mean mean : Recentering.Mean.values()) {
            Recentering r = Recentering.fit(trials, mean, 0.0);
            RealMatrix average = MatrixUtils.createRealMatrix(4, 4);
            for (double[][] t : trials) {
                average = average.add(MatrixUtils.createRealMatrix(Recentering.covariance(r.apply(t), 0.0).toArray()));
            }
            average = average.scalarMultiply(1.0 / trials.size());
            assertTrue(average.subtract(MatrixUtils.createRealIdentityMatrix(4)).getNorm() < (mean == Recentering.Mean.EUCLIDEAN
                    ? 1e-9 : 0.1), mean + " " + average);
        }
        // the Riemannian reference is the Karcher mean: after whitening, the logs of the covariances average to 0,
        // which the arithmetic mean does not achieve
        Recentering riemannian = Recentering.fit(trials, Recentering.Mean.RIEMANNIAN, 0.0);
        Recentering euclidean = Recentering.fit(trials, Recentering.Mean.EUCLIDEAN, 0.0);
        assertTrue(meanLog(trials, riemannian).getNorm() < 1e-8, "Riemannian: " + meanLog(trials, riemannian));
        assertTrue(meanLog(trials, euclidean).getNorm() > 1e-3, "Euclidean: " + meanLog(trials, euclidean));
    }

    private static RealMatrix meanLog(List<double[][]> trials, Recentering recentering) {
        RealMatrix sum = MatrixUtils.createRealMatrix(4, 4);
        for (double[][] t : trials) {
            org.apache.commons.math3.linear.EigenDecomposition e = new org.apache.commons.math3.linear.EigenDecomposition(
                    MatrixUtils.createRealMatrix(Recentering.covariance(recentering.apply(t), 0.0).toArray()));
            double[] logs = java.util.Arrays.stream(e.getRealEigenvalues()).map(Math::log).toArray();
            sum = sum.add(e.getV().multiply(MatrixUtils.createRealDiagonalMatrix(logs)).multiply(e.getVT()));
        }
        return sum.scalarMultiply(1.0 / trials.size());
    }

    private static RealMatrix gaussian(int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = RANDOM.nextGaussian();
            }
        }
        return MatrixUtils.createRealMatrix(m);
    }
}
