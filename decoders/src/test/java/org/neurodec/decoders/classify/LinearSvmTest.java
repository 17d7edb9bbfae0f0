package org.neurodec.decoders.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.neurodec.decoders.DecoderException;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.hdf5.Hdf5File;

/**
 * The linear SVM against scikit-learn's {@code LinearSVC} (svm/make_svm_golden.py: tol 1e-10, so the
 * solver's visiting order no longer matters): decision values of held-out points for two, three and
 * eight classes, with labels in shuffled order and another intercept scaling, and on the real digits69
 * fMRI (3092 voxels).
 */
class LinearSvmTest {

    private static final JsonNode GOLDEN = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(TestData.resource("svm/svm_golden.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int[] labels(JsonNode node) {
        int[] y = new int[node.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = node.get(i).asInt();
        }
        return y;
    }

    @Test
    void decisionValuesMatchScikitLearnsLinearSvc() {
        for (JsonNode c : GOLDEN.get("cases")) {
            double[][] x = Golden.matrix(c.get("x"));
            for (boolean dual : new boolean[] {true, false}) {
                LinearSvm model = LinearSvm.fit(x, labels(c.get("y")), c.get("classes").asInt(), c.get("C").asDouble(), 1e-10,
                        1_000_000, c.get("intercept_scaling").asDouble(), dual);
                double[][] decision = model.decision(Golden.matrix(c.get("test")));
                double[][] expected = Golden.matrix(c.get("decision"));
                for (int i = 0; i < decision.length; i++) {
                    assertEquals(expected[i].length, decision[i].length);
                    for (int k = 0; k < decision[i].length; k++) {
                        assertEquals(expected[i][k], decision[i][k], 1e-6, c.get("classes") + " classes, C=" + c.get("C")
                                + ", point " + i + ", output " + k + (dual ? ", dual" : ", primal"));
                    }
                }
                double[] intercepts = Golden.matrix(wrap(c.get("intercept")))[0];
                for (int k = 0; k < intercepts.length; k++) {
                    assertEquals(intercepts[k], model.intercepts()[k], 1e-6, "intercept " + k);
                }
            }
        }
    }

    private static JsonNode wrap(JsonNode row) {
        return new ObjectMapper().createArrayNode().add(row);
    }

    @Test
    void digits69DecisionValuesMatchOnRealFmri() throws Exception {
        JsonNode golden = GOLDEN.get("digits69");
        try (Hdf5File h5 = Hdf5File.open(TestData.file("real/digits69/digits69.h5"))) {
            double[][] x = Golden.rows(h5, "train/fmri");
            double[] raw = h5.read("train/labels").toDoubles();
            int first = golden.get("classes").get(0).asInt();
            int[] y = new int[raw.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = (int) raw[i] - first;
            }
            LinearSvm model = LinearSvm.fit(x, y, 2, 1.0, 1e-10, 1_000_000, 1.0);
            double[][] decision = model.decision(Golden.rows(h5, "test/fmri"));
            for (int i = 0; i < decision.length; i++) {
                double expected = golden.get("decision").get(i).asDouble();
                assertEquals(expected, decision[i][0], 1e-6 * Math.max(1, Math.abs(expected)), "test trial " + i);
                assertEquals(golden.get("predicted").get(i).asInt(), first + (decision[i][0] > 0 ? 1 : 0));
            }
        }
    }

    @Test
    void aTrainingSetWithoutEveryClassIsRefusedByName() {
        double[][] x = {{0, 1}, {1, 0}, {1, 1}};
        DecoderException e = assertThrows(DecoderException.class, () -> LinearSvm.fit(x, new int[] {0, 2, 0}, 3, 1, 1e-4, 1000, 1));
        assertTrue(e.getMessage().contains("none of class 1"), e.getMessage());
    }
}
