package org.neurodec.ingest.bids;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.neurodec.ingest.events.Events;

/**
 * One recording of a BIDS dataset: a functional run ({@code func/…_bold.nii[.gz]}) or an EEG
 * recording ({@code eeg/…_eeg.edf|bdf|vhdr|set|fif}), with its events and sidecar metadata.
 *
 * @param subject the {@code sub-} label
 * @param session the {@code ses-} label, if any
 * @param datatype {@code "func"} or {@code "eeg"}
 * @param entities every key-value entity of the file name (sub, ses, task, acq, run, …)
 * @param data the data file
 * @param eventsFile the {@code _events.tsv} beside it, if any
 * @param sidecar the metadata of the sidecar JSON files that apply, merged by the inheritance principle
 */
public record BidsRecording(String subject, Optional<String> session, String datatype, Map<String, String> entities,
        Path data, Optional<Path> eventsFile, Map<String, Object> sidecar) {

    /** Keeps unmodifiable copies of the maps. */
    public BidsRecording {
        entities = Map.copyOf(entities);
        sidecar = Map.copyOf(sidecar);
    }

    /** The {@code task-} label ("" when the name has none). */
    public String task() {
        return entities.getOrDefault("task", "");
    }

    /** The {@code run-} label, if any. */
    public Optional<String> run() {
        return Optional.ofNullable(entities.get("run"));
    }

    /** RepetitionTime from the sidecar, in seconds (fMRI). */
    public OptionalDouble repetitionTime() {
        return number("RepetitionTime");
    }

    /** SamplingFrequency from the sidecar, in Hz (EEG). */
    public OptionalDouble samplingFrequency() {
        return number("SamplingFrequency");
    }

    /** The events of {@link #eventsFile()}, or none. */
    public Events events() {
        return eventsFile.map(Events::readTsv).orElse(Events.of(java.util.List.of()));
    }

    private OptionalDouble number(String key) {
        return sidecar.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }
}
