package org.neurodec.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.ConfigurationException;

/**
 * A batch manifest: the jobs to run and where their outputs go.
 *
 * <pre>{@code
 * out: results                          # the batch's folder (relative to the manifest); a folder per task inside
 * jobs:
 *   - run: ../examples/motor-imagery.yaml
 *     set: {data: /data/shared}         # a job variable, as --set NAME=VALUE
 *   - run: ../examples/fmri-volumes.yaml
 *     name: volumes                     # the task's name (default: the job file's name without .yaml)
 *     set: {study: /data/block, seed: [1, 2, 3]}   # a list: one task per value (several lists: every combination)
 *   - transfer: ../examples/ssvep-transfer.yaml
 * }</pre>
 *
 * Every key is checked before anything runs; an error names the manifest, the key, what was expected
 * and what was found.
 */
public record Manifest(Path file, Path out, List<Task> tasks, List<Path> preprocessFolders) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads and checks {@code file}. */
    public static Manifest read(Path file) {
        return read(file, null);
    }

    /** Reads and checks {@code file}, its tasks' folders in {@code out} instead of its own 'out' when that is not null. */
    public static Manifest read(Path file, Path outOverride) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigurationException(file + ": expected a YAML batch manifest, found " + (Files.exists(file)
                    ? "text that does not parse: " + e.getMessage().lines().findFirst().orElse("") : "no file"));
        }
        if (root == null || !root.isObject()) {
            throw error(file, "", "a mapping with 'out' and 'jobs'", root == null ? "nothing" : root.getNodeType());
        }
        Set<String> keys = new HashSet<>();
        root.fieldNames().forEachRemaining(keys::add);
        keys.removeAll(Set.of("out", "jobs"));
        if (!keys.isEmpty()) {
            throw error(file, keys.iterator().next(), "one of [jobs, out]", "an unknown key");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (outOverride == null && !root.path("out").isTextual()) {
            throw error(file, "out", "the batch's output folder", root.has("out") ? root.get("out").getNodeType() : "nothing");
        }
        Path out = outOverride != null ? outOverride.toAbsolutePath().normalize() : folder.resolve(root.get("out").asText()).normalize();
        JsonNode jobs = root.path("jobs");
        if (!jobs.isArray() || jobs.isEmpty()) {
            throw error(file, "jobs", "a list of jobs (- run: JOB.yaml or - transfer: JOB.yaml)", jobs.isMissingNode() ? "nothing"
                    : jobs.isArray() ? "an empty list" : jobs.getNodeType());
        }
        List<Task> tasks = new ArrayList<>();
        List<Path> preprocessFolders = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            String at = "jobs[" + i + "]";
            JsonNode job = jobs.get(i);
            if (!job.isObject()) {
                throw error(file, at, "a mapping (run: JOB.yaml)", job.getNodeType());
            }
            job.fieldNames().forEachRemaining(k -> {
                if (!Set.of("run", "transfer", "preprocess", "config", "name", "set").contains(k)) {
                    throw error(file, at + "." + k, "one of [config, name, preprocess, run, set, transfer]", "an unknown key");
                }
            });
            if (job.has("preprocess")) {
                preprocessFolders.add(preprocess(file, at, job, folder, out, names, tasks));
                continue;
            }
            if (job.has("config")) {
                throw error(file, at + ".config", "config only with preprocess", "a config for a " + (job.has("run") ? "run" : "transfer")
                        + " job");
            }
            String command = job.has("run") == job.has("transfer") ? null : job.has("run") ? "run" : "transfer";
            if (command == null) {
                throw error(file, at, "exactly one of 'run' and 'transfer'", job.has("run") ? "both" : "neither");
            }
            Path jobFile = folder.resolve(job.get(command).asText()).normalize();
            if (!Files.isRegularFile(jobFile)) {
                throw error(file, at + "." + command, "an existing job file", "none at " + jobFile);
            }
            String name = job.has("name") ? job.get("name").asText()
                    : jobFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            for (Map<String, String> sets : grid(file, at + ".set", job.path("set"))) {
                StringBuilder taskName = new StringBuilder(name);
                sets.forEach((k, v) -> {
                    if (job.path("set").path(k).isArray()) {
                        taskName.append('-').append(k).append('=').append(v);
                    }
                });
                String safe = taskName.toString().replaceAll("[^A-Za-z0-9._=-]", "_");
                if (!names.add(safe)) {
                    throw error(file, at + ".name", "a task name no other job has", "'" + safe + "' twice");
                }
                tasks.add(new BatchTask(safe, command, jobFile.toString(), sets, out.resolve(safe).toString()));
            }
        }
        return new Manifest(file, out, tasks, preprocessFolders);
    }

    /**
     * A {@code preprocess: BIDS_ROOT} entry with its {@code config}: one task per recording, their
     * outputs in the folder {@code OUT/NAME} (NAME: the entry's name, else the dataset folder's).
     */
    private static Path preprocess(Path file, String at, JsonNode job, Path folder, Path out, Set<String> names, List<Task> tasks) {
        if (job.has("run") || job.has("transfer") || job.has("set")) {
            throw error(file, at, "preprocess with config (and a name), nothing else", "also "
                    + (job.has("set") ? "set" : job.has("run") ? "run" : "transfer"));
        }
        if (!job.path("config").isTextual()) {
            throw error(file, at + ".config", "the YAML file with the preprocess section", job.has("config")
                    ? job.get("config").getNodeType() : "nothing");
        }
        String rootText = job.get("preprocess").asText();
        String root = HadoopFiles.isUri(rootText) ? rootText : folder.resolve(rootText).normalize().toString();
        if (!HadoopFiles.isUri(root) && !Files.isDirectory(Path.of(root))) {
            throw error(file, at + ".preprocess", "a BIDS dataset folder", "none at " + root);
        }
        String configText = job.get("config").asText();
        String config = HadoopFiles.isUri(configText) ? configText : folder.resolve(configText).normalize().toString();
        if (!HadoopFiles.isUri(config) && !Files.isRegularFile(Path.of(config))) {
            throw error(file, at + ".config", "an existing YAML file", "none at " + config);
        }
        String name = job.has("name") ? job.get("name").asText() : root.replaceFirst("/+$", "").replaceFirst(".*/", "");
        String safe = name.replaceAll("[^A-Za-z0-9._=-]", "_");
        if (!names.add(safe)) {
            throw error(file, at + ".name", "a task name no other job has", "'" + safe + "' twice");
        }
        Path target = out.resolve(safe);
        List<PreprocessTask> recordings;
        try {
            recordings = PreprocessTask.of(safe + "/", root, target.toString(), config, List.of("preprocess", root, "--config",
                    config, "--out", target.toString()), "1");
        } catch (IOException e) {
            throw error(file, at + ".preprocess", "a dataset folder that can be listed", e.getMessage());
        }
        if (recordings.isEmpty()) {
            throw error(file, at + ".preprocess", "a BIDS dataset with sub-*/[ses-*/]{func,eeg}/ recordings", "none in " + root);
        }
        tasks.addAll(recordings);
        return target;
    }

    /** Every combination of the list values of {@code set} (scalars in every one), in order. */
    private static List<Map<String, String>> grid(Path file, String at, JsonNode set) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        if (set.isMissingNode() || set.isNull()) {
            return out;
        }
        if (!set.isObject()) {
            throw error(file, at, "a mapping of job variables to values or lists of values", set.getNodeType());
        }
        for (var it = set.fields(); it.hasNext(); ) {
            var e = it.next();
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(scalar(file, at + "." + e.getKey(), v)));
                if (values.isEmpty()) {
                    throw error(file, at + "." + e.getKey(), "at least one value", "an empty list");
                }
            } else {
                values.add(scalar(file, at + "." + e.getKey(), e.getValue()));
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : values) {
                    Map<String, String> more = new LinkedHashMap<>(partial);
                    more.put(e.getKey(), v);
                    next.add(more);
                }
            }
            out = next;
        }
        return out;
    }

    private static String scalar(Path file, String at, JsonNode v) {
        if (!v.isValueNode() || v.isNull()) {
            throw error(file, at, "a value", v.getNodeType());
        }
        return v.asText();
    }

    private static ConfigurationException error(Path file, String key, String expected, Object found) {
        return new ConfigurationException(file + (key.isEmpty() ? "" : ": key '" + key + "'") + ": expected " + expected
                + ", found " + (found instanceof Enum<?> type ? type.name().toLowerCase(java.util.Locale.ROOT) : found));
    }
}
