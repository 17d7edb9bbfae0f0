package org.neurodec.preprocess.fmri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;
import org.neurodec.preprocess.PreprocessException;

/** HRF kernels and cosine drift bases against SciPy/NumPy values (fmri_golden.json, from make_fmri_golden.py). */
class HrfAndDriftTest {

    static final JsonNode GOLDEN = TestData.json(TestData.resource("fmri/fmri_golden.json"));

    static void assertVector(JsonNode expected, double[] actual, String what) {
        assertEquals(expected.size(), actual.length, what + " length");
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.get(i).asDouble(), actual[i], 1e-12, what + "[" + i + "]");
        }
    }

    @Test
    void hrfsMatchScipy() {
        assertVector(GOLDEN.get("spm_dt0.04"), Hrf.spm().kernel(0.04), "SPM");
        assertVector(GOLDEN.get("glover_dt0.04"), Hrf.glover().kernel(0.04), "Glover");
        assertVector(GOLDEN.get("spm_dt0.02_onset0.1"), Hrf.spm().kernel(0.02, 32, 0.1), "SPM, onset 0.1 s");
    }

    @Test
    void cosineDriftMatchesNumpy() {
        for (String name : new String[] {"cosine_tr2_n200_hp0.01", "cosine_tr0.8_n450_hp0.008"}) {
            double tr = name.contains("tr2") ? 2.0 : 0.8;
            int n = name.contains("n200") ? 200 : 450;
            double hp = name.contains("hp0.01") ? 0.01 : 0.008;
            double[] frames = new double[n];
            for (int i = 0; i < n; i++) {
                frames[i] = i * tr;
            }
            double[][] basis = Drift.cosine(frames, hp);
            JsonNode g = GOLDEN.get(name);
            assertEquals(g.size(), basis.length);
            for (int t = 0; t < n; t++) {
                assertVector(g.get(t), basis[t], name + " frame " + t);
            }
        }
    }

    @Test
    void badDriftParameters() {
        assertThrows(PreprocessException.class, () -> Drift.cosine(new double[] {0, 2, 4}, 0.3));
        assertThrows(PreprocessException.class, () -> Drift.cosine(new double[] {0, 0, 0}, 0.01));
        assertThrows(PreprocessException.class, () -> Drift.cosine(new double[] {0}, 0.01));
    }
}
