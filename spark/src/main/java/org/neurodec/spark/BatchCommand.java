package org.neurodec.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neurodec.ConfigurationException;
import org.neurodec.ingest.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec batch MANIFEST.yaml --master ...}: a manifest's jobs as Spark tasks. */
@Command(name = "batch", mixinStandardHelpOptions = true, versionProvider = BatchCommand.Version.class,
        description = {"Run the jobs of a batch manifest as Apache Spark tasks: run and transfer job files, each with its --set",
            "values or a grid of them, and BIDS datasets to preprocess (a task per recording). Each job writes the files the",
            "single-machine command writes, in its own folder inside the manifest's 'out'. A finished task whose inputs are",
            "unchanged is skipped on a rerun; a task whose input is refused (a corrupt recording) fails alone and is named in",
            "the summary; one that throws is retried. The summary is printed and written to OUT/batch.tsv. Exit 0 when every",
            "task is done or skipped."})
public final class BatchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MANIFEST.yaml", description = "the batch manifest")
    private Path manifest;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL",
            description = "the Spark master: local[N], spark://HOST:PORT, yarn, ... (default: ${DEFAULT-VALUE})")
    private String master;

    @picocli.CommandLine.Mixin
    private TaskOptions tasks;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "the batch's folder, instead of the manifest's 'out'")
    private Path outOption;

    @Override
    public Integer call() {
        int retries = tasks.retries();
        Manifest m = Manifest.read(manifest, outOption);
        Path out = m.out();
        PrintWriter log = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        claim(out);
        m.preprocessFolders().forEach(PreprocessTask::outputFolder);
        log.printf("%d tasks from %s on %s%n", m.tasks().size(), manifest, master);
        log.flush();
        long start = System.nanoTime();
        List<TaskResult> results;
        try {
            results = SparkBatch.run(m.tasks(), master, retries, tasks.failFast, lines(log));
        } catch (Exception e) {   // Spark throws its checked SparkException unchecked, from Scala
            throw stopped(e);
        }
        String table = summary(results);
        stdout.print(table);
        Map<String, Long> counts = results.stream().collect(Collectors.groupingBy(TaskResult::status, Collectors.counting()));
        stdout.printf(Locale.ROOT, "%d done, %d skipped, %d failed in %.1f s; summary: %s%n", counts.getOrDefault("done", 0L),
                counts.getOrDefault("skipped", 0L), counts.getOrDefault("failed", 0L), (System.nanoTime() - start) / 1e9,
                out.resolve("batch.tsv"));
        stdout.flush();
        AtomicFile.write(out.resolve("batch.tsv"), w -> w.write(tsv(results).getBytes(StandardCharsets.UTF_8)));
        return counts.getOrDefault("failed", 0L) == 0 ? 0 : 1;
    }

    /**
     * What a Spark job's failure says to the user: the first failed task under --fail-fast (Spark wraps
     * a task's exception in its SparkException), else the failure itself.
     */
    static RuntimeException stopped(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof SparkBatch.BatchStopped)) {
            cause = cause.getCause();
        }
        if (cause instanceof SparkBatch.BatchStopped stopped) {
            return new ConfigurationException("stopped (--fail-fast) at " + stopped.getMessage());
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
    }

    /**
     * The batch's folder: created when missing; an existing one must be empty or an earlier batch's
     * (it holds batch.tsv), so that a batch never writes into a folder it did not create.
     */
    private static void claim(Path out) {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new ConfigurationException(out + ": expected the batch's output folder, found a file (a batch never replaces"
                        + " a file)");
            }
            if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve("batch.tsv"))) {
                try (var entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new ConfigurationException(out + ": expected an empty folder or an earlier batch's (with batch.tsv),"
                                + " found a folder with other files; choose another 'out'");
                    }
                }
            }
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new ConfigurationException(out + ": cannot create the batch's folder: " + e.getMessage());
        }
    }

    /** Lines to {@code out}, each flushed as it comes. */
    static java.util.function.Consumer<String> lines(PrintWriter out) {
        return line -> {
            out.println(line);
            out.flush();
        };
    }

    /** The summary as a table: task, status, seconds, attempt, and why a task failed. */
    static String summary(List<TaskResult> results) {
        int width = Math.max(4, results.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        Function<TaskResult, String> line = r -> String.format(Locale.ROOT, "%-" + width + "s  %-7s  %7.1f s  %7d  %s%n",
                r.name(), r.status(), r.seconds(), r.attempt() + 1, r.message());
        return String.format(Locale.ROOT, "%-" + width + "s  %-7s  %9s  %7s  %s%n", "task", "status", "time", "attempt", "message")
                + results.stream().map(line).collect(Collectors.joining());
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BatchCommand.class.getPackage().getImplementationVersion();
            return new String[] {"neurodec batch " + (version == null ? "development" : version) + ", Apache Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
        }
    }

    private static String tsv(List<TaskResult> results) {
        StringBuilder s = new StringBuilder("task\tstatus\tseconds\tattempt\tmessage\n");
        for (TaskResult r : results) {
            s.append(r.name()).append('\t').append(r.status()).append('\t').append(String.format(Locale.ROOT, "%.3f", r.seconds()))
                    .append('\t').append(r.attempt() + 1).append('\t').append(r.message().replace('\t', ' ').replace('\n', ' '))
                    .append('\n');
        }
        return s.toString();
    }
}
