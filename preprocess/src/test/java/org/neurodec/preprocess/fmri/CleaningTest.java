package org.neurodec.preprocess.fmri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.neurodec.preprocess.PreprocessException;

/** Detrend, cosine high-pass, orthogonal confound regression and z-scoring against NumPy (fmri_golden.json). */
class CleaningTest {

    static double[][] matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][rows.get(0).size()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    @Test
    void matchesNumpy() {
        JsonNode g = HrfAndDriftTest.GOLDEN;
        double[][] data = matrix(g.get("clean_input"));
        double[] frames = new double[data.length];
        for (int t = 0; t < frames.length; t++) {
            frames[t] = 2.0 * t;
        }
        double[][] clean = new Cleaning(true, 0.01, "zscore").apply(data, frames, matrix(g.get("clean_confounds")));
        double[][] expected = matrix(g.get("clean_zscore"));
        for (int t = 0; t < data.length; t++) {
            for (int v = 0; v < data[0].length; v++) {
                assertEquals(expected[t][v], clean[t][v], 1e-9, "frame " + t + " voxel " + v);
            }
        }
    }

    @Test
    void percentSignalChangeAndBadParameters() {
        double[][] data = {{100}, {102}, {98}, {100}};
        double[][] psc = new Cleaning(false, Double.NaN, "psc").apply(data, new double[] {0, 2, 4, 6}, null);
        assertEquals(2.0, psc[1][0], 1e-12);
        assertThrows(PreprocessException.class, () -> new Cleaning(true, 0.01, "robust"));
        assertThrows(PreprocessException.class, () -> new Cleaning(true, 0.01, "zscore").apply(data, new double[] {0, 2}, null));
    }
}
