package org.neurodec.decoders.ssvep;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.neurodec.decoders.DecoderException;

/**
 * Training-free SSVEP decoding by canonical correlation analysis (Lin et al. 2006): a trial
 * (channels × times) is compared with sine and cosine references at each stimulation frequency and
 * its harmonics, and assigned the frequency whose largest canonical correlation is highest. With a
 * filter bank (Chen et al. 2015, FBCCA) the trial is first band-passed into sub-bands
 * [m·{@code subbandStep}, {@code upperEdge}] Hz, m = 1..M (Chebyshev type I, order 4, 0.5 dB,
 * zero phase), and the squared correlations are summed with weights m^-1.25 + 0.25.
 */
public final class Cca {

    private final double[] frequencies;
    private final int subbands;
    private final SsvepBands bands;

    private Cca(double[] frequencies, int harmonics, double sfreq, int subbands, double subbandStep, double upperEdge) {
        if (frequencies.length < 2 || harmonics < 1) {
            throw new DecoderException("CCA: expected 2 or more frequencies and 1 or more harmonics, found "
                    + frequencies.length + " and " + harmonics);
        }
        for (double f : frequencies) {
            if (!(f > 0 && f * harmonics < sfreq / 2)) {
                throw new DecoderException("CCA: frequency " + f + " Hz with " + harmonics + " harmonics must stay below the"
                        + " Nyquist frequency " + sfreq / 2 + " Hz");
            }
        }
        this.frequencies = frequencies.clone();
        this.subbands = subbands;
        this.bands = new SsvepBands(frequencies, harmonics, sfreq, subbands == 0, subbands, subbandStep, upperEdge);
    }

    /** Standard CCA over {@code harmonics} harmonics of each frequency (Hz), at sampling rate {@code sfreq}. */
    public static Cca standard(double[] frequencies, int harmonics, double sfreq) {
        return new Cca(frequencies, harmonics, sfreq, 0, 0, 0);
    }

    /** Filter-bank CCA with {@code subbands} sub-bands starting every {@code step} Hz up to {@code upper} Hz. */
    public static Cca filterBank(double[] frequencies, int harmonics, double sfreq, int subbands, double step, double upper) {
        if (subbands < 1 || !(step > 0) || !(upper < sfreq / 2) || !(subbands * step < upper)) {
            throw new DecoderException("FBCCA: expected sub-bands [m × " + step + ", " + upper + "] Hz for m = 1.." + subbands
                    + " below the Nyquist frequency " + sfreq / 2 + " Hz");
        }
        return new Cca(frequencies, harmonics, sfreq, subbands, step, upper);
    }

    /** The score of each frequency for one trial: its canonical correlation, or FBCCA's weighted sum of squares. */
    public double[] scores(double[][] trial) {
        double[][][] r = bands.correlations(trial);
        double[] out = new double[frequencies.length];
        for (int b = 0; b < r.length; b++) {
            double weight = subbands == 0 ? 1 : Math.pow(b + 1, -1.25) + 0.25;
            for (int f = 0; f < out.length; f++) {
                double top = r[b][f].length == 0 ? 0 : r[b][f][0];
                out[f] += subbands == 0 ? top : weight * top * top;
            }
        }
        return out;
    }

    /** The index of the best-scoring frequency for each trial. */
    public int[] predict(double[][][] trials) {
        int[] out = new int[trials.length];
        java.util.stream.IntStream.range(0, trials.length).parallel().forEach(i -> {
            double[] s = scores(trials[i]);
            int best = 0;
            for (int f = 1; f < s.length; f++) {
                best = s[f] > s[best] ? f : best;
            }
            out[i] = best;
        });
        return out;
    }

    /** sin and cos of 2π h f t for h = 1..harmonics, t = sample / sfreq: (2 × harmonics) × times. */
    public static double[][] reference(double frequency, int harmonics, double sfreq, int times) {
        double[][] out = new double[2 * harmonics][times];
        for (int h = 1; h <= harmonics; h++) {
            for (int t = 0; t < times; t++) {
                double phase = 2 * Math.PI * h * frequency * t / sfreq;
                out[2 * (h - 1)][t] = Math.sin(phase);
                out[2 * (h - 1) + 1][t] = Math.cos(phase);
            }
        }
        return out;
    }

    /** Every canonical correlation between the rows of x and of y, largest first (none when either is constant). */
    public static double[] correlations(double[][] x, double[][] y) {
        return singularValues(basis(x), basis(y));
    }

    /** The singular values of Qxᵀ Qy for two orthonormal bases (rows): the canonical correlations, largest first. */
    static double[] singularValues(double[][] qx, double[][] qy) {
        if (qx.length == 0 || qy.length == 0) {
            return new double[0];
        }
        double[][] m = new double[qx.length][qy.length];
        for (int i = 0; i < qx.length; i++) {
            for (int j = 0; j < qy.length; j++) {
                double s = 0;
                for (int t = 0; t < qx[i].length; t++) {
                    s += qx[i][t] * qy[j][t];
                }
                m[i][j] = s;
            }
        }
        double[] values = new SingularValueDecomposition(MatrixUtils.createRealMatrix(m)).getSingularValues();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.min(1, values[i]);
        }
        return values;
    }

    /** An orthonormal basis of the centred rows (modified Gram–Schmidt, twice; dependent rows dropped). */
    static double[][] basis(double[][] rows) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (double[] row : rows) {
            double[] v = row.clone();
            double mean = 0;
            for (double a : v) {
                mean += a;
            }
            mean /= v.length;
            double norm0 = 0;
            for (int t = 0; t < v.length; t++) {
                v[t] -= mean;
                norm0 += v[t] * v[t];
            }
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : out) {
                    double d = 0;
                    for (int t = 0; t < v.length; t++) {
                        d += v[t] * q[t];
                    }
                    for (int t = 0; t < v.length; t++) {
                        v[t] -= d * q[t];
                    }
                }
            }
            double norm = 0;
            for (double a : v) {
                norm += a * a;
            }
            if (norm > 1e-20 * Math.max(norm0, Double.MIN_NORMAL)) {
                double s = 1 / Math.sqrt(norm);
                for (int t = 0; t < v.length; t++) {
                    v[t] *= s;
                }
                out.add(v);
            }
        }
        return out.toArray(double[][]::new);
    }
}
