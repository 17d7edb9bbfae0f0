package org.neurodec.preprocess.fmri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;

/** Columns per condition, derivatives, drifts; each condition's column is the sum of its events' responses. */
class DesignMatrixTest {

    @Test
    void columnsPerConditionWithDerivativesAndDrifts() {
        double[] frames = FrameTimes.of(100, 2.0);
        Events events = Events.of(List.of(Event.of(10, 2, "face"), Event.of(40, 2, "house"), Event.of(70, 2, "face")));
        DesignMatrix design = DesignMatrix.of(frames, events, Hrf.spm(), true, 0.01);
        assertEquals(List.of("face", "face_derivative", "house", "house_derivative", "drift_1", "drift_2", "drift_3",
                "drift_4", "constant"), design.names());
        double[] one = Regressors.convolved(List.of(events.list().get(0)), frames, Hrf.spm());
        double[] two = Regressors.convolved(List.of(events.list().get(2)), frames, Hrf.spm());
        double[] face = design.column("face");
        for (int t = 0; t < frames.length; t++) {
            assertEquals(one[t] + two[t], face[t], 1e-12);
        }
        assertArrayEquals(Drift.cosine(frames, 0.01)[5], java.util.Arrays.copyOfRange(design.toArray()[5], 4, 9), 0.0);
        double[] house = design.column("house");
        int peak = 0;
        for (int t = 0; t < frames.length; t++) {
            peak = house[t] > house[peak] ? t : peak;
        }
        assertTrue(frames[peak] > 42 && frames[peak] < 50, "house peaks about 5 s after its onset at 40 s: " + frames[peak]);
    }
}
