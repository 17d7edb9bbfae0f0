package org.neurodec.preprocess.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.neurodec.preprocess.PreprocessException;

/**
 * The one way neurodec reads a YAML file (jobs, preprocessing configs): into a tree, with a key
 * given twice in one mapping refused rather than the last one silently winning.
 */
public final class YamlTree {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private YamlTree() {
    }

    /**
     * The tree of {@code file} (null for an empty file).
     *
     * @throws PreprocessException naming the file, the line and the problem when it is not readable YAML
     */
    public static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? " (line " + p.getLocation().getLineNr() + ")" : "";
            throw new PreprocessException(file + ": not readable YAML" + where + ": " + message);
        }
    }
}
