package org.neurodec.encoders;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run's state after an epoch, enough to resume it exactly: a model folder with the current
 * weights, plus {@code optimizer.bin} (AdamW moments), {@code best.bin} (the best epoch's weights) and
 * {@code training.json} (epochs done, optimiser steps, history). Written atomically like a model folder.
 */
final class Checkpoint {

    /** The history of the run so far. */
    static final class State {
        int epochsDone;
        boolean stopped;
        int bestEpoch = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestLoss = Double.POSITIVE_INFINITY;
        double seconds;
        final List<Double> losses = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();
        final List<double[][]> conflicts = new ArrayList<>();
        Map<String, float[]> best = new LinkedHashMap<>();
    }

    private Checkpoint() {
    }

    static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve("training.json"));
    }

    static void write(Path folder, SharedEncoder encoder, AdamW optimizer, State state) {
        ModelFolder.save(encoder, folder, Map.of("checkpoint", "epoch " + state.epochsDone), temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary.resolve("optimizer.bin"))) {
                TensorFile.write(out, optimizer.state());
            }
            Map<String, TensorFile.Tensor> best = new LinkedHashMap<>();
            state.best.forEach((name, v) -> best.put(name,
                    new TensorFile.Tensor(encoder.parameters.get(name).getShape().getShape(), v)));
            try (OutputStream out = Files.newOutputStream(temporary.resolve("best.bin"))) {
                TensorFile.write(out, best);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("epochsDone", state.epochsDone);
            json.put("optimizerSteps", optimizer.steps());
            json.put("stopped", state.stopped);
            json.put("bestEpoch", state.bestEpoch);
            json.put("bestScore", state.bestScore);
            json.put("bestLoss", state.bestLoss);
            json.put("seconds", state.seconds);
            json.put("losses", state.losses);
            json.put("scores", state.scores);
            json.put("conflicts", state.conflicts);
            ModelFolder.JSON.writeValue(temporary.resolve("training.json").toFile(), json);
        });
    }

    /** Loads the checkpoint's weights into {@code encoder} and its moments into {@code optimizer}; returns the history. */
    static State read(Path folder, SharedEncoder encoder, AdamW optimizer) {
        try {
            JsonNode model = ModelFolder.JSON.readTree(folder.resolve("model.json").toFile());
            EncoderConfig config = ModelFolder.JSON.treeToValue(model.get("config"), EncoderConfig.class);
            if (!config.equals(encoder.config)) {
                throw new EncoderException(folder.resolve("model.json") + ": field 'config': expected the run's " + encoder.config
                        + ", found " + config + " (resume with the options the checkpoint was started with)");
            }
            List<String> subjects = encoder.registry.list().stream().map(s -> s.id()).toList();
            List<String> saved = org.neurodec.subjects.SubjectRegistry.load(folder.resolve("subjects.json")).list().stream()
                    .map(s -> s.id()).toList();
            if (!saved.equals(subjects)) {
                throw new EncoderException(folder.resolve("subjects.json") + ": expected subjects " + subjects + ", found " + saved);
            }
            try (InputStream in = Files.newInputStream(folder.resolve("parameters.bin"))) {
                encoder.parameters.read(in, folder.resolve("parameters.bin").toString());
            }
            JsonNode json = ModelFolder.JSON.readTree(folder.resolve("training.json").toFile());
            try (InputStream in = Files.newInputStream(folder.resolve("optimizer.bin"))) {
                optimizer.restore(json.get("optimizerSteps").asLong(), TensorFile.read(in, folder.resolve("optimizer.bin").toString()));
            }
            State state = new State();
            state.epochsDone = json.get("epochsDone").asInt();
            state.stopped = json.get("stopped").asBoolean();
            state.bestEpoch = json.get("bestEpoch").asInt();
            state.bestScore = json.get("bestScore").asDouble();
            state.bestLoss = json.has("bestLoss") ? json.get("bestLoss").asDouble() : Double.POSITIVE_INFINITY;
            state.seconds = json.get("seconds").asDouble();
            json.get("losses").forEach(v -> state.losses.add(v.asDouble()));
            json.get("scores").forEach(v -> state.scores.add(v.asDouble()));
            state.conflicts.addAll(List.of(ModelFolder.JSON.treeToValue(json.get("conflicts"), double[][][].class)));
            try (InputStream in = Files.newInputStream(folder.resolve("best.bin"))) {
                TensorFile.read(in, folder.resolve("best.bin").toString()).forEach((name, t) -> state.best.put(name, t.values()));
            }
            return state;
        } catch (IOException | RuntimeException e) {
            if (e instanceof EncoderException ee) {
                throw ee;
            }
            throw new EncoderException(folder + ": not a readable checkpoint: " + e.getMessage(), e);
        }
    }
}
