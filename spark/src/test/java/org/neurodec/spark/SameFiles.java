package org.neurodec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Two output folders compared file by file, as the Spark tests compare Spark's outputs with the single machine's. */
final class SameFiles {

    private SameFiles() {
    }

    /**
     * Every file under {@code a} has the same bytes under {@code b} (training times, which differ from
     * run to run, aside), and no file is missing on either side.
     */
    static void assertSame(Path a, Path b) throws IOException {
        List<Path> left;
        List<Path> right;
        try (Stream<Path> files = Files.walk(a)) {
            left = files.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        try (Stream<Path> files = Files.walk(b)) {
            right = files.filter(Files::isRegularFile).map(b::relativize).sorted().toList();
        }
        assertEquals(left, right, "the same files in " + b);
        for (Path f : left) {
            byte[] x = Files.readAllBytes(a.resolve(f));
            byte[] y = Files.readAllBytes(b.resolve(f));
            if (!java.util.Arrays.equals(x, y) && f.toString().endsWith(".json")) {
                String seconds = "\"seconds\"\\s*:\\s*[0-9.eE+-]+";
                assertEquals(new String(x).replaceAll(seconds, "\"seconds\":T"), new String(y).replaceAll(seconds, "\"seconds\":T"),
                        b.resolve(f) + " differs beyond its training times");
            } else {
                assertArrayEquals(x, y, b.resolve(f) + " differs");
            }
        }
    }
}
