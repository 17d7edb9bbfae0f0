package org.neurodec.preprocess.filter;

/** Windowed-sinc FIR design (SciPy's {@code firwin}). */
public final class FirDesign {

    private FirDesign() {
    }

    /**
     * {@code firwin(taps, cutoff, window)} for a low-pass filter: the ideal response up to {@code cutoff}
     * (a fraction of Nyquist), times {@code window}, scaled to unit gain at DC.
     */
    public static double[] lowpass(int taps, double cutoff, double[] window) {
        return bands(taps, new double[][] {{0, cutoff}}, window);
    }

    /**
     * {@code firwin} for pass bands given as [left, right] pairs (fractions of Nyquist), scaled to unit
     * gain at the centre of the first band (at 0 when it starts at 0, at Nyquist when it ends there).
     */
    public static double[] bands(int taps, double[][] passBands, double[] window) {
        double alpha = 0.5 * (taps - 1);
        double[] h = new double[taps];
        for (int i = 0; i < taps; i++) {
            double m = i - alpha;
            for (double[] band : passBands) {
                h[i] += band[1] * sinc(band[1] * m) - band[0] * sinc(band[0] * m);
            }
            h[i] *= window[i];
        }
        double left = passBands[0][0];
        double right = passBands[0][1];
        double frequency = left == 0 ? 0 : right == 1 ? 1 : 0.5 * (left + right);
        double sum = 0;
        for (int i = 0; i < taps; i++) {
            sum += h[i] * Math.cos(Math.PI * (i - alpha) * frequency);
        }
        for (int i = 0; i < taps; i++) {
            h[i] /= sum;
        }
        return h;
    }

    static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double y = Math.PI * x;
        return Math.sin(y) / y;
    }
}
