package org.neurodec.preprocess.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.neurodec.preprocess.PreprocessException;

/**
 * IIR filter design as SciPy does it: an analog prototype's zeros, poles and gain, transformed to
 * the requested band with pre-warped cutoffs, mapped by the bilinear transform, and grouped into
 * second-order sections. Cutoffs are in Hz and must lie strictly between 0 and Nyquist.
 */
public final class IirDesign {

    private IirDesign() {
    }

    /**
     * {@code scipy.signal.butter(order, cutoffs, band, fs=sfreq, output='sos')}.
     *
     * @param cutoffs one frequency for low- and high-pass, two (low, high) for band-pass and band-stop
     */
    public static SecondOrderSections butterworth(int order, Band band, double sfreq, double... cutoffs) {
        if (order < 1 || order > 32) {
            throw PreprocessException.badParameter("order", "1 to 32", order);
        }
        double[] wn = normalisedCutoffs(band, sfreq, cutoffs);
        List<Complex> poles = new ArrayList<>();
        for (int m = -order + 1; m < order; m += 2) {
            poles.add(new Complex(0, Math.PI * m / (2.0 * order)).exp().negate());
        }
        return toSections(transform(new Zpk(new ArrayList<>(), poles, 1.0), band, wn));
    }

    /**
     * {@code scipy.signal.cheby1(order, rippleDb, cutoffs, band, fs=sfreq, output='sos')}: Chebyshev
     * type I, equiripple in the pass band with {@code rippleDb} of ripple.
     */
    public static SecondOrderSections chebyshev1(int order, double rippleDb, Band band, double sfreq, double... cutoffs) {
        if (order < 1 || order > 32) {
            throw PreprocessException.badParameter("order", "1 to 32", order);
        }
        if (!(rippleDb > 0)) {
            throw PreprocessException.badParameter("ripple", "a positive number of dB", rippleDb);
        }
        double[] wn = normalisedCutoffs(band, sfreq, cutoffs);
        double eps = Math.sqrt(Math.pow(10, 0.1 * rippleDb) - 1.0);
        double mu = asinh(1 / eps) / order;
        List<Complex> poles = new ArrayList<>();
        for (int m = -order + 1; m < order; m += 2) {
            double theta = Math.PI * m / (2.0 * order);
            poles.add(new Complex(mu, theta).sinh().negate());
        }
        Complex gain = product(negate(poles));
        double k = gain.getReal() / (order % 2 == 0 ? Math.sqrt(1 + eps * eps) : 1);
        return toSections(transform(new Zpk(new ArrayList<>(), poles, k), band, wn));
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    /** {@code scipy.signal.iirnotch(f0, q, fs=sfreq)}: a second-order notch at {@code f0} Hz with quality {@code q}. */
    public static TransferFunction notch(double f0, double q, double sfreq) {
        if (!(f0 > 0 && f0 < sfreq / 2)) {
            throw PreprocessException.badParameter("notch frequency", "between 0 and Nyquist (" + sfreq / 2 + " Hz)", f0 + " Hz");
        }
        if (!(q > 0)) {
            throw PreprocessException.badParameter("notch quality factor", "a positive number", q);
        }
        double w0 = 2 * f0 / sfreq;
        double bw = w0 / q * Math.PI;
        w0 *= Math.PI;
        double gb = 1 / Math.sqrt(2);
        double beta = Math.sqrt(1.0 - gb * gb) / gb * Math.tan(bw / 2.0);
        double gain = 1.0 / (1.0 + beta);
        double[] b = {gain, -2.0 * gain * Math.cos(w0), gain};
        double[] a = {1.0, -2.0 * gain * Math.cos(w0), 2.0 * gain - 1.0};
        return TransferFunction.of(b, a);
    }

    /** Cutoffs as fractions of Nyquist, checked against the band and the sampling rate. */
    static double[] normalisedCutoffs(Band band, double sfreq, double... cutoffs) {
        int expected = band == Band.LOWPASS || band == Band.HIGHPASS ? 1 : 2;
        if (!(sfreq > 0)) {
            throw PreprocessException.badParameter("sampling rate", "a positive number of Hz", sfreq);
        }
        if (cutoffs.length != expected) {
            throw PreprocessException.badParameter("cutoffs", expected + " frequency for a " + band.name().toLowerCase(),
                    cutoffs.length + " frequencies");
        }
        double[] wn = new double[expected];
        for (int i = 0; i < expected; i++) {
            if (!(cutoffs[i] > 0 && cutoffs[i] < sfreq / 2)) {
                throw PreprocessException.badParameter("cutoff", "between 0 and Nyquist (" + sfreq / 2 + " Hz)",
                        cutoffs[i] + " Hz");
            }
            wn[i] = 2 * cutoffs[i] / sfreq;
        }
        if (expected == 2 && !(wn[0] < wn[1])) {
            throw PreprocessException.badParameter("cutoffs", "low < high", cutoffs[0] + " Hz, " + cutoffs[1] + " Hz");
        }
        return wn;
    }

    /** Zeros, poles and gain. */
    record Zpk(List<Complex> zeros, List<Complex> poles, double gain) {
    }

    private static Zpk transform(Zpk prototype, Band band, double[] wn) {
        double fs = 2.0;
        double[] warped = new double[wn.length];
        for (int i = 0; i < wn.length; i++) {
            warped[i] = 2 * fs * Math.tan(Math.PI * wn[i] / fs);
        }
        Zpk analog = switch (band) {
            case LOWPASS -> lowpass(prototype, warped[0]);
            case HIGHPASS -> highpass(prototype, warped[0]);
            case BANDPASS -> bandpass(prototype, Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
            case BANDSTOP -> bandstop(prototype, Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
        };
        return bilinear(analog, fs);
    }

    private static Zpk lowpass(Zpk p, double wo) {
        int degree = p.poles().size() - p.zeros().size();
        return new Zpk(scale(p.zeros(), wo), scale(p.poles(), wo), p.gain() * Math.pow(wo, degree));
    }

    private static Zpk highpass(Zpk p, double wo) {
        int degree = p.poles().size() - p.zeros().size();
        List<Complex> zeros = new ArrayList<>();
        p.zeros().forEach(z -> zeros.add(new Complex(wo).divide(z)));
        List<Complex> poles = new ArrayList<>();
        p.poles().forEach(q -> poles.add(new Complex(wo).divide(q)));
        for (int i = 0; i < degree; i++) {
            zeros.add(Complex.ZERO);
        }
        double gain = p.gain() * product(negate(p.zeros())).divide(product(negate(p.poles()))).getReal();
        return new Zpk(zeros, poles, gain);
    }

    private static Zpk bandpass(Zpk p, double wo, double bw) {
        int degree = p.poles().size() - p.zeros().size();
        List<Complex> zeros = split(scale(p.zeros(), bw / 2), wo);
        List<Complex> poles = split(scale(p.poles(), bw / 2), wo);
        for (int i = 0; i < degree; i++) {
            zeros.add(Complex.ZERO);
        }
        return new Zpk(zeros, poles, p.gain() * Math.pow(bw, degree));
    }

    private static Zpk bandstop(Zpk p, double wo, double bw) {
        int degree = p.poles().size() - p.zeros().size();
        List<Complex> zHp = new ArrayList<>();
        p.zeros().forEach(z -> zHp.add(new Complex(bw / 2).divide(z)));
        List<Complex> pHp = new ArrayList<>();
        p.poles().forEach(q -> pHp.add(new Complex(bw / 2).divide(q)));
        List<Complex> zeros = split(zHp, wo);
        List<Complex> poles = split(pHp, wo);
        for (int i = 0; i < degree; i++) {
            zeros.add(new Complex(0, wo));
            zeros.add(new Complex(0, -wo));
        }
        double gain = p.gain() * product(negate(p.zeros())).divide(product(negate(p.poles()))).getReal();
        return new Zpk(zeros, poles, gain);
    }

    /** Each root r becomes the two roots r ± sqrt(r² − wo²). */
    private static List<Complex> split(List<Complex> roots, double wo) {
        List<Complex> plus = new ArrayList<>();
        List<Complex> minus = new ArrayList<>();
        for (Complex r : roots) {
            Complex s = r.multiply(r).subtract(wo * wo).sqrt();
            plus.add(r.add(s));
            minus.add(r.subtract(s));
        }
        plus.addAll(minus);
        return plus;
    }

    private static Zpk bilinear(Zpk p, double fs) {
        int degree = p.poles().size() - p.zeros().size();
        double fs2 = 2 * fs;
        List<Complex> zeros = new ArrayList<>();
        p.zeros().forEach(z -> zeros.add(new Complex(fs2).add(z).divide(new Complex(fs2).subtract(z))));
        List<Complex> poles = new ArrayList<>();
        p.poles().forEach(q -> poles.add(new Complex(fs2).add(q).divide(new Complex(fs2).subtract(q))));
        for (int i = 0; i < degree; i++) {
            zeros.add(new Complex(-1));
        }
        Complex num = Complex.ONE;
        for (Complex z : p.zeros()) {
            num = num.multiply(new Complex(fs2).subtract(z));
        }
        Complex den = Complex.ONE;
        for (Complex q : p.poles()) {
            den = den.multiply(new Complex(fs2).subtract(q));
        }
        return new Zpk(zeros, poles, p.gain() * num.divide(den).getReal());
    }

    /**
     * Groups poles into conjugate pairs, each with the two zeros nearest to it, one section per pair
     * (a real pole gets a section of first order); the gain goes to the first section.
     */
    static SecondOrderSections toSections(Zpk zpk) {
        List<Complex> poles = new ArrayList<>(zpk.poles());
        List<Complex> zeros = new ArrayList<>(zpk.zeros());
        while (zeros.size() < poles.size()) {
            zeros.add(Complex.ZERO);
        }
        poles.sort(Comparator.comparingDouble((Complex c) -> -c.abs()));
        List<double[]> sections = new ArrayList<>();
        while (!poles.isEmpty()) {
            Complex p1 = poles.remove(0);
            Complex p2 = null;
            if (Math.abs(p1.getImaginary()) > 1e-12 * Math.max(1, p1.abs())) {
                p2 = nearest(poles, p1.conjugate());
            } else if (!poles.isEmpty()) {
                p2 = nearestReal(poles);
            }
            Complex z1 = nearest(zeros, p1);
            Complex z2 = p2 == null ? null : nearest(zeros, z1.getImaginary() != 0 ? z1.conjugate() : p2);
            sections.add(section(z1, z2, p1, p2));
        }
        double[][] sos = sections.toArray(double[][]::new);
        for (int i = 0; i < 3; i++) {
            sos[0][i] *= zpk.gain();
        }
        return SecondOrderSections.of(sos);
    }

    private static double[] section(Complex z1, Complex z2, Complex p1, Complex p2) {
        double[] b = quadratic(z1, z2);
        double[] a = quadratic(p1, p2);
        return new double[] {b[0], b[1], b[2], a[0], a[1], a[2]};
    }

    /** (1 − r1 z⁻¹)(1 − r2 z⁻¹) as real coefficients; a missing root gives a first-order factor. */
    private static double[] quadratic(Complex r1, Complex r2) {
        if (r2 == null) {
            return new double[] {1, -r1.getReal(), 0};
        }
        return new double[] {1, -r1.add(r2).getReal(), r1.multiply(r2).getReal()};
    }

    private static Complex nearest(List<Complex> candidates, Complex target) {
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (candidates.get(i).subtract(target).abs() < candidates.get(best).subtract(target).abs()) {
                best = i;
            }
        }
        return candidates.remove(best);
    }

    private static Complex nearestReal(List<Complex> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            if (Math.abs(candidates.get(i).getImaginary()) <= 1e-12) {
                return candidates.remove(i);
            }
        }
        return candidates.remove(0);
    }

    private static List<Complex> scale(List<Complex> roots, double factor) {
        List<Complex> out = new ArrayList<>();
        roots.forEach(r -> out.add(r.multiply(factor)));
        return out;
    }

    private static List<Complex> negate(List<Complex> roots) {
        List<Complex> out = new ArrayList<>();
        roots.forEach(r -> out.add(r.negate()));
        return out;
    }

    private static Complex product(List<Complex> roots) {
        Complex p = Complex.ONE;
        for (Complex r : roots) {
            p = p.multiply(r);
        }
        return p;
    }
}
