package org.neurodec.preprocess.fmri;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;

/**
 * A generated event-related run with known single-trial betas (SPM HRF, slow drift, noise):
 * least-squares-all and least-squares-separate recover them (correlation ≥ 0.95 at high SNR), and
 * lose them at low SNR, so the test can fail.
 */
class SingleTrialBetasTest {

    static final double TR = 2.0;
    static final int FRAMES = 240;
    static final int VOXELS = 30;

    record Run(double[][] data, double[] frameTimes, Events trials, double[][] truth) {
    }

    static Run generate(double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] frames = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            frames[i] = i * TR;
        }
        List<Event> events = new ArrayList<>();
        for (double t = 10; t < FRAMES * TR - 30; t += 12 + random.nextDouble() * 6) {
            events.add(Event.of(t, 1.0, "stim"));
        }
        double[][] truth = new double[events.size()][VOXELS];
        double[][] data = new double[FRAMES][VOXELS];
        for (int i = 0; i < events.size(); i++) {
            double[] response = Regressors.convolved(List.of(events.get(i)), frames, Hrf.spm());
            for (int v = 0; v < VOXELS; v++) {
                truth[i][v] = 1 + random.nextGaussian();
                for (int t = 0; t < FRAMES; t++) {
                    data[t][v] += truth[i][v] * response[t];
                }
            }
        }
        for (int t = 0; t < FRAMES; t++) {
            for (int v = 0; v < VOXELS; v++) {
                data[t][v] += 100 + 0.5 * Math.sin(2 * Math.PI * t / FRAMES) + noise * random.nextGaussian();
            }
        }
        return new Run(data, frames, Events.of(events), truth);
    }

    static double correlation(double[][] a, double[][] b) {
        double[] x = new double[a.length * a[0].length];
        double[] y = new double[x.length];
        for (int i = 0; i < a.length; i++) {
            for (int v = 0; v < a[0].length; v++) {
                x[i * a[0].length + v] = a[i][v];
                y[i * a[0].length + v] = b[i][v];
            }
        }
        return new PearsonsCorrelation().correlation(x, y);
    }

    @Test
    void recoversKnownBetasAtHighSnr() {
        Run run = generate(0.01, 7);
        double lsa = correlation(run.truth(), SingleTrialBetas.lsa(run.data(), run.frameTimes(), run.trials(), Hrf.spm(), 0.01));
        double lss = correlation(run.truth(), SingleTrialBetas.lss(run.data(), run.frameTimes(), run.trials(), Hrf.spm(), 0.01));
        assertTrue(lsa >= 0.95, "LSA correlation " + lsa);
        assertTrue(lss >= 0.95, "LSS correlation " + lss);
    }

    @Test
    void losesThemInNoise() {
        Run run = generate(5.0, 7);
        double lsa = correlation(run.truth(), SingleTrialBetas.lsa(run.data(), run.frameTimes(), run.trials(), Hrf.spm(), 0.01));
        assertTrue(lsa < 0.8, "LSA correlation in heavy noise " + lsa);
    }
}
