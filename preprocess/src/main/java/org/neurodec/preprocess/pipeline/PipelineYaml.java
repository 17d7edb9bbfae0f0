package org.neurodec.preprocess.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurodec.preprocess.PreprocessException;

/** Reads the {@code preprocess} section of a YAML file into a {@link Pipeline}; unknown keys are errors. */
final class PipelineYaml {

    private PipelineYaml() {
    }

    static Pipeline parse(Path file, JsonNode section) {
        Pipeline pipeline = Pipeline.empty();
        JsonNode steps = section.path("steps");
        for (JsonNode item : steps) {
            if (!item.isObject() || item.size() != 1) {
                throw bad(file, "steps", "one step per item, like '- filter: {l_freq: 1}'", item);
            }
            String name = item.fieldNames().next();
            JsonNode p = item.get(name);
            pipeline = pipeline.then(switch (name) {
                case "filter" -> {
                    allow(file, name, p, "l_freq", "h_freq", "method", "order");
                    yield new Steps.Filter(optional(p, "l_freq"), optional(p, "h_freq"), p.path("method").asText("fir"),
                            p.path("order").asInt(4));
                }
                case "notch" -> {
                    allow(file, name, p, "freqs", "method", "quality");
                    List<Double> freqs = new ArrayList<>();
                    p.path("freqs").forEach(f -> freqs.add(f.asDouble()));
                    yield new Steps.Notch(freqs, p.path("method").asText("fir"), p.path("quality").asDouble(30));
                }
                case "resample" -> {
                    allow(file, name, p, "sfreq");
                    yield new Steps.Resample(required(file, name, p, "sfreq"));
                }
                case "reref" -> {
                    allow(file, name, p, "bads");
                    List<String> bads = new ArrayList<>();
                    p.path("bads").forEach(b -> bads.add(b.asText()));
                    yield new Steps.AverageReference(bads);
                }
                default -> throw bad(file, "steps", "filter, notch, resample or reref", name);
            });
        }
        JsonNode e = section.get("epochs");
        if (e != null) {
            allow(file, "epochs", e, "tmin", "tmax", "baseline", "reject", "decim", "events", "conditions");
            double[] baseline = null;
            if (e.has("baseline") && !e.get("baseline").isNull()) {
                baseline = new double[] {e.get("baseline").get(0).asDouble(), e.get("baseline").get(1).asDouble()};
            }
            Map<String, Double> reject = new LinkedHashMap<>();
            e.path("reject").fields().forEachRemaining(f -> reject.put(f.getKey(), f.getValue().asDouble()));
            Map<String, String> conditions = new LinkedHashMap<>();
            e.path("conditions").fields().forEachRemaining(f -> conditions.put(f.getKey(), f.getValue().asText()));
            pipeline = pipeline.epochs(new EpochStep(Pipeline.spec(required(file, "epochs", e, "tmin"),
                    required(file, "epochs", e, "tmax"), baseline, reject, e.path("decim").asInt(1)),
                    e.path("events").asText("annotations"), conditions));
        }
        return pipeline;
    }

    private static void allow(Path file, String step, JsonNode p, String... keys) {
        List<String> allowed = List.of(keys);
        p.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw bad(file, step, "one of " + allowed, k);
            }
        });
    }

    private static Double optional(JsonNode p, String key) {
        return p.has(key) && !p.get(key).isNull() ? p.get(key).asDouble() : null;
    }

    private static double required(Path file, String step, JsonNode p, String key) {
        if (!p.has(key) || !p.get(key).isNumber()) {
            throw bad(file, step + "." + key, "a number", p.get(key));
        }
        return p.get(key).asDouble();
    }

    private static PreprocessException bad(Path file, String field, String expected, Object found) {
        return new PreprocessException(file + ": field '" + field + "': expected " + expected + ", found " + found);
    }
}
