package org.neurodec.decoders.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurodec.decoders.DecoderException;

/**
 * Metrics with chance, bootstrap interval and permutation p-value: values worked by hand or from
 * scikit-learn and NumPy (quoted), and the behaviour of the interval and the p-value.
 */
class MetricsTest {

    @Test
    void valuesAndChanceLevels() {
        Significance.Score accuracy = Metrics.accuracy(new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 1, 1, 0}, 200, 1);
        assertEquals(0.6, accuracy.value(), 1e-15);
        assertEquals(0.6, accuracy.chance(), 1e-15, "the larger class's share");
        // scikit-learn 1.2: balanced_accuracy_score([0,0,1,1,1,2], [0,1,1,1,0,2]) = 0.7222222222222222
        Significance.Score balanced = Metrics.balancedAccuracy(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 1, 1, 0, 2},
                3, 200, 1);
        assertEquals(0.7222222222222222, balanced.value(), 1e-15);
        assertEquals(1.0 / 3, balanced.chance(), 1e-15);
        // roc_auc_score([0,0,1,1,1], [0.1,0.6,0.35,0.8,0.6]) = 0.75
        Significance.Score auc = Metrics.auc(new double[] {0.1, 0.6, 0.35, 0.8, 0.6},
                new boolean[] {false, false, true, true, true}, 200, 1);
        assertEquals(0.75, auc.value(), 1e-15);
        // numpy.corrcoef([1,2,3,5], [2,4,7,6])[0,1] = 0.7702079842374077
        assertEquals(0.7702079842374077, Metrics.pearson(new double[] {1, 2, 3, 5}, new double[] {2, 4, 7, 6}), 1e-15);
    }

    @Test
    void retrievalAndTwoWayWorkedByHand() {
        double[][] candidates = {{1, 0}, {0, 1}, {1, 1}};
        // trial 0 predicts (1, 0.1): nearest candidate 0 (its truth); trial 1 predicts (0.5, 1): cosines
        // 0.447, 0.894, 0.949 with candidates 0, 1, 2, so its truth 1 is second; top-1 = 1/2, top-2 = 1
        double[][] predicted = {{1, 0.1}, {0.5, 1}};
        int[] truth = {0, 1};
        assertEquals(0.5, Metrics.topK(predicted, candidates, truth, 1, 50, 1).value(), 1e-15);
        assertEquals(1.0, Metrics.topK(predicted, candidates, truth, 2, 50, 1).value(), 1e-15);
        assertEquals(1.0 / 3, Metrics.topK(predicted, candidates, truth, 1, 50, 1).chance(), 1e-15);
        // 2-way: trial 0 beats both others (1), trial 1 beats candidate 0 only (1/2)
        assertEquals(0.75, Metrics.twoWay(predicted, candidates, truth, 50, 1).value(), 1e-15);
    }

    @Test
    void nWayBothDirectionsAndTwoVsTwoWorkedByHand() {
        // truths e1, e2, e3; predictions e1, e1 + 0.1 e2 (nearer truth 1 than its own), e3
        double[][] truth = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[][] predicted = {{1, 0, 0}, {1, 0.1, 0}, {0, 0, 1}};
        Significance.Score brain = Metrics.nWay(predicted, truth, 3, 30, true, 50, 1);
        assertEquals(2.0 / 3, brain.value(), 1e-15, "trial 2's prediction is nearer truth 1");
        assertEquals(1.0 / 3, brain.chance(), 1e-15);
        // truth 1 is nearest its own prediction (1 > 0.995), truth 2 too (0.0995 > 0), truth 3 too
        assertEquals(1.0, Metrics.nWay(predicted, truth, 3, 30, false, 50, 1).value(), 1e-15);
        // pair (1,2): matched 0 + 0.9005 < crossed 1 + 0.005; pairs (1,3) and (2,3) clearly right
        assertEquals(1.0, Metrics.twoVsTwo(predicted, truth, 50, 1).value(), 1e-15);
        // 2-way of 3 candidates from random draws: each draw of 2 holds trial 2 with trial 1 (miss) or 3 (hit)
        double twoOfThree = Metrics.nWay(predicted, truth, 2, 3000, true, 10, 1).value();
        assertEquals(5.0 / 6, twoOfThree, 0.02, "draws {1,2}: 1/2, {1,3}: 1, {2,3}: 1 -> 5/6 on average");
    }

    @Test
    void ssimMatchesScikitImage() throws Exception {
        com.fasterxml.jackson.databind.JsonNode golden = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(org.neurodec.ingest.TestData.resource("ssim/ssim_golden.json").toFile());
        for (com.fasterxml.jackson.databind.JsonNode c : golden.get("cases")) {
            double[] a = new double[c.get("a").size()];
            double[] b = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = c.get("a").get(i).asDouble();
                b[i] = c.get("b").get(i).asDouble();
            }
            assertEquals(c.get("ssim").asDouble(), Metrics.ssim(a, b, c.get("width").asInt()), 1e-12,
                    c.get("height") + " x " + c.get("width"));
        }
        assertEquals(1.0, Metrics.ssim(new double[49], new double[49], 7), 1e-12, "identical flat images");
    }

    @Test
    void mseIsAnErrorSoItsPValueCountsPermutationsAsLowAsIt() {
        double[][] truth = new double[30][];
        double[][] good = new double[30][];
        for (int i = 0; i < 30; i++) {
            truth[i] = new double[] {i, -i, i % 7};
            good[i] = new double[] {i + 0.1, -i, i % 7};
        }
        Significance.Score s = Metrics.mse(good, truth, 5.0, 999, 3);
        assertEquals(0.01 / 3, s.value(), 1e-12, "each image off by 0.1 in one of 3 pixels");
        assertEquals(5.0, s.chance(), 0);
        assertEquals(1.0 / 1000, s.pValue(), 1e-15, "no shuffled pairing has an error as low");
        assertTrue(s.low() <= s.value() && s.value() <= s.high(), s.toString());
    }

    @Test
    void perfectPredictionsHaveATightIntervalAndTheSmallestPValue() {
        int n = 40;
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 2;
        }
        Significance.Score s = Metrics.accuracy(truth, truth.clone(), 999, 7);
        assertEquals(1.0, s.low(), 0);
        assertEquals(1.0, s.high(), 0);
        assertEquals(1.0 / 1000, s.pValue(), 1e-15, "no permutation of 40 balanced labels matches them all");
    }

    @Test
    void guessesAreNotSignificantAndIntervalsCoverTheValue() {
        Random random = new Random(3);
        int n = 200;
        int[] truth = new int[n];
        int[] guess = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(2);
            guess[i] = random.nextInt(2);
        }
        Significance.Score s = Metrics.accuracy(truth, guess, 999, 11);
        assertTrue(s.pValue() > 0.05, "guessing is not significant: " + s);
        assertTrue(s.low() <= s.value() && s.value() <= s.high(), s.toString());
        assertTrue(s.high() - s.low() < 0.2 && s.high() - s.low() > 0.05, "about ±1.96·√(p(1-p)/n) = ±0.07: " + s);
        assertEquals(s, Metrics.accuracy(truth, guess, 999, 11), "the same seed gives the same interval and p-value");
    }

    @Test
    void mismatchedLengthsAreRefused() {
        DecoderException e = assertThrows(DecoderException.class,
                () -> Metrics.accuracy(new int[] {0, 1}, new int[] {0}, 10, 1));
        assertTrue(e.getMessage().contains("1 predictions and 2 truths") || e.getMessage().contains("2 predictions"),
                e.getMessage());
    }
}
