package org.neurodec.decoders.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.neurodec.decoders.DecoderException;

/** Shrinkage LDA against scikit-learn's {@code LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")}. */
class ShrinkageLdaTest {


    @Test
    void decisionValuesMatchScikitLearn() throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/lda/lda_golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        for (JsonNode c : golden.get("cases")) {
            double[][] x = Golden.matrix(c.get("x"));
            int[] y = new int[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = c.get("y").get(i).asInt();
            }
            int classes = c.get("classes").asInt();
            ShrinkageLda lda = ShrinkageLda.fit(x, y, classes);
            double[][] test = Golden.matrix(c.get("test"));
            double[][] expected = Golden.matrix(c.get("scores"));
            String where = x.length + " trials × " + x[0].length + " features, " + classes + " classes";
            if (classes == 2) {
                double[] actual = lda.decision(test);
                for (int i = 0; i < actual.length; i++) {
                    assertEquals(expected[0][i], actual[i], 1e-9 * (1 + Math.abs(expected[0][i])), where + ", trial " + i);
                }
            } else {
                double[][] actual = lda.scores(test);
                for (int i = 0; i < actual.length; i++) {
                    for (int k = 0; k < classes; k++) {
                        assertEquals(expected[i][k], actual[i][k], 1e-9 * (1 + Math.abs(expected[i][k])), where + ", trial " + i);
                    }
                }
            }
        }
    }

    /**
     * The tiled Gram matrices across tile and chunk boundaries (70 features: two tiles and a part; 1,100
     * trials: two chunks and a part; odd rows left for the single-row path) give the Ledoit–Wolf
     * covariance computed the plain way, pair by pair over every trial (the form that matched
     * scikit-learn above, on data too small to cross a chunk).
     */
    @Test
    void tiledCovarianceEqualsThePlainComputationAcrossTilesAndChunks() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int n = 1100;
        int p = 70;
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = random.nextGaussian() * (1 + j % 5) + (j > 0 ? 0.5 * x[i][j - 1] : 0);
            }
        }
        double[][] tiled = ShrinkageLda.shrunkCovariance(x);
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            for (double[] row : x) {
                mean[j] += row[j] / n;
            }
            for (double[] row : x) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            scale[j] = Math.sqrt(scale[j] / n);
        }
        double[][] z = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[][] s = new double[p][p];
        double beta = 0;
        double trace = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double q = 0;
                for (int i = 0; i < n; i++) {
                    s[a][b] += z[i][a] * z[i][b] / n;
                    q += z[i][a] * z[i][a] * z[i][b] * z[i][b];
                }
                beta += q;
            }
            trace += s[a][a];
        }
        double mu = trace / p;
        double delta = 0;
        for (double[] row : s) {
            for (double v : row) {
                delta += v * v;
            }
        }
        beta = (beta / n - delta) / ((double) p * n);
        delta = (delta - 2 * mu * trace + p * mu * mu) / p;
        double shrinkage = Math.min(beta, delta) / delta;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double expected = scale[a] * scale[b] * ((1 - shrinkage) * s[a][b] + (a == b ? shrinkage * mu : 0));
                assertEquals(expected, tiled[a][b], 1e-10 * (1 + Math.abs(expected)), "covariance " + a + ", " + b);
            }
        }
    }

    @Test
    void aClassWithOneTrialIsRefusedByName() {
        double[][] x = {{1, 2}, {2, 1}, {3, 3}};
        DecoderException e = assertThrows(DecoderException.class, () -> ShrinkageLda.fit(x, new int[] {0, 0, 1}, 2));
        assertEquals("shrinkage LDA: class 1: expected at least 2 trials, found 1", e.getMessage());
    }
}
