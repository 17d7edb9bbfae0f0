package org.neurodec.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.neurodec.NeurodecException;
import org.neurodec.Provenance;
import org.neurodec.cli.BidsPreprocessor;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.ingest.OutputTarget;
import org.neurodec.ingest.bids.BidsDataset;
import org.neurodec.ingest.bids.BidsRecording;

/**
 * One recording of a BIDS dataset through a preprocess config, as one Spark task. The task reads the
 * recording where it is: in place on a local or shared filesystem, or, for a Hadoop URI, by copying
 * its files (the recording, its companions, events and sidecars) to the executor's disk. Its output
 * is the file {@code neurodec preprocess BIDS_ROOT} writes for that recording, written atomically;
 * a recording whose output is there with the SHA-256 of today's inputs is skipped (resume). A
 * recording the readers or the pipeline refuse fails its task with their message (no retry: it
 * would fail again); anything else thrown is retried by Spark.
 *
 * @param name the task's name (the recording's path, after the batch entry's name in a manifest)
 * @param recording the recording's path inside the dataset ('/'-separated)
 * @param root the dataset's folder: a local path or a Hadoop URI
 * @param files the files the recording needs, relative to {@code root} (for a URI; empty otherwise)
 * @param out the output folder: a local path or a Hadoop URI
 * @param config the YAML file with the {@code preprocess} section: a local path or a Hadoop URI
 * @param arguments the single-machine command line, as the fMRI outputs' provenance records it
 * @param session the fMRI session label for recordings whose names have none
 */
