package org.neurodec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small maps whose keys keep the order they are given in, for what is written to files (metrics.json,
 * provenance, model metadata). {@code Map.of} with two or more entries iterates in an order that can
 * change from one JVM start to the next, which made the same job's outputs differ byte for byte between
 * two runs.
 */
public final class Ordered {

    private Ordered() {
    }

    /** An unmodifiable map of {@code keysAndValues} (key, value, key, value, ...), in that order; null values allowed. */
    public static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected keys and values in pairs, found " + keysAndValues.length + " items");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}
