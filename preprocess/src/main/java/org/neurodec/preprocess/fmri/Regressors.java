package org.neurodec.preprocess.fmri;

import java.util.List;
import org.neurodec.ingest.events.Event;
import org.neurodec.preprocess.PreprocessException;

/**
 * Task regressors: the events' boxcars on a fine time grid (oversampled frames), convolved with a
 * haemodynamic response, then sampled at the frame times by linear interpolation.
 */
public final class Regressors {

    /** Fine-grid points per repetition time. */
    public static final int OVERSAMPLING = 50;

    private Regressors() {
    }

    /** The predicted response to {@code events} (amplitude 1 each) at {@code frameTimes}. */
    public static double[] convolved(List<Event> events, double[] frameTimes, Hrf hrf) {
        return convolved(events, frameTimes, dt -> hrf.kernel(dt));
    }

    /** The same events convolved with the HRF's time derivative (to absorb small latency shifts). */
    public static double[] convolvedDerivative(List<Event> events, double[] frameTimes, Hrf hrf) {
        return convolved(events, frameTimes, hrf::timeDerivative);
    }

    private static double[] convolved(List<Event> events, double[] frameTimes,
            java.util.function.DoubleFunction<double[]> kernelAt) {
        int n = frameTimes.length;
        if (n < 2) {
            throw PreprocessException.badParameter("frame times", "at least two frames", n);
        }
        double tr = (frameTimes[n - 1] - frameTimes[0]) / (n - 1);
        if (!(tr > 0)) {
            throw PreprocessException.badParameter("repetition time", "a positive number of seconds", tr);
        }
        double dt = tr / OVERSAMPLING;
        double start = frameTimes[0] - 24;
        double end = frameTimes[n - 1] + tr;
        int fine = (int) Math.rint((end - start) / dt) + 1;
        double[] boxcar = new double[fine];
        for (Event e : events) {
            double duration = Double.isNaN(e.duration()) ? 0 : e.duration();
            int on = index(e.onset() - start, dt, fine);
            int off = index(e.onset() + duration - start, dt, fine);
            if (off == on && off < fine - 1) {
                off++;
            }
            boxcar[on] += 1;
            boxcar[off] -= 1;
        }
        for (int i = 1; i < fine; i++) {
            boxcar[i] += boxcar[i - 1];
        }
        double[] kernel = kernelAt.apply(dt);
        double[] convolved = new double[fine];
        for (int i = 0; i < fine; i++) {
            if (boxcar[i] == 0) {
                continue;
            }
            for (int k = 0; k < kernel.length && i + k < fine; k++) {
                convolved[i + k] += boxcar[i] * kernel[k];
            }
        }
        double[] out = new double[n];
        for (int f = 0; f < n; f++) {
            double position = (frameTimes[f] - start) / dt;
            int i = Math.min(fine - 2, (int) Math.floor(position));
            double w = position - i;
            out[f] = convolved[i] * (1 - w) + convolved[i + 1] * w;
        }
        return out;
    }

    private static int index(double t, double dt, int fine) {
        return Math.max(0, Math.min(fine - 1, (int) Math.ceil(t / dt - 1e-9)));
    }
}
