package org.neurodec.subjects.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.neurodec.subjects.SubjectsException;

/** Ridge against scikit-learn's RidgeCV (make_ridge_golden.py): chosen alphas, weights and intercepts. */
class RidgeTest {

    @Test
    void matchesScikitLearnRidgeCv() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/adapters/ridge_golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        double[] alphas = new ObjectMapper().convertValue(golden.get("alphas"), double[].class);
        for (JsonNode c : golden.get("cases")) {
            ObjectMapper m = new ObjectMapper();
            double[][] x = m.convertValue(c.get("x"), double[][].class);
            double[][] y = m.convertValue(c.get("y"), double[][].class);
            boolean perTarget = c.get("alpha_per_target").asBoolean();
            RidgeModel model = Ridge.fit(x, y, alphas, perTarget);
            double[] expectedAlpha = m.convertValue(c.get("alpha"), double[].class);
            String label = x.length + "x" + x[0].length + (perTarget ? " per target" : "");
            for (int t = 0; t < y[0].length; t++) {
                assertEquals(expectedAlpha[perTarget ? t : 0], model.alphas()[t], 1e-12, label + " alpha " + t);
            }
            double[][] coef = m.convertValue(c.get("coef"), double[][].class);
            for (int f = 0; f < coef.length; f++) {
                assertArrayEquals(coef[f], model.weights()[f], 1e-8, label + " weights of feature " + f);
            }
            assertArrayEquals(m.convertValue(c.get("intercept"), double[].class), model.intercept(), 1e-8, label);
        }
    }

    @Test
    void badInputNamesWhatIsWrong() {
        double[][] x = {{1, 2}, {3, 4}, {5, 7}};
        assertThrows(SubjectsException.class, () -> Ridge.fit(x, new double[][] {{1}, {2}}, new double[] {1}, false));
        assertThrows(SubjectsException.class, () -> Ridge.fit(x, new double[][] {{1}, {2}, {3}}, new double[] {0}, false));
    }
}
