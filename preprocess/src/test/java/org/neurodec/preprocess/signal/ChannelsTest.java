package org.neurodec.preprocess.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.preprocess.PreprocessException;

/** Picking by name and type, and an average reference that leaves bad and non-EEG channels out. */
class ChannelsTest {

    static final List<Channel> CHANNELS = List.of(
            new Channel("Fz", ChannelType.EEG, "V", "uV", 100, 3), new Channel("Cz", ChannelType.EEG, "V", "uV", 100, 3),
            new Channel("Pz", ChannelType.EEG, "V", "uV", 100, 3), new Channel("HEOG", ChannelType.EOG, "V", "uV", 100, 3),
            new Channel("STI", ChannelType.STIM, "", "", 100, 3));
    static final Signals SIGNALS = Signals.wrap(new double[][] {{1, 2, 3}, {3, 2, 1}, {2, 2, 2}, {9, 9, 9}, {0, 1, 0}}, 100);

    @Test
    void picksByNameAndType() {
        Channels.Picked eeg = Channels.pick(SIGNALS, CHANNELS, Channels.ofType(ChannelType.EEG));
        assertEquals(List.of("Fz", "Cz", "Pz"), eeg.channels().stream().map(Channel::name).toList());
        Channels.Picked two = Channels.pick(SIGNALS, CHANNELS, Channels.named(CHANNELS, List.of("Pz", "HEOG")));
        assertArrayEquals(new double[] {9, 9, 9}, two.signals().channel(1));
        assertThrows(PreprocessException.class, () -> Channels.named(CHANNELS, List.of("Oz")));
    }

    @Test
    void averageReferenceLeavesOthersAlone() {
        boolean[] included = {true, true, false, false, false};
        Signals referenced = Channels.averageReference(SIGNALS, included);
        assertArrayEquals(new double[] {-1, 0, 1}, referenced.channel(0), 1e-15);
        assertArrayEquals(new double[] {2, 2, 2}, referenced.channel(2), 0.0);
        assertArrayEquals(new double[] {9, 9, 9}, referenced.channel(3), 0.0);
    }
}
