package org.neurodec.ingest.eeg;

import java.util.Objects;

/**
 * One channel of a recording.
 *
 * @param name the channel's label as the file gives it
 * @param type what it measures
 * @param unit the unit its values are given in: {@code "V"} for voltage channels (converted from the
 *     file's µV or mV), otherwise the file's own physical unit (empty when the file names none)
 * @param fileUnit the unit the file states, before any conversion
 * @param sfreq this channel's sampling rate in Hz (EDF signals may differ from each other)
 * @param samples number of samples of this channel
 */
public record Channel(String name, ChannelType type, String unit, String fileUnit, double sfreq, long samples) {

    /** Validates the fields. */
    public Channel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(fileUnit, "fileUnit");
        if (!(sfreq > 0) || samples < 0) {
            throw new IllegalArgumentException("channel " + name + ": sampling rate " + sfreq + " and "
                    + samples + " samples");
        }
    }
}
