package org.neurodec.preprocess.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.preprocess.filter.FirFilter;

/** Filtering in overlapping chunks equals filtering in one piece, whatever the chunk size. */
class ChunkedFilteringTest {

    @Test
    void chunksEqualOnePiece() {
        EegRecording recording = EegRecording.open(TestData.file("real/eegbci-S001/S001R06.edf"));
        FirFilter fir = FirFilter.mne(recording.sfreq(), 7.0, 30.0);
        double[][] whole = new double[recording.channels().size()][];
        for (int c = 0; c < whole.length; c++) {
            whole[c] = fir.apply(recording.read(c, 0, (int) recording.times()));
        }
        for (int chunk : new int[] {997, 4096, 20000}) {
            double[][] pieces = new double[whole.length][(int) recording.times()];
            ChunkedFiltering.apply(recording, fir, chunk, (channel, start, values) ->
                    System.arraycopy(values, 0, pieces[channel], (int) start, values.length));
            double worst = 0;
            double max = 0;
            for (int c = 0; c < whole.length; c++) {
                for (int t = 0; t < whole[c].length; t++) {
                    worst = Math.max(worst, Math.abs(whole[c][t] - pieces[c][t]));
                    max = Math.max(max, Math.abs(whole[c][t]));
                }
            }
            assertEquals(0, worst, 1e-12 * max, "chunks of " + chunk);
        }
    }
}
