package org.neurodec.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.neurodec.Provenance;
import org.neurodec.cli.Main;
import picocli.CommandLine;

/**
 * Does one task where it runs (a Spark executor, or this JVM): the same command line a user would
 * type, {@code neurodec run|transfer JOB --out DIR --set ...}, in-process, so the outputs are the
 * single-machine command's own, written atomically by it. A task whose output is complete and whose
 * inputs' SHA-256 are those its provenance recorded is skipped (resume). The command refusing its
 * input (exit 1 or 2: a corrupt recording, a bad job) is a failed task that is not retried, since it
 * would fail again; anything else thrown (an executor's trouble) propagates for Spark to retry.
 */
public final class TaskRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Test hook: tasks named in {@code neurodec.batch.fail-once} throw on their first attempt in this JVM. */
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    private TaskRunner() {
    }

    /** Runs {@code task} (Spark's attempt {@code attempt}); see the class comment. */
    public static TaskResult run(BatchTask task, int attempt) {
        long start = System.nanoTime();
        Path out = Path.of(task.out());
        if (complete(task)) {
            return new TaskResult(task.name(), "skipped", seconds(start), attempt, "");
        }
        String failOnce = System.getProperty("neurodec.batch.fail-once", "");
        if (List.of(failOnce.split(",")).contains(task.name()) && FAILED_ONCE.add(task.name())) {
            throw new IllegalStateException("task " + task.name() + ": failure injected by neurodec.batch.fail-once");
        }
        List<String> args = new ArrayList<>(task.arguments());
        if (Files.exists(out)) {
            args.add("--overwrite");   // an earlier output whose inputs have changed since (the command checks it is one of ours)
        }
        StringWriter said = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(said, true));
        int status = cli.execute(args.toArray(String[]::new));
        if (status != 0) {
            String last = said.toString().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("exit " + status);
            return new TaskResult(task.name(), "failed", seconds(start), attempt, last.replaceFirst("^neurodec: ", ""));
        }
        return new TaskResult(task.name(), "done", seconds(start), attempt, "");
    }

    /**
     * Whether the task's output folder holds a finished output of the same command line whose every
     * recorded input still has the SHA-256 the provenance gives.
     */
    static boolean complete(BatchTask task) {
        Path metrics = Path.of(task.out()).resolve("metrics.json");
        if (!Files.isRegularFile(metrics)) {
            return false;
        }
        try {
            JsonNode provenance = JSON.readTree(metrics.toFile()).path("provenance");
            List<String> recorded = new ArrayList<>();
            provenance.path("arguments").forEach(a -> recorded.add(a.asText()));
            recorded.remove("--overwrite");
            if (!recorded.equals(task.arguments())) {
                return false;
            }
            for (JsonNode input : provenance.path("inputs")) {
                Path file = Path.of(input.path("path").asText());
                if (!Files.isRegularFile(file)
                        || !Provenance.InputFile.of("input", file).sha256().equals(input.path("sha256").asText())) {
                    return false;
                }
            }
            return provenance.path("inputs").size() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
