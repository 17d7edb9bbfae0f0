package org.neurodec.ingest.eeg.eeglab;

import java.nio.file.Path;
import java.util.List;

/**
 * What neurodec takes from an EEGLAB {@code EEG} structure, whichever MATLAB version stored it.
 *
 * @param srate sampling rate in Hz
 * @param nbchan number of channels
 * @param pnts samples per channel (per trial)
 * @param trials number of trials (1 for continuous data)
 * @param labels channel labels (empty when the file has no channel locations)
 * @param types channel types as EEGLAB stores them (may be empty strings)
 * @param events the events, in order
 * @param data where the samples are
 */
record EeglabHeader(double srate, int nbchan, long pnts, int trials, List<String> labels, List<String> types,
        List<Event> events, Data data) {

    /** One EEGLAB event: its type, latency in samples (1-based) and duration in samples. */
    record Event(String type, double latency, double duration) {
    }

    /** Where an EEGLAB recording's samples are. */
    sealed interface Data permits External, InlineMatrix, InlineDataset {
    }

    /** In a float32 file beside the header (the {@code .fdt} that {@code datfile} names), channels fastest. */
    record External(Path file) implements Data {
    }

    /** Inside a MATLAB v5 header, already read: channels × samples, row c holding channel c. */
    record InlineMatrix(float[][] values) implements Data {
    }

    /** Inside a MATLAB v7.3 (HDF5) header: a dataset stored transposed, samples × channels. */
    record InlineDataset(String path) implements Data {
    }
}
