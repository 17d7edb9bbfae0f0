package org.neurodec.decoders.riemann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.neurodec.decoders.ssvep.Cca;
import org.neurodec.ingest.TestData;
import org.neurodec.subjects.riemann.SsvepData;

/**
 * Training-free CCA on the three flicker classes of SSVEP-Exo subjects 1–8 against the reference
 * implementation (scikit-learn's CCA, ssvep/cca_golden.json by make_cca_golden.py): the canonical
 * correlations and every subject's accuracy; FBCCA beside it.
 */
class SsvepCcaTest {

    private static final JsonNode GOLDEN = TestData.json(TestData.resource("ssvep/cca_golden.json"));
    /** Class indices 1, 2, 3 of {rest, 13, 17, 21} are these frequencies. */
    private static final double[] FREQUENCIES = {13, 17, 21};

    @Test
    void correlationsAndAccuracyMatchTheReference() throws Exception {
        double sum = 0;
        double sumFilterBank = 0;
        for (int s = 1; s <= 8; s++) {
            SsvepData data = SsvepData.load(s);
            int[] flicker = IntStream.range(0, data.labels().length).filter(i -> data.labels()[i] > 0).toArray();
            double[][][] trials = IntStream.of(flicker).mapToObj(i -> data.trials().get(i)).toArray(double[][][]::new);
            int[] truth = IntStream.of(flicker).map(i -> data.labels()[i] - 1).toArray();
            Cca cca = Cca.standard(FREQUENCIES, 2, data.sfreq());
            if (s == 1) {
                for (int t = 0; t < 5; t++) {
                    double[] r = cca.scores(trials[t]);
                    for (int f = 0; f < 3; f++) {
                        assertEquals(GOLDEN.get("correlations_subject1").get(t).get(f).asDouble(), r[f], 1e-5,
                                "trial " + t + ", " + FREQUENCIES[f] + " Hz");
                    }
                }
            }
            double accuracy = accuracy(cca.predict(trials), truth);
            assertEquals(GOLDEN.get("accuracy").get(Integer.toString(s)).asDouble(), accuracy, 1e-9, "subject " + s);
            sum += accuracy;
            sumFilterBank += accuracy(Cca.filterBank(FREQUENCIES, 2, data.sfreq(), 3, 8, 60).predict(trials), truth);
        }
        System.out.printf("SSVEP-Exo 1-8, 3 classes: CCA %.3f, FBCCA %.3f%n", sum / 8, sumFilterBank / 8);
        assertTrue(sumFilterBank / 8 > 0.6, "FBCCA well above chance (0.333): " + sumFilterBank / 8);
    }

    private static double accuracy(int[] predicted, int[] truth) {
        return IntStream.range(0, truth.length).filter(i -> predicted[i] == truth[i]).count() / (double) truth.length;
    }
}
