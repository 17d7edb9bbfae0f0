package org.neurodec.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neurodec.ConfigurationException;
import org.neurodec.decoders.DecoderException;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.pipeline.Pipeline;

/**
 * A decoding job read from YAML: what data ({@code data}), how it is preprocessed ({@code preprocess},
 * the section the {@code preprocess} command reads), which model ({@code model}), which protocol
 * ({@code protocol}) and how scores are qualified ({@code metrics}). {@code ${name}} in any string is
 * replaced by the variable {@code name} from {@code vars} or the command line; relative paths are
 * relative to the job file. Everything is checked before anything runs: an unknown key, a missing
 * key or a value of the wrong kind stops it with the key named and the expected value.
 *
 * @param file the job file
 * @param tree the job after variable substitution (recorded as provenance)
 * @param name the job's name
 * @param data the data section
 * @param model the model section
 * @param protocol the protocol section
 * @param resamples bootstrap samples and permutations per metric
 * @param metricSeed seed of the bootstrap and the permutations
 */
public record Job(Path file, JsonNode tree, String name, Section data, Section model, Section protocol, int resamples,
        long metricSeed) {

    static final Set<String> TOP = Set.of("name", "vars", "data", "preprocess", "subjects", "model", "protocol", "metrics",
            "time_resolved", "searchlight");
    /** The shared encoder: a model type of its own, run by {@link EncoderJob} rather than a {@link ModelType}. */
    static final String SHARED_ENCODER = "shared-encoder";
    static final List<String> PROTOCOLS = List.of("shuffle-split", "k-fold", "stratified-k-fold", "group-k-fold",
            "leave-one-group-out", "leave-p-groups-out", "train-test", "leave-one-subject-out", "within-subject",
            "stimulus-split");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    /** A decimal number as YAML writes one (no leading zeros, so "01" stays a string). */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** Reads and checks {@code file}; {@code overrides} replace the file's {@code vars}. */
    public static Job read(Path file, Map<String, String> overrides) {
        Section job = resolve(file, overrides, TOP);
        String name = job.node.has("name") ? job.text("name") : file.getFileName().toString();
        Section data = job.section("data");
        Section model = job.section("model");
        List<String> models = new java.util.ArrayList<>(ModelTypes.names());
        models.add(SHARED_ENCODER);
        model.oneOf("type", models);
        Section protocol = job.section("protocol");
        protocol.oneOf("type", PROTOCOLS);
        int resamples = 1000;
        long seed = 0;
        if (job.node.has("metrics")) {
            Section metrics = job.section("metrics");
            metrics.only(Set.of("resamples", "seed"));
            resamples = metrics.integer("resamples", 1000, 1, 1_000_000);
            seed = metrics.integer("seed", 0, 0, Integer.MAX_VALUE);
        }
        boolean shared = model.text("type").equals(SHARED_ENCODER);
        String type = protocol.text("type");
        if (shared ? !Set.of("stimulus-split", "shuffle-split").contains(type) : type.equals("stimulus-split")) {
            throw protocol.error("type", shared ? "stimulus-split or shuffle-split for the shared encoder"
                    : "shuffle-split, k-fold, stratified-k-fold, group-k-fold, leave-one-group-out, leave-p-groups-out,"
                            + " train-test, leave-one-subject-out or within-subject for " + model.text("type"),
                    "'" + protocol.text("type") + "'");
        }
        if (job.has("subjects") && !shared) {
            throw job.error("subjects", "no subject list but with model type " + SHARED_ENCODER, "one");
        }
        return new Job(file, job.node, name, data, model, protocol, resamples, seed);
    }

    /**
     * The job file and every existing file or folder that its {@code data} and {@code subjects}
     * sections name (for a glob, the folder it searches), before any data is read: what an output
     * must never overwrite.
     */
    public List<Path> declaredInputs() {
        return declaredInputs(file, tree);
    }

    /** {@link #declaredInputs()} of a job file read with {@link #resolve}. */
    public static List<Path> declaredInputs(Path file, JsonNode tree) {
        List<Path> inputs = new java.util.ArrayList<>(List.of(file));
        Path folder = file.toAbsolutePath().getParent();
        for (String section : List.of("data", "subjects", "preprocess")) {
            if (tree.has(section)) {
                collectPaths(tree.get(section), folder, inputs);
            }
        }
        return inputs;
    }

    private static void collectPaths(JsonNode node, Path folder, List<Path> out) {
        if (node.isTextual()) {
            String text = node.asText();
            int glob = java.util.stream.IntStream.of(text.indexOf('*'), text.indexOf('?'), text.indexOf('['), text.indexOf('{'))
                    .filter(i -> i >= 0).min().orElse(-1);
            String fixed = glob < 0 ? text : text.lastIndexOf('/', glob) < 0 ? "." : text.substring(0, text.lastIndexOf('/', glob));
            if (fixed.isBlank() || fixed.indexOf('\0') >= 0) {
                return;
            }
            try {
                Path p = folder.resolve(fixed).normalize();
                if (java.nio.file.Files.exists(p)) {
                    out.add(p);
                }
            } catch (java.nio.file.InvalidPathException e) {
                // not a path: a label or a name
            }
        } else {
            node.elements().forEachRemaining(child -> collectPaths(child, folder, out));
        }
    }

    /** The whole job, as checked accessors. */
    public Section root() {
        return new Section(file, "", (ObjectNode) tree);
    }

    /**
     * Reads a YAML job file with the top-level keys {@code allowed} and returns it with every
     * {@code ${name}} replaced from its {@code vars} and {@code overrides}.
     */
    public static Section resolve(Path file, Map<String, String> overrides, Set<String> allowed) {
        JsonNode root = YamlTree.read(file);
        if (root == null || !root.isObject()) {
            throw new DecoderException(file + ": expected a YAML mapping with keys " + new java.util.TreeSet<>(allowed)
                    + ", found " + (root == null ? "an empty file" : root.getNodeType()));
        }
        Section top = new Section(file, "", (ObjectNode) root);
        top.only(allowed);
        Map<String, String> vars = new LinkedHashMap<>();
        if (root.has("vars")) {
            Section v = top.section("vars");
            v.node.fieldNames().forEachRemaining(k -> vars.put(k, v.text(k)));
        }
        Set<String> used = new java.util.TreeSet<>(vars.keySet());
        Matcher uses = VARIABLE.matcher(root.toString());
        while (uses.find()) {
            used.add(uses.group(1));
        }
        for (String name : overrides.keySet()) {
            if (!used.contains(name)) {
                throw new ConfigurationException(file + ": --set " + name + "=...: expected one of the job's variables " + used
                        + " (set in 'vars' or used as ${NAME}), found " + (name.isEmpty() ? "an empty name" : "'" + name + "'")
                        + (name.contains(".") ? "; --set sets variables, not keys: edit the key in the job file" : ""));
            }
        }
        vars.putAll(overrides);
        Section resolved = new Section(file, "", (ObjectNode) substitute(file, "", root.deepCopy(), vars));
        if (resolved.node.has("preprocess")) {
            try {
                Pipeline.fromSection(file, resolved.node.get("preprocess"));
            } catch (PreprocessException e) {
                throw new ConfigurationException(e.getMessage(), e);
            }
        }
        return resolved;
    }

    private static JsonNode substitute(Path file, String key, JsonNode node, Map<String, String> vars) {
        if (node.isTextual()) {
            Matcher whole = VARIABLE.matcher(node.asText());
            if (whole.matches() && vars.containsKey(whole.group(1)) && NUMBER.matcher(vars.get(whole.group(1))).matches()) {
                // a value that is a variable alone takes the variable's type: seed: ${seed} is a number when seed is one
                String value = vars.get(whole.group(1));
                return value.matches("-?\\d+") && value.length() < 18 ? com.fasterxml.jackson.databind.node.LongNode.valueOf(
                        Long.parseLong(value)) : com.fasterxml.jackson.databind.node.DoubleNode.valueOf(Double.parseDouble(value));
            }
            Matcher m = VARIABLE.matcher(node.asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = vars.get(m.group(1));
                if (value == null) {
                    throw new DecoderException(file + ": key '" + key + "': expected a variable defined in 'vars' or on the"
                            + " command line, found ${" + m.group(1) + "} (defined: " + vars.keySet() + ")");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return TextNode.valueOf(out.toString());
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!(key.isEmpty() && f.getKey().equals("vars"))) {
                    f.setValue(substitute(file, key.isEmpty() ? f.getKey() : key + "." + f.getKey(), f.getValue(), vars));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, substitute(file, key + "[" + i + "]", node.get(i), vars));
            }
        }
        return node;
    }

    /** A mapping in the job, with checked accessors whose errors name the file and the full key. */
    public static final class Section {

        final Path file;
        final String key;
        final ObjectNode node;

        Section(Path file, String key, ObjectNode node) {
            this.file = file;
            this.key = key;
            this.node = node;
        }

        private String path(String child) {
            return key.isEmpty() ? child : key + "." + child;
        }

        /** An error about {@code child}: expected versus found. */
        public ConfigurationException error(String child, String expected, Object found) {
            return new ConfigurationException(file + ": key '" + path(child) + "': expected " + expected + ", found " + found);
        }

        /** Refuses keys other than {@code allowed}. */
        public void only(Set<String> allowed) {
            node.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    throw error(k, "one of " + new java.util.TreeSet<>(allowed), "an unknown key");
                }
            });
        }

        /** Whether {@code child} is given. */
        public boolean has(String child) {
            return node.has(child) && !node.get(child).isNull();
        }

        /** A required mapping. */
        public Section section(String child) {
            JsonNode n = node.get(child);
            if (n == null || !n.isObject()) {
                throw error(child, "a mapping", n == null ? "nothing" : n.getNodeType().toString().toLowerCase());
            }
            return new Section(file, path(child), (ObjectNode) n);
        }

        /** A required string (numbers are taken as written). */
        public String text(String child) {
            JsonNode n = node.get(child);
            if (n == null || !n.isValueNode() || n.isNull()) {
                throw error(child, "a value", n == null ? "nothing" : n.getNodeType().toString().toLowerCase());
            }
            return n.asText();
        }

        /** A required string among {@code choices}. */
        public String oneOf(String child, List<String> choices) {
            String value = text(child);
            if (!choices.contains(value)) {
                throw error(child, "one of " + choices, "'" + value + "'");
            }
            return value;
        }

        /** An integer in [min, max], {@code fallback} when absent. */
        public int integer(String child, int fallback, int min, int max) {
            if (!has(child)) {
                return fallback;
            }
            JsonNode n = node.get(child);
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
                throw error(child, "an integer in " + min + ".." + max, n);
            }
            return n.asInt();
        }

        /** A number in (min, max), {@code fallback} when absent. */
        public double number(String child, double fallback, double min, double max) {
            if (!has(child)) {
                return fallback;
            }
            JsonNode n = node.get(child);
            if (!n.isNumber() || !(n.asDouble() > min && n.asDouble() < max)) {
                throw error(child, "a number between " + min + " and " + max + " (exclusive)", n);
            }
            return n.asDouble();
        }

        /** A list of numbers of length {@code length} (any length when 0); null when absent. */
        public double[] numbers(String child, int length) {
            if (!has(child)) {
                return null;
            }
            JsonNode n = node.get(child);
            if (!n.isArray() || (length > 0 && n.size() != length) || n.size() == 0) {
                throw error(child, length > 0 ? "a list of " + length + " numbers" : "a list of numbers", n);
            }
            double[] out = new double[n.size()];
            for (int i = 0; i < out.length; i++) {
                if (!n.get(i).isNumber()) {
                    throw error(child + "[" + i + "]", "a number", n.get(i));
                }
                out[i] = n.get(i).asDouble();
            }
            return out;
        }

        /** A list of integers in [min, max] ({@code length} of them, any number when 0); fractions are refused. */
        public int[] integers(String child, int min, int max) {
            JsonNode n = node.get(child);
            if (n == null || !n.isArray() || n.size() == 0 || n.size() > 10_000) {
                throw error(child, "a list of integers", n == null ? "nothing" : n);
            }
            int[] out = new int[n.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode v = n.get(i);
                if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
                    throw error(child + "[" + i + "]", "an integer in " + min + ".." + max, v);
                }
                out[i] = v.asInt();
            }
            return out;
        }

        /**
         * A log10 grid {@code [from, to, count]}: from &le; to within [lowest, highest], count an integer in
         * 1..maxCount; returns the grid's values.
         */
        public double[] logGrid(String child, double lowest, double highest, int maxCount) {
            double[] g = numbers(child, 3);
            String expected = "[from, to, count]: powers of ten with " + lowest + " <= from <= to <= " + highest
                    + " and an integer count in 1.." + maxCount;
            JsonNode count = node.get(child).get(2);
            if (!(g[0] >= lowest && g[0] <= g[1] && g[1] <= highest) || !count.isIntegralNumber() || !count.canConvertToInt()
                    || g[2] < 1 || g[2] > maxCount) {
                throw error(child, expected, node.get(child));
            }
            return org.neurodec.subjects.adapters.Ridge.logSpace(g[0], g[1], (int) g[2]);
        }

        /** A list of strings (a single string counts as a list of one). */
        public List<String> texts(String child) {
            JsonNode n = node.get(child);
            if (n != null && n.isValueNode() && !n.isNull()) {
                return List.of(n.asText());
            }
            if (n == null || !n.isArray() || n.size() == 0) {
                throw error(child, "a list of file names or globs", n == null ? "nothing" : n);
            }
            List<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).isValueNode() || n.get(i).isNull()) {
                    throw error(child + "[" + i + "]", "a string", n.get(i));
                }
                out.add(n.get(i).asText());
            }
            return out;
        }

        /** The mapping itself, as parsed. */
        public JsonNode tree() {
            return node;
        }

        /** The job file. */
        public Path file() {
            return file;
        }

        /** A path relative to the job file's folder. */
        public Path path(String child, boolean mustExist) {
            Path p = file.toAbsolutePath().getParent().resolve(text(child)).normalize();
            if (mustExist && !java.nio.file.Files.exists(p)) {
                throw error(child, "an existing file", p);
            }
            return p;
        }
    }
}