public record PreprocessTask(String name, String recording, String root, List<String> files, String out, String config, List<String> arguments,
        String session) implements Task {

    /** Copies the lists. */
    public PreprocessTask {
        files = new ArrayList<>(files);
        arguments = new ArrayList<>(arguments);
    }

    /**
     * The tasks for every recording of the dataset at {@code root}, in path order, named by
     * {@code prefix} and the recording's path. The driver only lists the files; each task reads its own.
     */
    static List<PreprocessTask> of(String prefix, String root, String out, String config, List<String> arguments,
            String session) throws IOException {
        List<String> all;
        if (HadoopFiles.isUri(root)) {
            all = HadoopFiles.list(root);
        } else {
            Path folder = Path.of(root);
            try (var files = Files.walk(folder)) {
                all = files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()
                        .replace(java.io.File.separatorChar, '/')).sorted().toList();
            }
        }
        List<PreprocessTask> tasks = new ArrayList<>();
        for (String file : all) {
            if (BidsDataset.isRecording(file)) {
                tasks.add(new PreprocessTask(prefix + file, file, root, HadoopFiles.isUri(root) ? needs(file, all) : List.of(), out,
                        config, arguments, session));
            }
        }
        return tasks;
    }

    /**
     * A preprocess output folder, made ready: created with the marker of a preprocess output, or an
     * earlier one kept (its finished files are what a rerun skips); anything else there is refused.
     */
    static void outputFolder(Path folder) {
        String kind = OutputTarget.markerOf(folder);
        try {
            boolean empty = !Files.isDirectory(folder);
            if (!empty) {
                try (var entries = Files.list(folder)) {
                    empty = entries.findAny().isEmpty();
                }
            }
            if (kind == null && !empty || kind != null && !kind.equals("preprocess")) {
                throw new org.neurodec.ConfigurationException(folder + ": expected an empty folder or an earlier preprocess"
                        + " output, found a folder neurodec did not write as one");
            }
            Files.createDirectories(folder);
            if (kind == null) {
                Files.writeString(folder.resolve(OutputTarget.MARKER), OutputTarget.markerText("preprocess"));
            }
        } catch (IOException e) {
            throw new org.neurodec.ConfigurationException(folder + ": cannot create the output folder: " + e.getMessage());
        }
    }

    /**
     * The files a recording needs from its dataset: those of its folder that share its entities (its
     * companions, events and sidecars) and the JSON sidecars of every folder above it.
     */
    static List<String> needs(String recording, List<String> all) {
        int slash = recording.lastIndexOf('/');
        String folder = recording.substring(0, slash + 1);
        String name = recording.substring(slash + 1);
        String stem = name.substring(0, name.lastIndexOf('_') + 1);
        List<String> out = new ArrayList<>();
        for (String file : all) {
            int at = file.lastIndexOf('/');
            String parent = file.substring(0, at + 1);
            String fileName = file.substring(at + 1);
            if (parent.equals(folder) && (fileName.startsWith(stem) || fileName.endsWith(".json"))
                    || folder.startsWith(parent) && fileName.endsWith(".json")) {
                out.add(file);
            }
        }
        return out;
    }

    /** Where the output of this recording goes, as a path or URI. */
    String target() {
        return out + (out.endsWith("/") ? "" : "/") + BidsPreprocessor.target(recording);
    }

    /** Does the task; see the class comment. */
    @Override
    public TaskResult run(int attempt) throws IOException {
        long start = System.nanoTime();
        String skipped;
        try {
            skipped = preprocess(attempt);
        } catch (NeurodecException | UncheckedIOException | IllegalArgumentException e) {
            return new TaskResult(name, "failed", seconds(start), attempt, e.getMessage());
        }
        return new TaskResult(name, skipped == null ? "done" : skipped.equals(CURRENT) ? "skipped" : "empty", seconds(start), attempt,
                skipped == null || skipped.equals(CURRENT) ? "" : skipped);
    }

    private static final String CURRENT = "output current";

    /**
     * The recording through the config: each of the dataset, the config and the output read or written
     * in place when it is a path, through a copy on this executor's disk when it is a URI.
     *
     * @return null when the output was written, {@code CURRENT} when it already was, else why nothing was written
     */
    private String preprocess(int attempt) throws IOException {
        Path copy = Files.createTempDirectory("neurodec-task");
        try {
            Path dataset = HadoopFiles.isUri(root) ? copy.resolve("dataset") : Path.of(root);
            for (String file : files) {
                HadoopFiles.download(root + "/" + file, dataset.resolve(file));
            }
            Path configFile = Path.of(config);
            if (HadoopFiles.isUri(config)) {
                configFile = copy.resolve("config").resolve(config.substring(config.lastIndexOf('/') + 1));
                HadoopFiles.download(config, configFile);
            }
            BidsRecording found = BidsDataset.recording(dataset, dataset.resolve(recording));
            BidsPreprocessor preprocessor = preprocessor(configFile);
            boolean remoteOut = HadoopFiles.isUri(out);
            Path local = remoteOut ? copy.resolve("out.h5") : Path.of(target());
            if (remoteOut && HadoopFiles.exists(target())) {
                HadoopFiles.download(target(), local);
            }
            if (preprocessor.current(found, local)) {
                return CURRENT;
            }
            if (!remoteOut) {
                removeLeftovers(local);
            }
            Path configCopy = configFile;
            UnaryOperator<Provenance> origin = p -> {
                Provenance q = HadoopFiles.isUri(root) ? p.relocated(dataset, root) : p;
                return HadoopFiles.isUri(config) ? q.relocated(configCopy, config) : q;
            };
            String skipped = preprocessor.process(found, local, origin);
            if (skipped == null && remoteOut) {
                HadoopFiles.upload(local, target(), attempt);
            }
            return skipped;
        } finally {
            AtomicFolder.delete(copy);
        }
    }

    /** The hidden temporaries a killed attempt left beside {@code target} ({@code .NAME.<digits>.part}), removed. */
    private static void removeLeftovers(Path target) throws IOException {
        java.util.regex.Pattern leftover = java.util.regex.Pattern.compile("\\." + java.util.regex.Pattern.quote(
                target.getFileName().toString()) + "\\.\\d+\\.part");
        if (!Files.isDirectory(target.getParent())) {
            return;
        }
        try (var siblings = Files.list(target.getParent())) {
            for (Path p : siblings.filter(p -> leftover.matcher(p.getFileName().toString()).matches()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Each executor thread's preprocessor of the last config it ran, so that its pipelines (an fMRI mask
     * read, filters designed) are built once per thread, as the single-machine command builds them once.
     */
    private static final ThreadLocal<Map.Entry<String, BidsPreprocessor>> PREPROCESSORS = new ThreadLocal<>();

    private BidsPreprocessor preprocessor(Path configFile) throws IOException {
        String key = configFile + "|" + Files.getLastModifiedTime(configFile).toMillis() + "|" + Files.size(configFile) + "|"
                + arguments + "|" + session;
        Map.Entry<String, BidsPreprocessor> cached = PREPROCESSORS.get();
        if (cached == null || !cached.getKey().equals(key)) {
            cached = Map.entry(key, new BidsPreprocessor(configFile, arguments, session));
            PREPROCESSORS.set(cached);
        }
        return cached.getValue();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
