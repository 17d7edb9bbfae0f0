package org.neurodec.subjects.riemann;

import java.util.Locale;
import org.neurodec.preprocess.filter.Band;
import org.neurodec.preprocess.filter.IirDesign;
import org.neurodec.preprocess.filter.SecondOrderSections;
import org.neurodec.preprocess.filter.ZeroPhase;
import org.neurodec.subjects.SubjectsException;

/**
 * Covariance estimators for one trial (channels × times), as scikit-learn computes them on the
 * trial's transpose (times as samples, channels as features): the empirical covariance (channel
 * means removed, divided by the number of samples), Ledoit–Wolf and OAS shrinkage towards
 * {@code trace/n · I} with their data-driven intensities, and a fixed shrinkage. Also the extended
 * (filter-bank) signal of SSVEP decoding: each channel band-passed around each stimulation frequency
 * and the bands stacked.
 */
public final class Covariances {

    /** How a trial's covariance is estimated. */
    public enum Estimator {
        /** The empirical covariance (scikit-learn {@code empirical_covariance}). */
        EMPIRICAL,
        /** Ledoit–Wolf shrinkage (scikit-learn {@code ledoit_wolf}; pyRiemann's {@code lwf}). */
        LEDOIT_WOLF,
        /** Oracle approximating shrinkage (scikit-learn {@code oas}). */
        OAS,
        /** A fixed shrinkage intensity (scikit-learn {@code ShrunkCovariance}). */
        SHRUNK;

        /** The estimator a job names: {@code empirical}, {@code lwf}, {@code oas} or {@code shrunk}. */
        public static Estimator named(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "empirical", "scm" -> EMPIRICAL;
                case "lwf", "ledoit-wolf" -> LEDOIT_WOLF;
                case "oas" -> OAS;
                case "shrunk" -> SHRUNK;
                default -> throw new SubjectsException("covariance estimator: expected empirical, lwf, oas or shrunk, found "
                        + name);
            };
        }
    }

    private Covariances() {
    }

    /** The covariance of one trial (channels × times); {@code shrinkage} is used by {@link Estimator#SHRUNK} only. */
    public static Spd estimate(double[][] trial, Estimator estimator, double shrinkage) {
        int p = trial.length;
        int t = trial[0].length;
        if (t < 2) {
            throw new SubjectsException("covariance: expected at least 2 samples per trial, found " + t);
        }
        double[][] x = new double[p][t];
        for (int i = 0; i < p; i++) {
            double mean = 0;
            for (double v : trial[i]) {
                mean += v;
            }
            mean /= t;
            for (int s = 0; s < t; s++) {
                x[i][s] = trial[i][s] - mean;
            }
        }
        double[] s = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double sum = 0;
                double[] a = x[i];
                double[] b = x[j];
                for (int k = 0; k < t; k++) {
                    sum += a[k] * b[k];
                }
                s[i * p + j] = sum / t;
                s[j * p + i] = sum / t;
            }
        }
        double mu = 0;
        for (int i = 0; i < p; i++) {
            mu += s[i * p + i];
        }
        mu /= p;
        double intensity = switch (estimator) {
            case EMPIRICAL -> 0;
            case SHRUNK -> {
                if (!(shrinkage >= 0 && shrinkage <= 1)) {
                    throw new SubjectsException("shrinkage: expected a value from 0 to 1, found " + shrinkage);
                }
                yield shrinkage;
            }
            case LEDOIT_WOLF -> ledoitWolf(x, s, mu, p, t);
            case OAS -> oas(s, mu, p, t);
        };
        double[] out = new double[p * p];
        for (int i = 0; i < out.length; i++) {
            out[i] = (1 - intensity) * s[i];
        }
        for (int i = 0; i < p; i++) {
            out[i * p + i] += intensity * mu;
        }
        return Spd.wrap(p, out);
    }

    /** scikit-learn's Ledoit–Wolf intensity for centred samples x (features × samples) with empirical covariance s. */
    private static double ledoitWolf(double[][] x, double[] s, double mu, int p, int t) {
        if (p == 1) {
            return 0;
        }
        double beta = 0; // Σ over samples of ‖x_t‖⁴, i.e. the sum of the entries of (X²)ᵀX²
        for (int k = 0; k < t; k++) {
            double norm = 0;
            for (int i = 0; i < p; i++) {
                norm += x[i][k] * x[i][k];
            }
            beta += norm * norm;
        }
        double delta = 0; // ‖S‖_F²
        for (double v : s) {
            delta += v * v;
        }
        double b = (beta / t - delta) / ((double) p * t);
        double trace = mu * p;
        double d = (delta - 2 * mu * trace + p * mu * mu) / p;
        b = Math.min(b, d);
        return b == 0 ? 0 : b / d;
    }

    /** scikit-learn's OAS intensity. */
    private static double oas(double[] s, double mu, int p, int t) {
        double alpha = 0;
        for (double v : s) {
            alpha += v * v;
        }
        alpha /= (double) p * p;
        double num = alpha + mu * mu;
        double den = (t + 1.0) * (alpha - mu * mu / p);
        return den == 0 ? 1 : Math.min(num / den, 1);
    }

    /**
     * The extended signal of SSVEP decoding: every channel band-passed at {@code f ± halfWidth} Hz for
     * each frequency (Butterworth of {@code order}, zero-phase as SciPy's {@code sosfiltfilt}), the bands
     * stacked frequency by frequency: (frequencies × channels) × times.
     */
    public static double[][] extended(double[][] trial, double sfreq, double[] frequencies, double halfWidth, int order) {
        double[][] out = new double[frequencies.length * trial.length][];
        for (int f = 0; f < frequencies.length; f++) {
            double low = frequencies[f] - halfWidth;
            double high = frequencies[f] + halfWidth;
            if (!(low > 0 && high < sfreq / 2)) {
                throw new SubjectsException("extended signal: band " + low + "–" + high + " Hz must lie between 0 and the"
                        + " Nyquist frequency " + sfreq / 2 + " Hz");
            }
            SecondOrderSections sos = IirDesign.butterworth(order, Band.BANDPASS, sfreq, low, high);
            for (int c = 0; c < trial.length; c++) {
                out[f * trial.length + c] = ZeroPhase.apply(sos, trial[c]);
            }
        }
        return out;
    }
}
