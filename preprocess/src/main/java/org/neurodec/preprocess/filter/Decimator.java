package org.neurodec.preprocess.filter;

import org.neurodec.preprocess.PreprocessException;

/**
 * Decimation by an integer factor with anti-aliasing, as SciPy's {@code decimate(x, q)} does it by
 * default: an order-8 Chebyshev type I low-pass (0.05 dB ripple) at 0.8 × the new Nyquist, applied
 * with zero phase, then every q-th sample. Immutable.
 */
public final class Decimator {

    private final int factor;
    private final SecondOrderSections lowpass;

    /** A decimator by {@code factor} (2 or more). */
    public Decimator(int factor) {
        if (factor < 2) {
            throw PreprocessException.badParameter("decimation factor", "an integer of at least 2", factor);
        }
        this.factor = factor;
        this.lowpass = IirDesign.chebyshev1(8, 0.05, Band.LOWPASS, 2.0, 0.8 / factor);
    }

    /** {@code x} low-passed and decimated: ceil(n / factor) samples. */
    public double[] apply(double[] x) {
        double[] filtered = ZeroPhase.apply(lowpass, x);
        double[] out = new double[(x.length + factor - 1) / factor];
        for (int i = 0; i < out.length; i++) {
            out[i] = filtered[i * factor];
        }
        return out;
    }
}
