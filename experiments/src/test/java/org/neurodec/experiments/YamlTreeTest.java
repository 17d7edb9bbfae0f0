package org.neurodec.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.decoders.DecoderException;

/** The one YAML reader: a key given twice is refused with its line, a missing section named. */
class YamlTreeTest {

    @TempDir
    Path dir;

    @Test
    void aKeyGivenTwiceIsRefusedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("twice.yaml"), "preprocess:\n  steps: []\n  steps: []\n");
        DecoderException e = assertThrows(DecoderException.class, () -> YamlTree.read(file));
        assertTrue(e.getMessage().contains("twice.yaml") && e.getMessage().contains("line 3")
                && e.getMessage().contains("Duplicate field 'steps'"), e.getMessage());
    }

    @Test
    void aSectionIsFoundOrNamedAsMissing() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), "preprocess:\n  steps: []\n");
        assertEquals(0, YamlTree.section(file, "preprocess").get("steps").size());
        DecoderException e = assertThrows(DecoderException.class, () -> YamlTree.section(file, "model"));
        assertTrue(e.getMessage().contains("key 'model'"), e.getMessage());
    }
}
