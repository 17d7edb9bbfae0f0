package org.neurodec.encoders;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.ingest.IngestException;
import org.neurodec.subjects.SubjectRegistry;

/**
 * A saved encoder is a folder: {@code model.json} (format, layout, architecture, provenance),
 * {@code subjects.json} (the registry), {@code parameters.bin} (backbone, heads and adapters) and
 * {@code prototypes.bin} (the training stimuli's mean shared vectors). The folder is written beside
 * its target and moved into place whole, so a crash leaves the previous model or none.
 */
public final class ModelFolder {

    static final String FORMAT = "neurodec-shared-encoder/2";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFolder() {
    }

    /** What else goes into a folder before it is moved into place (a checkpoint's optimiser state). */
    @FunctionalInterface
    interface Extra {
        void write(Path temporary) throws IOException;
    }

    /** Saves {@code encoder} to {@code folder}, replacing what was there; {@code provenance} is recorded. */
    public static void save(SharedEncoder encoder, Path folder, Map<String, Object> provenance) {
        save(encoder, folder, provenance, temporary -> { });
    }

    static void save(SharedEncoder encoder, Path folder, Map<String, Object> provenance, Extra extra) {
        try {
            AtomicFolder.write(folder, "model", temporary -> {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("format", FORMAT);
                model.put("layout", encoder.layout);
                model.put("config", encoder.config);
                model.put("parameters", encoder.parameterCount());
                model.put("provenance", provenance);
                JSON.writeValue(temporary.resolve("model.json").toFile(), model);
                encoder.registry.save(temporary.resolve("subjects.json"));
                try (OutputStream out = Files.newOutputStream(temporary.resolve("parameters.bin"))) {
                    encoder.parameters.write(out);
                }
                Map<String, TensorFile.Tensor> prototypes = new LinkedHashMap<>();
                encoder.prototypes.forEach((id, v) -> prototypes.put(id, new TensorFile.Tensor(new long[] {v.length}, v)));
                try (OutputStream out = Files.newOutputStream(temporary.resolve("prototypes.bin"))) {
                    TensorFile.write(out, prototypes);
                }
                extra.write(temporary);
            });
        } catch (IngestException e) {
            throw new EncoderException(folder + ": the model could not be written: " + e.getMessage(), e);
        }
    }

    /** Loads a model folder onto {@code device}. */
    public static SharedEncoder load(Path folder, Device device) {
        try {
            JsonNode model = JSON.readTree(folder.resolve("model.json").toFile());
            if (!FORMAT.equals(model.path("format").asText())) {
                throw new EncoderException(folder.resolve("model.json") + ": field 'format': expected " + FORMAT + ", found "
                        + model.path("format"));
            }
            EncoderConfig config = JSON.treeToValue(model.get("config"), EncoderConfig.class);
            SharedEncoder.Layout layout = JSON.treeToValue(model.get("layout"), SharedEncoder.Layout.class);
            SharedEncoder encoder = new SharedEncoder(config, layout, SubjectRegistry.load(folder.resolve("subjects.json")),
                    device);
            try (InputStream in = Files.newInputStream(folder.resolve("parameters.bin"))) {
                encoder.parameters.read(in, folder.resolve("parameters.bin").toString());
            }
            try (InputStream in = Files.newInputStream(folder.resolve("prototypes.bin"))) {
                TensorFile.read(in, folder.resolve("prototypes.bin").toString())
                        .forEach((id, t) -> encoder.prototypes.put(id, t.values()));
            }
            return encoder;
        } catch (IOException | IllegalArgumentException e) {
            throw new EncoderException(folder + ": not a readable model folder: " + e.getMessage(), e);
        }
    }
}
