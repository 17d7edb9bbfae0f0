package org.neurodec.decoders.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.epochs.Epochs;
import org.neurodec.preprocess.pipeline.EpochStep;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.preprocess.pipeline.Steps;
import org.neurodec.decoders.DecoderException;

/**
 * CSP + LDA against MNE's motor imagery example on EEGBCI subject 1 (runs 6, 10, 14, hands vs feet):
 * the same preprocessing from the EDF files, the same CSP features, and on scikit-learn's ten
 * ShuffleSplit splits the same accuracy in every split, 0.9333 on average.
 */
class CspTest {

    private static JsonNode golden;
    private static double[][][] train;
    private static int[] labels;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CspTest.class.getResourceAsStream("/csp/csp_golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        Pipeline pipeline = Pipeline.empty().then(new Steps.Filter(7.0, 30.0, "fir", 4))
                .epochs(new EpochStep(EpochSpec.of(-1, 4), "annotations", Map.of("T1", "hands", "T2", "feet")));
        List<Epochs> runs = new ArrayList<>();
        for (String run : List.of("06", "10", "14")) {
            runs.add(pipeline.run(EegRecording.open(TestData.file("real/eegbci-S001/S001R" + run + ".edf"))).epochs());
        }
        Epochs epochs = Epochs.concatenate(runs);
        int from = (int) Math.round((1.0 - epochs.tmin()) * epochs.sfreq());
        int to = (int) Math.round((2.0 - epochs.tmin()) * epochs.sfreq());
        train = new double[epochs.size()][epochs.channels()][to - from + 1];
        labels = new int[epochs.size()];
        for (int e = 0; e < epochs.size(); e++) {
            for (int c = 0; c < epochs.channels(); c++) {
                for (int t = from; t <= to; t++) {
                    train[e][c][t - from] = epochs.get(e, c, t);
                }
            }
            labels[e] = epochs.info().get(e).condition().equals("hands") ? 0 : 1;
        }
    }

    @Test
    void preprocessingGivesMnesEpochs() {
        assertEquals(golden.get("epochs").asInt(), train.length);
        assertEquals(golden.get("channels").asInt(), train[0].length);
        assertEquals(golden.get("times").asInt(), train[0][0].length);
        for (int e = 0; e < labels.length; e++) {
            assertEquals(golden.get("labels").get(e).asInt(), labels[e], "label of epoch " + e);
        }
        for (int c = 0; c < train[0].length; c++) {
            double sum = 0;
            for (double[][] epoch : train) {
                for (double v : epoch[c]) {
                    sum += v;
                }
            }
            double expected = golden.get("channel_sums").get(c).asDouble();
            assertEquals(expected, sum, 1e-12 + 1e-9 * Math.abs(expected), "channel " + c);
        }
    }

    @Test
    void featuresMatchMnesCsp() {
        Csp csp = Csp.fit(train, labels, 4);
        double[] eigenvalues = new double[4];
        for (int k = 0; k < 4; k++) {
            eigenvalues[k] = golden.get("eigenvalues").get(k).asDouble();
        }
        assertArrayEquals(eigenvalues, csp.eigenvalues(), 1e-9);
        double[][] features = csp.features(train);
        for (int e = 0; e < features.length; e++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(golden.get("features").get(e).get(k).asDouble(), features[e][k], 1e-9, "epoch " + e + ", component " + k);
            }
        }
    }

    @Test
    void crossValidatedAccuracyIsMnes() {
        double sum = 0;
        JsonNode splits = golden.get("splits");
        for (int s = 0; s < splits.size(); s++) {
            int[] fit = indices(splits.get(s).get("train"));
            int[] test = indices(splits.get(s).get("test"));
            double accuracy = CspLda.fit(select(train, fit), select(labels, fit), 4).accuracy(select(train, test),
                    select(labels, test));
            assertEquals(golden.get("accuracies").get(s).asDouble(), accuracy, 1e-12, "split " + s);
            sum += accuracy;
        }
        assertEquals(0.9333, sum / splits.size(), 1e-4);
    }

    @Test
    void rankDeficientDataIsRefusedByName() {
        double[][][] x = new double[6][3][20];
        int[] y = {0, 1, 0, 1, 0, 1};
        for (int e = 0; e < x.length; e++) {
            for (int t = 0; t < 20; t++) {
                x[e][0][t] = Math.sin(t + e);
                x[e][1][t] = Math.cos(3 * t - e);
                x[e][2][t] = -x[e][0][t] - x[e][1][t];
            }
        }
        DecoderException error = assertThrows(DecoderException.class, () -> Csp.fit(x, y, 2));
        assertEquals(true, error.getMessage().contains("not full rank"), error.getMessage());
    }

    private static int[] indices(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }

    private static double[][][] select(double[][][] x, int[] rows) {
        double[][][] out = new double[rows.length][][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    private static int[] select(int[] x, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }
}
