package org.neurodec.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.neurodec.decoders.DecoderException;

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
     * The mapping under {@code key} at the top of {@code file} (the {@code preprocess} section of a
     * config, say).
     *
     * @throws DecoderException naming the file and the key when it is missing
     */
    public static JsonNode section(Path file, String key) {
        JsonNode root = read(file);
        JsonNode section = root == null ? null : root.get(key);
        if (section == null || section.isNull()) {
            throw new DecoderException(file + ": key '" + key + "': expected a '" + key + "' section, found none");
        }
        return section;
    }

    /**
     * The tree of {@code file} (null for an empty file).
     *
     * @throws DecoderException naming the file, the line and the problem when it is not readable YAML
     */
    public static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? " (line " + p.getLocation().getLineNr() + ")" : "";
            throw new DecoderException(file + ": not readable YAML" + where + ": " + message);
        }
    }
}
