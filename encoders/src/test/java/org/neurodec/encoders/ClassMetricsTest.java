package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** AUC and balanced accuracy on cases worked out by hand. */
class ClassMetricsTest {

    @Test
    void aucCountsPairsAndHalfCountsTies() {
        // positives 0.8, 0.4, 0.35 against negatives 0.4, 0.1: pairs won 2 + (0.5 + 1) + (0 + 1) = 4.5 of 6
        double[] scores = {0.8, 0.4, 0.35, 0.4, 0.1};
        boolean[] positive = {true, true, true, false, false};
        assertEquals(4.5 / 6, ClassMetrics.auc(scores, positive), 1e-15);
        assertEquals(0.0, ClassMetrics.auc(new double[] {0, 1}, new boolean[] {true, false}), 0);
        assertTrue(Double.isNaN(ClassMetrics.auc(new double[] {0, 1}, new boolean[] {true, true})));
    }

    @Test
    void balancedAccuracyAveragesRecallOverThePresentClasses() {
        int[] truth = {0, 0, 0, 1, 2, 2};
        int[] predicted = {0, 0, 1, 1, 0, 2};
        assertEquals((2.0 / 3 + 1 + 0.5) / 3, ClassMetrics.balancedAccuracy(truth, predicted, 4), 1e-15);
        assertArrayEquals(new int[] {1, 0}, ClassMetrics.argmax(new float[][] {{0.1f, 0.9f}, {0.5f, 0.5f}}));
    }
}
