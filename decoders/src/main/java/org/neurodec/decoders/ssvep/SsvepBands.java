package org.neurodec.decoders.ssvep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neurodec.preprocess.filter.Band;
import org.neurodec.preprocess.filter.IirDesign;
import org.neurodec.preprocess.filter.SecondOrderSections;
import org.neurodec.preprocess.filter.ZeroPhase;

/**
 * The canonical correlations that CCA, FBCCA and the SSVEP features share: a trial, over the whole
 * band and/or filter-bank sub-bands [m · step, upper] Hz (m = 1..subbands; Chebyshev I, order 4,
 * 0.5 dB, zero phase), against sine/cosine references at each frequency and its harmonics. The
 * filters are designed once and the references' orthonormal bases made once per trial length.
 */
final class SsvepBands {

    private final double[] frequencies;
    private final int harmonics;
    private final double sfreq;
    /** One filter per band; null for the whole band. */
    private final SecondOrderSections[] filters;
    private final Map<Integer, double[][][]> referenceBases = new ConcurrentHashMap<>();

    SsvepBands(double[] frequencies, int harmonics, double sfreq, boolean wholeBand, int subbands, double step, double upper) {
        this.frequencies = frequencies.clone();
        this.harmonics = harmonics;
        this.sfreq = sfreq;
        int first = wholeBand ? 1 : 0;
        filters = new SecondOrderSections[first + subbands];
        for (int m = 1; m <= subbands; m++) {
            filters[first + m - 1] = IirDesign.chebyshev1(4, 0.5, Band.BANDPASS, sfreq, m * step, upper);
        }
    }

    /** Bands, in order: the whole band first when kept, then sub-band 1, 2, … */
    int bands() {
        return filters.length;
    }

    /** Every canonical correlation of the trial with each frequency's references, per band: [band][frequency][k]. */
    double[][][] correlations(double[][] trial) {
        double[][][] bases = referenceBases.computeIfAbsent(trial[0].length, times -> {
            double[][][] out = new double[frequencies.length][][];
            for (int f = 0; f < out.length; f++) {
                out[f] = Cca.basis(Cca.reference(frequencies[f], harmonics, sfreq, times));
            }
            return out;
        });
        double[][][] out = new double[filters.length][frequencies.length][];
        for (int b = 0; b < filters.length; b++) {
            double[][] band = trial;
            if (filters[b] != null) {
                band = new double[trial.length][];
                for (int c = 0; c < trial.length; c++) {
                    band[c] = ZeroPhase.apply(filters[b], trial[c]);
                }
            }
            double[][] basis = Cca.basis(band);
            for (int f = 0; f < frequencies.length; f++) {
                out[b][f] = Cca.singularValues(basis, bases[f]);
            }
        }
        return out;
    }
}
