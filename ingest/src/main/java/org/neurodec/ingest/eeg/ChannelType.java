package org.neurodec.ingest.eeg;

import java.util.Locale;

/** What a channel measures, with MNE-Python's names for the types. */
public enum ChannelType {
    /** Electroencephalogram. */
    EEG,
    /** Electrooculogram. */
    EOG,
    /** Electrocardiogram. */
    ECG,
    /** Electromyogram. */
    EMG,
    /** A trigger or marker channel: integer codes, no unit. */
    STIM,
    /** Anything else, kept in its own physical unit. */
    MISC;

    /** Whether the channel's values are voltages, given in volts. */
    public boolean isVoltage() {
        return this == EEG || this == EOG || this == ECG || this == EMG;
    }

    /** The MNE name, for example {@code "eeg"}. */
    public String mneName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
