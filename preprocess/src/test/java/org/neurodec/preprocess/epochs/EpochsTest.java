package org.neurodec.preprocess.epochs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;
import org.neurodec.preprocess.PreprocessException;

/** Baseline correction, peak-to-peak rejection with its reason, decimation, events near the edges. */
class EpochsTest {

    static final double SFREQ = 100;
    static final List<Channel> CHANNELS = List.of(new Channel("Cz", ChannelType.EEG, "V", "uV", SFREQ, 1000),
            new Channel("EOG", ChannelType.EOG, "V", "uV", SFREQ, 1000));

    static Signals ramp() {
        double[][] data = new double[2][1000];
        for (int t = 0; t < 1000; t++) {
            data[0][t] = t * 1e-6;
            data[1][t] = t >= 600 && t < 610 ? 500e-6 : 0;
        }
        return Signals.wrap(data, SFREQ);
    }

    @Test
    void cutsBaselinesRejectsAndDecimates() {
        Events events = Events.of(List.of(Event.of(0.05, 0, "a"), Event.of(2.0, 0, "a"), Event.of(6.0, 0, "b"),
                Event.of(4.0, 0, "ignored"), Event.of(9.95, 0, "a")));
        EpochSpec spec = EpochSpec.of(-0.1, 0.5).withBaseline(-0.1, 0).rejecting(ChannelType.EOG, 100e-6);
        Epochs epochs = Epochs.extract(ramp(), CHANNELS, events, Map.of("a", "A", "b", "B"), spec, Map.of("run", "1"));
        assertEquals(1, epochs.size(), "one epoch kept");
        assertEquals(61, epochs.times());
        assertEquals(200, epochs.info().get(0).eventSample());
        assertEquals("1", epochs.info().get(0).metadata().get("run"));
        assertEquals(5e-6, epochs.get(0, 0, 10), 1e-15, "sample 200 minus the mean of samples 190..200");
        assertEquals(3, epochs.dropped().size());
        assertEquals("outside the recording", epochs.dropped().get(0).reason());
        assertTrue(epochs.dropped().get(1).reason().startsWith("peak-to-peak") && epochs.dropped().get(1).reason().endsWith("EOG"),
                epochs.dropped().get(1).reason());
        Epochs decimated = Epochs.extract(ramp(), CHANNELS, events, Map.of("a", "A"), EpochSpec.of(-0.1, 0.5).decimatedBy(3),
                Map.of());
        // as MNE: samples on the grid through t = 0, so from -0.09 s (61 samples from -0.1 s keep 20)
        assertEquals(20, decimated.times());
        assertEquals(-0.09, decimated.tmin(), 1e-12);
        assertEquals(SFREQ / 3, decimated.sfreq());
        assertEquals(194e-6, decimated.get(0, 0, 1), 1e-15);
    }

    @Test
    void badWindowsAreRefusedBeforeAnyWork() {
        assertThrows(PreprocessException.class, () -> EpochSpec.of(0.5, -0.1));
        assertThrows(PreprocessException.class, () -> EpochSpec.of(-0.1, 0.5).withBaseline(-0.5, 0));
        assertThrows(PreprocessException.class, () -> EpochSpec.of(-0.1, 0.5).decimatedBy(0));
        assertThrows(PreprocessException.class, () -> Epochs.extract(ramp(), CHANNELS, Events.of(List.of()), Map.of(),
                EpochSpec.of(0, 20), Map.of()));
    }
}
