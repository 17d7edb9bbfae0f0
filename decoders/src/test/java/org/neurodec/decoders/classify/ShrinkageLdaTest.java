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

    @Test
    void aClassWithOneTrialIsRefusedByName() {
        double[][] x = {{1, 2}, {2, 1}, {3, 3}};
        DecoderException e = assertThrows(DecoderException.class, () -> ShrinkageLda.fit(x, new int[] {0, 0, 1}, 2));
        assertEquals("shrinkage LDA: class 1: expected at least 2 trials, found 1", e.getMessage());
    }
}
