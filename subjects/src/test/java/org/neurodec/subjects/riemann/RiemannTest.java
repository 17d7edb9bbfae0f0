package org.neurodec.subjects.riemann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;
import org.neurodec.subjects.SubjectsException;

/**
 * The Riemannian toolkit against the SSVEP-Exo reference implementation (riemann/riemann_golden.json,
 * made by make_riemann_golden.py from the data's reference scripts with NumPy, SciPy and scikit-learn):
 * the extended signal, the three covariance estimators, the Riemannian mean, distance, tangent vectors
 * and re-centering, to 1e-9 relative.
 */
class RiemannTest {

    static final JsonNode GOLDEN = TestData.json(TestData.resource("riemann/riemann_golden.json"));
    private static SsvepData subject;
    private static List<Spd> covariances;

    @BeforeAll
    static void load() throws Exception {
        subject = SsvepData.load(1);
        covariances = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            covariances.add(Covariances.estimate(Covariances.extended(subject.trials().get(t), subject.sfreq(),
                    SsvepData.FREQUENCIES, 1, 4), Covariances.Estimator.LEDOIT_WOLF, 0));
        }
    }

    @Test
    void theExtendedSignalAndEachEstimatorMatchScipyAndScikitLearn() {
        double[][] x = Covariances.extended(subject.trials().get(0), subject.sfreq(), SsvepData.FREQUENCIES, 1, 4);
        assertEquals(24, x.length);
        for (int c = 0; c < 24; c++) {
            double sum = 0;
            for (double v : x[c]) {
                sum += v;
            }
            double peak = 0;
            for (double v : x[c]) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertEquals(GOLDEN.get("extended_trial0_channel_sums").get(c).asDouble(), sum, 1e-9 * peak * x[c].length);
            for (int t = 0; t < 5; t++) {
                assertEquals(GOLDEN.get("extended_trial0_first_samples").get(c).get(t).asDouble(), x[c][t], 1e-9 * peak);
            }
        }
        assertMatrix(GOLDEN.get("empirical"), Covariances.estimate(x, Covariances.Estimator.EMPIRICAL, 0), "empirical");
        assertMatrix(GOLDEN.get("ledoit_wolf"), Covariances.estimate(x, Covariances.Estimator.LEDOIT_WOLF, 0), "ledoit-wolf");
        assertMatrix(GOLDEN.get("oas"), Covariances.estimate(x, Covariances.Estimator.OAS, 0), "oas");
        for (int t = 0; t < 4; t++) {
            assertMatrix(GOLDEN.get("covariances").get(t), covariances.get(t), "trial " + t);
        }
    }

    @Test
    void meanDistanceTangentSpaceAndRecenteringMatchTheReference() {
        Spd mean = Riemann.mean(covariances);
        assertMatrix(GOLDEN.get("mean"), mean, "Riemannian mean");
        assertEquals(GOLDEN.get("distance_0_1").asDouble(), covariances.get(0).distance(covariances.get(1)),
                1e-9 * GOLDEN.get("distance_0_1").asDouble());
        double[][] tangent = Riemann.tangentVectors(covariances, mean);
        for (int t = 0; t < 4; t++) {
            for (int k = 0; k < tangent[t].length; k++) {
                assertEquals(GOLDEN.get("tangent").get(t).get(k).asDouble(), tangent[t][k], 1e-9, "tangent " + t + "," + k);
            }
        }
        List<Spd> recentred = Riemann.recenter(covariances, mean);
        for (int t = 0; t < 4; t++) {
            assertMatrix(GOLDEN.get("recentred").get(t), recentred.get(t), "re-centred " + t);
        }
        assertEquals(0, Riemann.mean(recentred).distance(Spd.identity(24)), 1e-7, "re-centred trials are centred on I");
    }

    @Test
    void matrixFunctionsInvertEachOtherAndGeodesicsEndAtTheirEnds() {
        Spd a = covariances.get(0);
        Spd b = covariances.get(1);
        assertMatrix(a, a.log().exp(), 1e-10, "exp(log A)");
        assertMatrix(a, a.sqrt().pow(2), 1e-9, "(A^½)²");
        assertMatrix(a, a.pow(0.3).pow(1 / 0.3), 1e-8, "(A^0.3)^(1/0.3)");
        assertMatrix(Spd.identity(24), a.congruence(a.invSqrt()), 1e-9, "A^-½ A A^-½");
        assertMatrix(a, a.geodesic(b, 0), 1e-9, "geodesic at 0");
        assertMatrix(b, a.geodesic(b, 1), 1e-9, "geodesic at 1");
        assertEquals(a.distance(b) / 2, a.distance(a.geodesic(b, 0.5)), 1e-9 * a.distance(b), "midpoint");
        assertThrows(SubjectsException.class, () -> Spd.of(new double[][] {{1, 2}, {2, 1}}).invSqrt());
    }

    static void assertMatrix(JsonNode expected, Spd actual, String what) {
        double scale = 0;
        for (JsonNode row : expected) {
            for (JsonNode v : row) {
                scale = Math.max(scale, Math.abs(v.asDouble()));
            }
        }
        for (int i = 0; i < actual.size(); i++) {
            for (int j = 0; j < actual.size(); j++) {
                assertEquals(expected.get(i).get(j).asDouble(), actual.get(i, j), 1e-9 * scale, what + " (" + i + "," + j + ")");
            }
        }
    }

    static void assertMatrix(Spd expected, Spd actual, double relative, String what) {
        double scale = 0;
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.size(); j++) {
                scale = Math.max(scale, Math.abs(expected.get(i, j)));
            }
        }
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.size(); j++) {
                assertEquals(expected.get(i, j), actual.get(i, j), relative * scale, what + " (" + i + "," + j + ")");
            }
        }
    }
}
