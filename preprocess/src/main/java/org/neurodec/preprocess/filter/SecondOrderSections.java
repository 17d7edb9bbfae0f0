package org.neurodec.preprocess.filter;

import java.util.Arrays;

/**
 * An IIR filter as a cascade of second-order sections, each {@code [b0, b1, b2, 1, a1, a2]} (SciPy's
 * {@code sos} layout). Immutable: design once, apply to many signals. {@link #filterCausal} runs it
 * forward once (SciPy's {@code sosfilt}); {@link ZeroPhase#apply(SecondOrderSections, double[])} runs
 * it forward and backward ({@code sosfiltfilt}).
 */
public final class SecondOrderSections {

    private final double[][] sections;

    private SecondOrderSections(double[][] sections) {
        this.sections = sections;
    }

    /** Sections {@code [b0, b1, b2, a0, a1, a2]}, normalised here so that a0 = 1. */
    public static SecondOrderSections of(double[][] sections) {
        double[][] copy = new double[sections.length][];
        for (int s = 0; s < sections.length; s++) {
            if (sections[s].length != 6 || sections[s][3] == 0) {
                throw new IllegalArgumentException("section " + s + " must be [b0, b1, b2, a0, a1, a2] with a0 != 0, got "
                        + Arrays.toString(sections[s]));
            }
            double a0 = sections[s][3];
            copy[s] = new double[6];
            for (int i = 0; i < 6; i++) {
                copy[s][i] = sections[s][i] / a0;
            }
        }
        return new SecondOrderSections(copy);
    }

    /** The sections, {@code [b0, b1, b2, 1, a1, a2]} each. */
    public double[][] sections() {
        return Arrays.stream(sections).map(double[]::clone).toArray(double[][]::new);
    }

    /** Number of sections. */
    public int size() {
        return sections.length;
    }

    /**
     * The default edge padding of zero-phase filtering: 3 × the number of taps, where the taps are
     * 2 × sections + 1 less the sections whose b2 and a2 are both zero (as SciPy counts them).
     */
    public int defaultPadding() {
        long zeroB = Arrays.stream(sections).filter(s -> s[2] == 0).count();
        long zeroA = Arrays.stream(sections).filter(s -> s[5] == 0).count();
        return (int) (3 * (2 * sections.length + 1 - Math.min(zeroB, zeroA)));
    }

    /** The state, per section, at which a constant input of 1 gives a constant output (SciPy's {@code sosfilt_zi}). */
    public double[][] steadyState() {
        double[][] zi = new double[sections.length][];
        double scale = 1;
        for (int s = 0; s < sections.length; s++) {
            double[] b = Arrays.copyOfRange(sections[s], 0, 3);
            double[] a = Arrays.copyOfRange(sections[s], 3, 6);
            zi[s] = TransferFunction.of(b, a).steadyState();
            for (int i = 0; i < zi[s].length; i++) {
                zi[s][i] *= scale;
            }
            scale *= (b[0] + b[1] + b[2]) / (a[0] + a[1] + a[2]);
        }
        return zi;
    }

    /** Filters {@code x} forward once from a zero state. */
    public double[] filterCausal(double[] x) {
        double[] y = x.clone();
        filterInPlace(y, 0, y.length, new double[sections.length][2], 1, false);
        return y;
    }

    /**
     * Filters {@code data[from, to)} in place, forward or backward, starting from {@code state} × {@code
     * stateScale} (direct form II transposed, as {@code sosfilt}).
     */
    void filterInPlace(double[] data, int from, int to, double[][] state, double stateScale, boolean backward) {
        for (int s = 0; s < sections.length; s++) {
            double[] c = sections[s];
            double b0 = c[0];
            double b1 = c[1];
            double b2 = c[2];
            double a1 = c[4];
            double a2 = c[5];
            double z0 = state[s][0] * stateScale;
            double z1 = state[s][1] * stateScale;
            if (!backward) {
                for (int i = from; i < to; i++) {
                    double x = data[i];
                    double y = b0 * x + z0;
                    z0 = b1 * x - a1 * y + z1;
                    z1 = b2 * x - a2 * y;
                    data[i] = y;
                }
            } else {
                for (int i = to - 1; i >= from; i--) {
                    double x = data[i];
                    double y = b0 * x + z0;
                    z0 = b1 * x - a1 * y + z1;
                    z1 = b2 * x - a2 * y;
                    data[i] = y;
                }
            }
        }
    }
}
