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

    /**
     * A file among the ingest module's test resources, for example {@code resource("nifti/pair.hdr")}.
     * When the resources are read from the test jar (other modules' tests), their folder is first
     * copied out whole, so that companion files such as a .hdr's .img stay beside each other.
     */
    public static Path resource(String relative) {
        java.net.URL url = TestData.class.getResource("/" + relative);
        assertTrue(url != null, () -> "test resource is missing: " + relative);
        try {
            java.net.URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return Path.of(uri);
            }
            String folder = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
            return extracted(uri, folder).resolve(relative);
        } catch (java.net.URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read test resource " + relative, e);
        }
    }

    private static final java.util.Map<String, Path> EXTRACTED = new java.util.concurrent.ConcurrentHashMap<>();

    private static synchronized Path extracted(java.net.URI uri, String folder) throws IOException {
        Path known = EXTRACTED.get(folder);
        if (known != null) {
            return known;
        }
        Path target = Files.createTempDirectory("neurodec-test-resources");
        String jar = uri.toString().substring(0, uri.toString().indexOf("!/"));
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(java.net.URI.create(jar),
                java.util.Map.of()); java.util.stream.Stream<Path> files = Files.walk(fs.getPath("/" + folder))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(file.toString().substring(1));
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
        EXTRACTED.put(folder, target);
        return target;
    }

    /** A JSON array of integers as a {@code long[]}. */
    public static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    /** The decompressed content of a gzipped file. */
    public static byte[] gunzip(Path file) throws IOException {
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** {@code content} compressed with gzip. */
    public static byte[] gzip(byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
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
