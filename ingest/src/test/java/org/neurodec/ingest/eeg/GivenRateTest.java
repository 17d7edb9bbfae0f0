package org.neurodec.ingest.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.TestData;

/** A sampling rate given by the user: taken for a CSV export, checked against any other format's header. */
class GivenRateTest {

    static final Path MUSE = TestData.file("real/eegnb-n170/subject1/session1/data_2017-09-13-15.30.01.csv");

    @Test
    void aCsvExportIsReadAtTheGivenRateWithoutTheEstimateWarning() {
        EegRecording estimated = EegRecording.open(MUSE);
        assertTrue(estimated.warnings().stream().anyMatch(w -> w.contains("data.sfreq")), estimated.warnings().toString());
        EegRecording given = EegRecording.open(MUSE, OptionalDouble.of(256));
        assertEquals(256.0, given.sfreq());
        assertEquals(estimated.times(), given.times());
        assertTrue(given.warnings().stream().noneMatch(w -> w.contains("estimated")), given.warnings().toString());
    }

    @Test
    void aRateOtherThanAnEdfHeadersIsRefusedByName() {
        Path edf = TestData.file("real/eegbci-S001/S001R06.edf");
        assertEquals(160.0, EegRecording.open(edf, OptionalDouble.of(160)).sfreq());
        IngestException e = assertThrows(IngestException.class, () -> EegRecording.open(edf, OptionalDouble.of(256)));
        assertTrue(e.getMessage().contains("S001R06.edf") && e.getMessage().contains("256.0 Hz given, found 160.0 Hz"),
                e.getMessage());
    }
}
