package org.neurodec.cohort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.neurodec.ingest.AtomicFile;

/** Text files of the cohort (TSV, CSV, JSON sidecars), written atomically in UTF-8. */
final class Texts {

    private Texts() {
    }

    static void write(Path file, String text) {
        AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
