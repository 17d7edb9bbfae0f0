package org.neurodec.decoders.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;

/** Logistic regression against scikit-learn's {@code LogisticRegression} (newton-cg, tol 1e-12): binary and multinomial. */
class LogisticRegressionTest {


    @Test
    void probabilitiesMatchScikitLearn() throws Exception {
        JsonNode golden = new ObjectMapper().readTree(TestData.resource("logistic/logistic_golden.json").toFile());
        for (JsonNode c : golden.get("cases")) {
            double[][] x = Golden.matrix(c.get("x"));
            int[] y = new int[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = c.get("y").get(i).asInt();
            }
            LogisticRegression model = LogisticRegression.fit(x, y, c.get("classes").asInt(), c.get("C").asDouble());
            double[][] p = model.probabilities(Golden.matrix(c.get("test")));
            double[][] expected = Golden.matrix(c.get("probabilities"));
            for (int i = 0; i < p.length; i++) {
                for (int k = 0; k < p[i].length; k++) {
                    assertEquals(expected[i][k], p[i][k], 1e-7, "case C=" + c.get("C") + ", point " + i + ", class " + k);
                }
            }
        }
    }
}
