package org.neurodec.preprocess.fmri;

import org.neurodec.preprocess.PreprocessException;

/** Slow drift regressors for fMRI designs. */
public final class Drift {

    private Drift() {
    }

    /**
     * The discrete cosine basis that a high-pass cutoff of {@code highPassHz} removes, plus a constant
     * column last: for n frames at interval dt, order = min(n − 1, floor(2 n · highPass · dt)) columns
     * √(2/n) cos(π k (t + ½) / n), k = 1 … order.
     *
     * @return frames × (order + 1)
     */
    public static double[][] cosine(double[] frameTimes, double highPassHz) {
        int n = frameTimes.length;
        if (n < 2) {
            throw PreprocessException.badParameter("frame times", "at least two frames", n);
        }
        double dt = (frameTimes[n - 1] - frameTimes[0]) / (n - 1);
        if (!(dt > 0)) {
            throw PreprocessException.badParameter("frame times", "increasing times (a repetition time)", "an interval of " + dt);
        }
        if (!(highPassHz >= 0) || highPassHz * dt >= 0.5) {
            throw PreprocessException.badParameter("high-pass cutoff", "between 0 and Nyquist (" + 0.5 / dt + " Hz)",
                    highPassHz + " Hz");
        }
        int order = Math.min(n - 1, (int) Math.floor(2 * n * highPassHz * dt));
        double[][] basis = new double[n][order + 1];
        double normaliser = Math.sqrt(2.0 / n);
        for (int t = 0; t < n; t++) {
            for (int k = 1; k <= order; k++) {
                basis[t][k - 1] = normaliser * Math.cos(Math.PI / n * (t + 0.5) * k);
            }
            basis[t][order] = 1;
        }
        return basis;
    }
}
