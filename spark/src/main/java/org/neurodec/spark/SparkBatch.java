package org.neurodec.spark;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A Spark application on {@code master} for neurodec's tasks: {@link #map} runs a list of tasks as
 * one Spark job with one partition per task, so Spark places, runs and retries each on its own; the
 * driver draws one progress line over the tasks and gathers their results in the tasks' order. A
 * task that throws is retried up to {@code retries} times (in local mode too: {@code local[N]} becomes
 * {@code local[N,retries + 1]}).
 */
public final class SparkBatch implements AutoCloseable {

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)]");

    private final JavaSparkContext spark;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int total;

    private SparkBatch(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** The master Spark is given: local[N] with room for the retries, anything else as it is. */
    static String master(String master, int retries) {
        Matcher m = LOCAL.matcher(master);
        return m.matches() ? "local[" + m.group(1) + "," + (retries + 1) + "]" : master.equals("local") ? "local[1," + (retries + 1)
                + "]" : master;
    }

    /** Starts the application; Spark's UI address (when it has one), progress and retries go to {@code log}, a line each. */
    public static SparkBatch start(String name, String master, int retries, Consumer<String> log) {
        SparkConf conf = new SparkConf().setAppName(name).setMaster(master(master, retries))
                .set("spark.task.maxFailures", String.valueOf(retries + 1));
        JavaSparkContext spark = new JavaSparkContext(conf);
        spark.setLogLevel("ERROR");
        if (spark.sc().uiWebUrl().isDefined()) {
            log.accept("Spark UI: " + spark.sc().uiWebUrl().get());
        }
        SparkBatch batch = new SparkBatch(spark);
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().successful()) {
                    int n = batch.finished.incrementAndGet();
                    int of = Math.max(1, batch.total);
                    log.accept(String.format("[%-30s] %d/%d tasks", "#".repeat(Math.min(30, 30 * n / of)), n, of));
                } else {
                    log.accept(String.format("task %d attempt %d failed on %s; Spark retries it", end.taskInfo().index(),
                            end.taskInfo().attemptNumber(), end.taskInfo().host()));
                }
            }
        });
        return batch;
    }

    /** What a task does on its executor, given Spark's attempt number (0 for the first). */
    @FunctionalInterface
    public interface Work<T, R> extends Serializable {
        R apply(T task, int attempt) throws Exception;
    }

    /** Runs {@code work} on every task, one Spark task each; the results in the tasks' order. */
    public <T extends Serializable, R> List<R> map(List<T> tasks, Work<T, R> work) {
        finished.set(0);
        total = tasks.size();
        Function<T, R> call = task -> work.apply(task, TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber());
        return spark.parallelize(tasks, Math.max(1, tasks.size())).map(call).collect();
    }

    @Override
    public void close() {
        spark.close();
    }

    /** Runs a batch manifest's {@code tasks}; under {@code failFast} the first failed task stops the job (it throws). */
    public static List<TaskResult> run(List<Task> tasks, String master, int retries, boolean failFast, Consumer<String> log) {
        try (SparkBatch batch = start("neurodec batch", master, retries, log)) {
            return batch.map(tasks, (task, attempt) -> stopIfFailed(task.run(attempt), failFast));
        }
    }

    /** {@code result}, or under {@code failFast} a {@link BatchStopped} when it failed. */
    static TaskResult stopIfFailed(TaskResult result, boolean failFast) {
        if (failFast && result.status().equals("failed")) {
            throw new BatchStopped(result.name() + ": " + result.message());
        }
        return result;
    }

    /** Thrown by a task under --fail-fast: the first failure ends the batch. */
    static final class BatchStopped extends RuntimeException {
        BatchStopped(String message) {
            super(message);
        }
    }
}
