package org.neurodec.ingest.eeg;

import java.util.Objects;

/**
 * A labelled time span of a recording.
 *
 * @param onset seconds from the first sample
 * @param duration seconds (0 for an instant)
 * @param description the label
 */
public record Annotation(double onset, double duration, String description) {

    /** Validates the fields. */
    public Annotation {
        Objects.requireNonNull(description, "description");
        if (!Double.isFinite(onset) || !(duration >= 0)) {
            throw new IllegalArgumentException("annotation '" + description + "': onset " + onset
                    + ", duration " + duration);
        }
    }
}
