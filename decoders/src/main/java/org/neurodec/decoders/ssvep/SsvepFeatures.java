package org.neurodec.decoders.ssvep;

import java.util.Arrays;
import org.neurodec.decoders.DecoderException;
import org.neurodec.subjects.TrialSet;

/**
 * SSVEP features of an EEG trial that mean the same in every subject: the largest canonical
 * correlations (Fisher z) between the trial and sine/cosine references at each stimulation frequency
 * and its harmonics, over the whole band and over filter-bank sub-bands [m · step, upper] Hz
 * (m = 1..subbands; Chebyshev I, order 4, 0.5 dB, zero phase). Per-subject standardisation (each
 * feature z-scored over the subject's trials, no labels) removes what differs between heads and
 * amplifiers, so a shared model can read them from any subject.
 *
 * @param frequencies stimulation frequencies (Hz)
 * @param harmonics harmonics in the references
 * @param subbands filter-bank sub-bands besides the whole band
 * @param step sub-band m starts at m × step Hz
 * @param upper sub-bands end here (Hz)
 * @param correlations canonical correlations kept per band and frequency
 */
public record SsvepFeatures(double[] frequencies, int harmonics, int subbands, double step, double upper, int correlations) {

    /** Checks the settings. */
    public SsvepFeatures {
        if (frequencies.length < 1 || harmonics < 1 || subbands < 0 || correlations < 1 || !(step > 0)
                || !(upper > subbands * step)) {
            throw new DecoderException("SSVEP features: expected frequencies, 1 or more harmonics and correlations, and"
                    + " sub-bands [m × " + step + ", " + upper + "] Hz, found " + Arrays.toString(frequencies) + ", "
                    + harmonics + ", " + correlations + ", " + subbands + " sub-bands");
        }
        frequencies = frequencies.clone();
    }

    /** 3 harmonics, 4 sub-bands from 8 Hz steps to 60 Hz, 2 correlations. */
    public static SsvepFeatures of(double[] frequencies) {
        return new SsvepFeatures(frequencies, 3, 4, 8, 60, 2);
    }

    /** Features per trial: (1 + subbands) × frequencies × correlations. */
    public int size() {
        return (1 + subbands) * frequencies.length * correlations;
    }

    /** The features of one trial (channels × times) at {@code sfreq}. */
    public double[] of(double[][] trial, double sfreq) {
        return of(trial, bands(sfreq));
    }

    /** The bands these features read at {@code sfreq}, checked against its Nyquist frequency. */
    private SsvepBands bands(double sfreq) {
        if (!(upper < sfreq / 2) || Arrays.stream(frequencies).anyMatch(f -> !(f * harmonics < sfreq / 2))) {
            throw new DecoderException("SSVEP features: sub-bands up to " + upper + " Hz and " + harmonics + " harmonics of "
                    + Arrays.toString(frequencies) + " Hz must stay below the Nyquist frequency " + sfreq / 2 + " Hz");
        }
        return new SsvepBands(frequencies, harmonics, sfreq, true, subbands, step, upper);
    }

    private double[] of(double[][] trial, SsvepBands bands) {
        double[][][] r = bands.correlations(trial);
        double[] out = new double[size()];
        int at = 0;
        for (double[][] band : r) {
            for (double[] byFrequency : band) {
                for (int k = 0; k < correlations; k++) {
                    double v = k < byFrequency.length ? Math.min(byFrequency[k], 0.999999) : 0;
                    out[at++] = 0.5 * Math.log((1 + v) / (1 - v));
                }
            }
        }
        return out;
    }

    /**
     * One subject's EEG trials as SSVEP features (trials in parallel), each feature z-scored over the
     * subject's trials when {@code standardise}: a trial matrix with the same subject and stimulus ids.
     */
    public TrialSet transform(TrialSet eeg, double sfreq, boolean standardise) {
        int n = eeg.trials();
        int p = size();
        SsvepBands bands = bands(sfreq);
        double[][] rows = java.util.stream.IntStream.range(0, n).parallel().mapToObj(t -> {
            double[][] trial = new double[eeg.channels()][eeg.times()];
            for (int c = 0; c < eeg.channels(); c++) {
                for (int s = 0; s < eeg.times(); s++) {
                    trial[c][s] = eeg.get(t, c, s);
                }
            }
            return of(trial, bands);
        }).toArray(double[][]::new);
        float[] values = new float[n * p];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < p; j++) {
                values[t * p + j] = (float) rows[t][j];
            }
        }
        TrialSet out = TrialSet.wrapFeatures(eeg.subject(), p, values, eeg.stimuli());
        return standardise && n > 1 ? out.standardisedBy(java.util.stream.IntStream.range(0, n).toArray()) : out;
    }
}
