package org.neurodec.preprocess.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurodec.preprocess.PreprocessException;

/**
 * Reads the {@code preprocess} section of a YAML file into a {@link Pipeline}. Every key is known,
 * every value has its type (a list is a list, a number a number, a count an integer), and every
 * error names the file and the full key, as {@code preprocess.steps[0].filter.l_freq}.
 */
final class PipelineYaml {

    /** The section's keys; {@code clean} (per-run cleaning of fMRI volumes) is read by the jobs' volume source. */
    private static final List<String> SECTION = List.of("steps", "epochs", "fmri", "clean");

    private final Path file;

    private PipelineYaml(Path file) {
        this.file = file;
    }

    static Pipeline parse(Path file, JsonNode section) {
        return new PipelineYaml(file).pipeline(section);
    }

    private Pipeline pipeline(JsonNode section) {
        if (section == null || !section.isObject()) {
            throw bad("preprocess", "a mapping with keys " + SECTION, kind(section));
        }
        allow("preprocess", section, SECTION);
        Pipeline pipeline = Pipeline.empty();
        JsonNode steps = section.get("steps");
        if (steps != null && !steps.isNull()) {
            if (!steps.isArray()) {
                throw bad("preprocess.steps", "a list of steps, like '- filter: {l_freq: 1}'", kind(steps));
            }
            for (int i = 0; i < steps.size(); i++) {
                String key = "preprocess.steps[" + i + "]";
                try {
                    pipeline = pipeline.then(step(key, steps.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new PreprocessException(file + ": key '" + key + "': " + e.getMessage(), e);
                } catch (PreprocessException e) {
                    throw e.getMessage().startsWith(file.toString()) ? e
                            : new PreprocessException(file + ": key '" + key + "': " + e.getMessage(), e);
                }
            }
        }
        JsonNode e = section.get("epochs");
        if (e != null && !e.isNull()) {
            pipeline = pipeline.epochs(epochs("preprocess.epochs", e));
        }
        return pipeline;
    }

    private Step step(String key, JsonNode item) {
        if (!item.isObject() || item.size() != 1) {
            throw bad(key, "one step per item, like '- filter: {l_freq: 1}'", kind(item));
        }
        String name = item.fieldNames().next();
        String at = key + "." + name;
        JsonNode p = item.get(name).isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : item.get(name);
        if (!p.isObject()) {
            throw bad(at, "a mapping of the step's parameters", kind(p));
        }
        return switch (name) {
            case "filter" -> {
                allow(at, p, List.of("l_freq", "h_freq", "method", "order"));
                yield new Steps.Filter(number(at, p, "l_freq", null), number(at, p, "h_freq", null),
                        choice(at, p, "method", List.of("fir", "iir"), "fir"), integer(at, p, "order", 4, 1, 32));
            }
            case "notch" -> {
                allow(at, p, List.of("freqs", "method", "quality"));
                yield new Steps.Notch(numbers(at, p, "freqs"), choice(at, p, "method", List.of("fir", "iir"), "fir"),
                        number(at, p, "quality", 30.0));
            }
            case "resample" -> {
                allow(at, p, List.of("sfreq"));
                Double sfreq = number(at, p, "sfreq", null);
                if (sfreq == null) {
                    throw bad(at + ".sfreq", "a number", "nothing");
                }
                yield new Steps.Resample(sfreq);
            }
            case "reref" -> {
                allow(at, p, List.of("bads"));
                yield new Steps.AverageReference(p.has("bads") ? texts(at, p, "bads") : List.of());
            }
            default -> throw bad(key, "one of filter, notch, resample, reref", "'" + name + "'");
        };
    }

    private EpochStep epochs(String at, JsonNode e) {
        if (!e.isObject()) {
            throw bad(at, "a mapping with tmin and tmax", kind(e));
        }
        allow(at, e, List.of("tmin", "tmax", "baseline", "reject", "decim", "events", "conditions"));
        Double tmin = number(at, e, "tmin", null);
        Double tmax = number(at, e, "tmax", null);
        if (tmin == null || tmax == null) {
            throw bad(at + (tmin == null ? ".tmin" : ".tmax"), "a number (seconds)", "nothing");
        }
        double[] baseline = null;
        if (e.has("baseline") && !e.get("baseline").isNull()) {
            List<Double> b = numbers(at, e, "baseline");
            if (b.size() != 2) {
                throw bad(at + ".baseline", "[from, to] in seconds", e.get("baseline"));
            }
            baseline = new double[] {b.get(0), b.get(1)};
        }
        Map<String, Double> reject = new LinkedHashMap<>();
        JsonNode r = e.get("reject");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                throw bad(at + ".reject", "a mapping of channel type to peak-to-peak volts, like {eeg: 100e-6}", kind(r));
            }
            r.fieldNames().forEachRemaining(type -> reject.put(type, number(at + ".reject", r, type, null)));
        }
        Map<String, String> conditions = new LinkedHashMap<>();
        JsonNode c = e.get("conditions");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                throw bad(at + ".conditions", "a mapping of event type to condition name, like {T1: hands}", kind(c));
            }
            c.fields().forEachRemaining(f -> {
                if (!f.getValue().isValueNode() || f.getValue().isNull()) {
                    throw bad(at + ".conditions." + f.getKey(), "a condition name", kind(f.getValue()));
                }
                conditions.put(f.getKey(), f.getValue().asText());
            });
        }
        String events = e.has("events") ? text(at, e, "events") : "annotations";
        try {
            return new EpochStep(Pipeline.spec(tmin, tmax, baseline, reject, integer(at, e, "decim", 1, 1, 10_000)), events,
                    conditions);
        } catch (IllegalArgumentException bad) {
            throw new PreprocessException(file + ": key '" + at + "': " + bad.getMessage(), bad);
        }
    }

    private void allow(String at, JsonNode p, List<String> keys) {
        p.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                throw bad(at + "." + k, "one of " + keys, "an unknown key");
            }
        });
    }

    private Double number(String at, JsonNode p, String key, Double fallback) {
        JsonNode v = p.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw bad(at + "." + key, "a number", kind(v));
        }
        return v.asDouble();
    }

    private int integer(String at, JsonNode p, String key, int fallback, int min, int max) {
        JsonNode v = p.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw bad(at + "." + key, "an integer in " + min + ".." + max, kind(v));
        }
        return v.asInt();
    }

    private String text(String at, JsonNode p, String key) {
        JsonNode v = p.get(key);
        if (v == null || !v.isTextual()) {
            throw bad(at + "." + key, "a string", kind(v));
        }
        return v.asText();
    }

    private String choice(String at, JsonNode p, String key, List<String> choices, String fallback) {
        if (!p.has(key) || p.get(key).isNull()) {
            return fallback;
        }
        String value = text(at, p, key);
        if (!choices.contains(value)) {
            throw bad(at + "." + key, "one of " + choices, "'" + value + "'");
        }
        return value;
    }

    private List<Double> numbers(String at, JsonNode p, String key) {
        JsonNode v = p.get(key);
        List<Double> out = new ArrayList<>();
        if (v != null && v.isNumber()) {
            out.add(number(at, p, key, null));
            return out;
        }
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw bad(at + "." + key, "a list of numbers", kind(v));
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber()) {
                throw bad(at + "." + key + "[" + i + "]", "a number", kind(v.get(i)));
            }
            out.add(v.get(i).asDouble());
        }
        return out;
    }

    private List<String> texts(String at, JsonNode p, String key) {
        JsonNode v = p.get(key);
        if (v == null || !v.isArray()) {
            throw bad(at + "." + key, "a list of names", kind(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw bad(at + "." + key + "[" + i + "]", "a name", kind(v.get(i)));
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** How a found value reads in a message: the value for scalars, the node type otherwise. */
    private static String kind(JsonNode v) {
        if (v == null) {
            return "nothing";
        }
        if (v.isTextual()) {
            return "the string '" + v.asText() + "'";
        }
        return v.isValueNode() ? v.toString() : "a " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + v;
    }

    private PreprocessException bad(String key, String expected, Object found) {
        return new PreprocessException(file + ": key '" + key + "': expected " + expected + ", found " + found);
    }
}
