package org.neurodec.ingest.eeg.csv;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * How the columns of a timestamped CSV export are read. The defaults fit exports such as
 * eeg-notebooks' Muse recordings: a {@code timestamps} column in seconds, {@code Marker*} columns
 * with event codes (0 for none), every other column a channel in µV, and columns whose name contains
 * "AUX" kept as misc channels.
 *
 * @param timestampColumn the column with each row's time in seconds
 * @param markerColumns columns with event codes, as a pattern on their names
 * @param miscColumns channel columns that are not EEG (kept unscaled), as a pattern on their names
 * @param microvolts true when channel values are µV (converted to volts), false when already volts
 * @param sfreq the sampling rate; when empty it is estimated from the timestamps
 * @param delimiter the field separator
 */
public record CsvOptions(String timestampColumn, Pattern markerColumns, Pattern miscColumns, boolean microvolts,
        OptionalDouble sfreq, char delimiter) {

    /** Validates the options. */
    public CsvOptions {
        Objects.requireNonNull(timestampColumn, "timestampColumn");
        Objects.requireNonNull(markerColumns, "markerColumns");
        Objects.requireNonNull(miscColumns, "miscColumns");
        Objects.requireNonNull(sfreq, "sfreq");
        if (sfreq.isPresent() && !(sfreq.getAsDouble() > 0)) {
            throw new IllegalArgumentException("sampling rate must be positive, got " + sfreq.getAsDouble());
        }
    }

    /** The defaults described above. */
    public static CsvOptions defaults() {
        return new CsvOptions("timestamps", Pattern.compile("(?i)marker.*"), Pattern.compile("(?i).*aux.*"), true,
                OptionalDouble.empty(), ',');
    }

    /** The same options with a known sampling rate. */
    public CsvOptions withSfreq(double hz) {
        return new CsvOptions(timestampColumn, markerColumns, miscColumns, microvolts, OptionalDouble.of(hz), delimiter);
    }
}
