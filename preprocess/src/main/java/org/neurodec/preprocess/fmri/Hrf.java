package org.neurodec.preprocess.fmri;

import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * A haemodynamic response function: a difference of two gamma densities (peak and undershoot), as
 * SPM's canonical HRF and Glover's are defined, sampled at a fine time step and normalised to sum 1.
 *
 * @param delay peak delay (s)
 * @param undershoot undershoot delay (s)
 * @param dispersion peak dispersion
 * @param undershootDispersion undershoot dispersion
 * @param ratio undershoot amplitude relative to the peak
 */
public record Hrf(double delay, double undershoot, double dispersion, double undershootDispersion, double ratio) {

    /** SPM's canonical HRF: peak at 6 s, undershoot at 16 s, ratio 1/6 (0.167). */
    public static Hrf spm() {
        return new Hrf(6, 16, 1, 1, 0.167);
    }

    /** Glover's HRF: peak at 6 s, undershoot at 12 s, dispersions 0.9, ratio 0.35. */
    public static Hrf glover() {
        return new Hrf(6, 12, 0.9, 0.9, 0.35);
    }

    /**
     * The response sampled every {@code dt} seconds over {@code length} seconds: round(length / dt)
     * points spread evenly from 0 to {@code length} inclusive, each density shifted by one step,
     * normalised to sum 1.
     */
    public double[] kernel(double dt, double length, double onset) {
        int n = (int) Math.rint(length / dt);
        double[] h = new double[n];
        GammaDistribution peak = new GammaDistribution(delay / dispersion, dispersion);
        GammaDistribution late = new GammaDistribution(undershoot / undershootDispersion, undershootDispersion);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double t = (n == 1 ? 0 : length * i / (n - 1)) - onset - dt;
            h[i] = (t > 0 ? peak.density(t) : 0) - ratio * (t > 0 ? late.density(t) : 0);
            sum += h[i];
        }
        for (int i = 0; i < n; i++) {
            h[i] /= sum;
        }
        return h;
    }

    /** {@link #kernel(double, double, double)} over 32 s from onset 0. */
    public double[] kernel(double dt) {
        return kernel(dt, 32, 0);
    }

    /** The time derivative: (h(t) − h(t − 0.1 s)) / 0.1 s, from kernels with onsets 0 and 0.1 s. */
    public double[] timeDerivative(double dt) {
        double[] a = kernel(dt, 32, 0);
        double[] b = kernel(dt, 32, 0.1);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = (a[i] - b[i]) / 0.1;
        }
        return d;
    }
}
