package org.neurodec.preprocess.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.fif.FifEvents;
import org.neurodec.ingest.events.Events;
import org.neurodec.preprocess.epochs.EpochSpec;

/**
 * The last, optional step of a pipeline: epochs cut around events taken from the recording's
 * annotations ({@code "annotations"}), from a stimulus channel ({@code "stim:NAME"}), or from MNE's
 * events file beside a FIF recording ({@code "eve"}: {@code NAME-eve.fif} for {@code NAME_raw.fif}).
 *
 * @param spec the window, baseline, rejection and decimation
 * @param events where the events come from
 * @param conditions event trial type → condition name; empty keeps every trial type under its own name
 */
public record EpochStep(EpochSpec spec, String events, Map<String, String> conditions) {

    /** Keeps an unmodifiable copy of the conditions. */
    public EpochStep {
        conditions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conditions));   // the order given, in every JVM
        if (!events.equals("annotations") && !events.equals("eve") && !events.startsWith("stim:")) {
            throw org.neurodec.preprocess.PreprocessException.badParameter("events", "annotations, eve or stim:CHANNEL",
                    events);
        }
    }

    /** The events of {@code recording} this step uses. */
    Events eventsOf(EegRecording recording) {
        return switch (events) {
            case "annotations" -> Events.fromAnnotations(recording.annotations());
            case "eve" -> Events.fromSamples(recording, FifEvents.read(FifEvents.besides(recording.file())));
            default -> Events.fromStimChannel(recording, events.substring("stim:".length()));
        };
    }

    /** The condition names by trial type, every trial type of {@code found} when none were given. */
    public Map<String, String> conditionsFor(Events found) {
        if (!conditions.isEmpty()) {
            return conditions;
        }
        Map<String, String> all = new LinkedHashMap<>();
        found.trialTypes().forEach(t -> all.put(t, t));
        return all;
    }

    /** Parameters for provenance. */
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tmin", spec.tmin());
        p.put("tmax", spec.tmax());
        p.put("baseline", spec.baseline());
        Map<String, Double> reject = new LinkedHashMap<>();
        spec.reject().forEach((type, limit) -> reject.put(type.mneName(), limit));
        p.put("reject", reject);
        p.put("decim", spec.decim());
        p.put("events", events);
        p.put("conditions", conditions);
        return p;
    }
}
