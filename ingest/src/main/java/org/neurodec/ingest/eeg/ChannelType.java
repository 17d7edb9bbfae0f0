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
    /** Stereotactic EEG (depth electrodes). */
    SEEG,
    /** Electrocorticogram. */
    ECOG,
    /** MEG magnetometer, in tesla. */
    MAG,
    /** MEG planar gradiometer, in tesla per metre. */
    GRAD,
    /** A trigger or marker channel: integer codes, no unit. */
    STIM,
    /** Anything else, kept in its own physical unit. */
    MISC;

    /** Whether the channel's values are voltages, given in volts. */
    public boolean isVoltage() {
        return this == EEG || this == EOG || this == ECG || this == EMG || this == SEEG || this == ECOG;
    }

    /** The MNE name, for example {@code "eeg"}. */
    public String mneName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
