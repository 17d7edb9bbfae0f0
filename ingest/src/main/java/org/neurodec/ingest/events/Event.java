package org.neurodec.ingest.events;

import java.util.Map;
import java.util.Objects;

/**
 * Something that happened during a recording: when, for how long, and what.
 *
 * @param onset seconds from the first sample
 * @param duration seconds; NaN when unknown ("n/a" in BIDS)
 * @param trialType the condition or label (an annotation's description, a BIDS trial_type)
 * @param value a code, for example a trigger value ("" when none)
 * @param stimFile the stimulus file shown ("" when none)
 * @param extra any other BIDS columns, by name, as text
 */
public record Event(double onset, double duration, String trialType, String value, String stimFile,
        Map<String, String> extra) {

    /** Validates the fields and keeps an unmodifiable copy of the extras. */
    public Event {
        if (!Double.isFinite(onset)) {
            throw new IllegalArgumentException("event onset must be finite, got " + onset);
        }
        Objects.requireNonNull(trialType, "trialType");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(stimFile, "stimFile");
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    /** An event with a label and nothing else. */
    public static Event of(double onset, double duration, String trialType) {
        return new Event(onset, duration, trialType, "", "", Map.of());
    }
}
