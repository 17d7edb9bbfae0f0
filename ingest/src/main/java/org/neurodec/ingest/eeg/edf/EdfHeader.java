package org.neurodec.ingest.eeg.edf;

import java.util.List;

/**
 * The fixed header of an EDF, EDF+, BDF or BDF+ file, and its signals' headers.
 *
 * @param bdf true for BDF (24-bit samples), false for EDF (16-bit)
 * @param patient local patient identification
 * @param recording local recording identification
 * @param startDate dd.mm.yy
 * @param startTime hh.mm.ss
 * @param headerBytes bytes before the first data record
 * @param reserved the reserved field: "EDF+C", "EDF+D", "BDF+C", "24BIT", or blank
 * @param records number of data records the header states (-1 when unknown)
 * @param recordDuration seconds per data record
 * @param signals every signal, annotation signals included
 */
public record EdfHeader(boolean bdf, String patient, String recording, String startDate, String startTime,
        int headerBytes, String reserved, long records, double recordDuration, List<EdfSignal> signals) {

    /** Keeps an unmodifiable copy of the signals. */
    public EdfHeader {
        signals = List.copyOf(signals);
    }

    /** Bytes per sample: 2 for EDF, 3 for BDF. */
    public int bytesPerSample() {
        return bdf ? 3 : 2;
    }

    /** Bytes in one data record. */
    public long recordBytes() {
        return signals.stream().mapToLong(EdfSignal::samplesPerRecord).sum() * bytesPerSample();
    }

    /** Whether the file says it is EDF+/BDF+ discontinuous. */
    public boolean discontinuous() {
        return reserved.startsWith("EDF+D") || reserved.startsWith("BDF+D");
    }

    /** The format's name: "edf", "edf+", "bdf" or "bdf+". */
    public String formatName() {
        boolean plus = reserved.startsWith("EDF+") || reserved.startsWith("BDF+")
                || signals.stream().anyMatch(EdfSignal::isAnnotations);
        return (bdf ? "bdf" : "edf") + (plus ? "+" : "");
    }
}
