package org.neurodec.decoders.riemann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurodec.decoders.DecoderException;
import org.neurodec.subjects.riemann.Covariances;
import org.neurodec.subjects.riemann.Spd;

/** ERP-prototype covariances: the class means stacked above each trial, as pyRiemann's ERPCovariances builds them. */
class ErpPrototypesTest {

    @Test
    void theSuperTrialCovarianceHoldsTheTrialsCovarianceWithEachClassMean() {
        Random random = new Random(1);
        List<double[][]> trials = new ArrayList<>();
        int[] labels = new int[20];
        for (int i = 0; i < 20; i++) {
            labels[i] = i % 2;
            double[][] x = new double[3][50];
            for (double[] row : x) {
                for (int t = 0; t < row.length; t++) {
                    row[t] = random.nextGaussian() + (labels[i] == 1 ? Math.sin(t / 5.0) : 0);
                }
            }
            trials.add(x);
        }
        ErpPrototypes p = ErpPrototypes.fit(trials, labels, 2);
        Spd c = p.covariance(trials.get(1), Covariances.Estimator.EMPIRICAL, 0);
        assertEquals(9, c.size(), "(2 classes + 1) × 3 channels");
        // the lower-right block is the trial's own covariance
        Spd own = Covariances.estimate(trials.get(1), Covariances.Estimator.EMPIRICAL, 0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(own.get(i, j), c.get(6 + i, 6 + j), 1e-12);
            }
        }
        // the class-1 prototype's first channel is the mean of class 1's first channels
        double[] mean = new double[50];
        for (int i = 1; i < 20; i += 2) {
            for (int t = 0; t < 50; t++) {
                mean[t] += trials.get(i)[0][t] / 10;
            }
        }
        double[][] stacked = {mean, mean};
        double variance = Covariances.estimate(stacked, Covariances.Estimator.EMPIRICAL, 0).get(0, 0);
        assertEquals(variance, c.get(3, 3), 1e-12);
        assertThrows(DecoderException.class, () -> ErpPrototypes.fit(trials, new int[20], 2), "a class without trials");
    }
}
