package org.neurodec.decoders.riemann;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;
import org.neurodec.subjects.riemann.Covariances;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;
import org.neurodec.subjects.riemann.SsvepData;

/**
 * The SSVEP-Exo reference numbers (real/ssvep-exo/reference/results.json, from the data's NumPy /
 * scikit-learn scripts) reproduced by MDM on Ledoit–Wolf covariances of the extended signal, under
 * the reference's own protocols: within-subject 5-fold with scikit-learn's folds
 * (riemann_golden.json), leave one subject out raw and re-centred, and a new subject from k = 8, 16,
 * 32 calibration trials (subject only, pooled re-centred, class means moved toward the new subject).
 */
class SsvepReferenceTest {

    private static final JsonNode RESULTS = TestData.json(TestData.file("real/ssvep-exo/reference/results.json"));
    private static final JsonNode FOLDS = TestData.json(TestData.resource("riemann/riemann_golden.json")).get("folds");
    private static final Map<Integer, List<Spd>> COVARIANCES = new TreeMap<>();
    private static final Map<Integer, int[]> LABELS = new TreeMap<>();

    @BeforeAll
    static void load() throws Exception {
        for (int s = 1; s <= 8; s++) {
            SsvepData data = SsvepData.load(s);
            COVARIANCES.put(s, data.trials().parallelStream().map(t -> Covariances.estimate(Covariances.extended(t, data.sfreq(),
                    SsvepData.FREQUENCIES, 1, 4), Covariances.Estimator.LEDOIT_WOLF, 0)).toList());
            LABELS.put(s, data.labels());
            int[] expected = new int[FOLDS.get(Integer.toString(s)).get("labels").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = FOLDS.get(Integer.toString(s)).get("labels").get(i).asInt();
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, data.labels(), "subject " + s + "'s trials and labels");
        }
    }

    @Test
    void withinSubjectFiveFoldMatchesTheReference() {
        double sum = 0;
        for (int s = 1; s <= 8; s++) {
            List<Spd> c = COVARIANCES.get(s);
            int[] y = LABELS.get(s);
            double fold = 0;
            JsonNode folds = FOLDS.get(Integer.toString(s)).get("test_folds");
            for (JsonNode test : folds) {
                boolean[] held = new boolean[y.length];
                test.forEach(i -> held[i.asInt()] = true);
                int[] tr = IntStream.range(0, y.length).filter(i -> !held[i]).toArray();
                int[] te = IntStream.range(0, y.length).filter(i -> held[i]).toArray();
                fold += accuracy(Mdm.fit(pick(c, tr), pick(y, tr), 4), pick(c, te), pick(y, te));
            }
            double mean = fold / folds.size();
            assertEquals(RESULTS.get("within_mdm_5fold").get(Integer.toString(s)).asDouble(), mean, 1e-9, "subject " + s);
            sum += mean;
        }
        assertEquals(0.677, sum / 8, 0.0005);
    }

    @Test
    void leaveOneSubjectOutRawAndRecentredMatchTheReference() {
        Map<Integer, List<Spd>> recentred = new TreeMap<>();
        COVARIANCES.forEach((s, c) -> recentred.put(s, Riemann.recenter(c, Riemann.mean(c))));
        double raw = 0;
        double centred = 0;
        for (int s = 1; s <= 8; s++) {
            raw += check("loso_raw_mdm", s, accuracy(fitOthers(COVARIANCES, s), COVARIANCES.get(s), LABELS.get(s)));
            centred += check("loso_recentred_mdm", s, accuracy(fitOthers(recentred, s), recentred.get(s), LABELS.get(s)));
        }
        assertEquals(0.526, raw / 8, 0.0005);
        assertEquals(0.624, centred / 8, 0.0005);
    }

    @Test
    void aNewSubjectFromKCalibrationTrialsMatchesTheReferenceCurve() {
        Map<Integer, List<Spd>> recentred = new TreeMap<>();
        COVARIANCES.forEach((s, c) -> recentred.put(s, Riemann.recenter(c, Riemann.mean(c))));
        for (int k : new int[] {8, 16, 32}) {
            double own = 0;
            double pooled = 0;
            double adapted = 0;
            for (int s = 1; s <= 8; s++) {
                int[] y = LABELS.get(s);
                int[] cal = firstPerClass(y, k / 4);
                boolean[] isCal = new boolean[y.length];
                for (int i : cal) {
                    isCal[i] = true;
                }
                int[] test = IntStream.range(0, y.length).filter(i -> !isCal[i]).toArray();
                List<Spd> c = COVARIANCES.get(s);
                own += accuracy(Mdm.fit(pick(c, cal), pick(y, cal), 4), pick(c, test), pick(y, test));
                Spd reference = Riemann.mean(pick(c, cal));
                List<Spd> calCentred = Riemann.recenter(pick(c, cal), reference);
                List<Spd> testCentred = Riemann.recenter(pick(c, test), reference);
                Mdm sources = fitOthers(recentred, s);
                pooled += accuracy(sources, testCentred, pick(y, test));
                adapted += accuracy(sources.adaptedTo(calCentred, pick(y, cal), 16), testCentred, pick(y, test));
            }
            JsonNode expected = RESULTS.get("mean").get("calibration_curve").get(Integer.toString(k));
            assertEquals(expected.get("subject_only").asDouble(), own / 8, 1e-9, "k=" + k + " subject only");
            assertEquals(expected.get("recentred_pooled").asDouble(), pooled / 8, 1e-9, "k=" + k + " pooled re-centred");
            assertEquals(expected.get("recentred_adapted").asDouble(), adapted / 8, 1e-9, "k=" + k + " adapted");
        }
    }

    private static double check(String key, int s, double value) {
        assertEquals(RESULTS.get(key).get(Integer.toString(s)).asDouble(), value, 1e-9, key + " subject " + s);
        return value;
    }

    static Mdm fitOthers(Map<Integer, List<Spd>> covariances, int left) {
        List<Spd> c = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        covariances.forEach((s, list) -> {
            if (s != left) {
                c.addAll(list);
                for (int v : LABELS.get(s)) {
                    y.add(v);
                }
            }
        });
        return Mdm.fit(c, y.stream().mapToInt(Integer::intValue).toArray(), 4);
    }

    /** The first {@code each} trials of every class, in recording order, class by class. */
    static int[] firstPerClass(int[] y, int each) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int kk = k;
            IntStream.range(0, y.length).filter(i -> y[i] == kk).limit(each).forEach(out::add);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static double accuracy(Mdm model, List<Spd> c, int[] y) {
        int[] p = model.predict(c);
        return IntStream.range(0, y.length).filter(i -> p[i] == y[i]).count() / (double) y.length;
    }

    static List<Spd> pick(List<Spd> c, int[] idx) {
        return IntStream.of(idx).mapToObj(c::get).toList();
    }

    static int[] pick(int[] y, int[] idx) {
        return IntStream.of(idx).map(i -> y[i]).toArray();
    }
}
