package org.neurodec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test data beside the checkout ({@code ../shared/data}, or the system property
 * {@code neurodec.data}) and its golden values. A missing file fails the test with its path.
 */
public final class TestData {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private TestData() {
    }

    /** The data root. */
    public static Path root() {
        String property = System.getProperty("neurodec.data");
        Path root = property != null ? Path.of(property) : Path.of("..", "shared", "data");
        return root.toAbsolutePath().normalize();
    }

    /** A file under the data root; fails the calling test, naming the path, when it is missing. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        assertTrue(Files.isRegularFile(path), () -> "test data file is missing: " + path);
        return path;
    }

    /** The golden JSON computed by the reference implementation for a fixture file name. */
    public static JsonNode golden(String fixtureName) {
        return json(file("golden/" + fixtureName + ".json"));
    }

    /** Parses a JSON file. */
    public static JsonNode json(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts {@code actual} equals {@code expected} within a relative tolerance (absolute near zero). */
    public static void assertClose(double expected, double actual, double relative, String what) {
        double tolerance = relative * Math.max(1.0, Math.abs(expected));
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, found " + actual);
            return;
        }
        assertEquals(expected, actual, tolerance, what);
    }
}
