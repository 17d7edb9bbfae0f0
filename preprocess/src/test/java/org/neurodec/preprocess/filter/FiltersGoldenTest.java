package org.neurodec.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.hdf5.Hdf5File;

/**
 * golden/filters.h5: SciPy 1.10 and MNE 1.3 applied to 4 EEG channels at 128 Hz. Each result is
 * reproduced from the input within 1e-6 × the input's largest absolute value.
 */
class FiltersGoldenTest {

    static final double SFREQ = 128.0;
    static double[][] input;
    static double tolerance;

    @BeforeAll
    static void readInput() {
        input = read("input");
        double max = 0;
        for (double[] row : input) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        tolerance = 1e-6 * max;
    }

    static double[][] read(String name) {
        try (Hdf5File hdf = Hdf5File.open(TestData.file("golden/filters.h5"))) {
            long[] shape = hdf.shape(name);
            double[] flat = hdf.read(name).toDoubles();
            double[][] rows = new double[(int) shape[0]][(int) shape[1]];
            for (int c = 0; c < rows.length; c++) {
                System.arraycopy(flat, c * rows[c].length, rows[c], 0, rows[c].length);
            }
            return rows;
        }
    }

    static void assertReproduces(String name, UnaryOperator<double[]> operation) {
        double[][] expected = read(name);
        for (int c = 0; c < input.length; c++) {
            double[] actual = operation.apply(input[c]);
            assertTrue(actual.length == expected[c].length, name + ": length " + actual.length + " vs " + expected[c].length);
            double worst = 0;
            for (int t = 0; t < actual.length; t++) {
                worst = Math.max(worst, Math.abs(actual[t] - expected[c][t]));
            }
            final double error = worst;
            final int channel = c;
            assertTrue(error <= tolerance, () -> name + " channel " + channel + ": max abs error " + error + " > " + tolerance);
        }
    }

    @Test
    void butterworthBandPassSosfiltfilt() {
        SecondOrderSections sos = IirDesign.butterworth(4, Band.BANDPASS, SFREQ, 1, 40);
        assertReproduces("butter4_bandpass_1_40_sosfiltfilt", x -> ZeroPhase.apply(sos, x));
    }

    @Test
    void butterworthHighPassSosfiltfilt() {
        SecondOrderSections sos = IirDesign.butterworth(2, Band.HIGHPASS, SFREQ, 0.5);
        assertReproduces("butter2_highpass_0.5_sosfiltfilt", x -> ZeroPhase.apply(sos, x));
    }

    @Test
    void notchFiltfilt() {
        TransferFunction notch = IirDesign.notch(50, 30, SFREQ);
        assertReproduces("iirnotch_50_q30_filtfilt", x -> ZeroPhase.apply(notch, x));
    }

    @Test
    void mneFirBandPassWithDefaults() {
        FirFilter fir = FirFilter.mne(SFREQ, 1.0, 40.0);
        org.junit.jupiter.api.Assertions.assertEquals(423, fir.taps().length, "MNE's automatic length");
        assertReproduces("mne_filter_data_fir_1_40_defaults", fir::apply);
    }

    @Test
    void polyphaseResampling() {
        PolyphaseResampler resampler = new PolyphaseResampler(2, 3);
        assertReproduces("resample_poly_up2_down3", resampler::apply);
    }

    @Test
    void linearDetrend() {
        assertReproduces("detrend_linear", Detrend::linear);
    }
}
