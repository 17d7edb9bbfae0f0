package org.neurodec.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A batch's tasks as one Spark job on {@code master}: one partition per task, so Spark places, runs
 * and retries each on its own; the driver draws one progress line over the tasks and gathers their
 * results. A task that throws is retried up to {@code retries} times (in local mode too: {@code
 * local[N]} becomes {@code local[N,retries + 1]}); a task whose command refused its input comes back
 * failed and the others go on, unless {@code failFast}, when it stops the job.
 */
public final class SparkBatch {

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)]");

    private SparkBatch() {
    }

    /** The master Spark is given: local[N] with room for the retries, anything else as it is. */
    static String master(String master, int retries) {
        Matcher m = LOCAL.matcher(master);
        return m.matches() ? "local[" + m.group(1) + "," + (retries + 1) + "]" : master.equals("local") ? "local[1," + (retries + 1)
                + "]" : master;
    }

    /** Runs {@code tasks}; their results in the tasks' order (a job stopped by {@code failFast} throws). */
    public static List<TaskResult> run(List<BatchTask> tasks, String master, int retries, boolean failFast, PrintWriter log) {
        SparkConf conf = new SparkConf().setAppName("neurodec batch").setMaster(master(master, retries))
                .set("spark.task.maxFailures", String.valueOf(retries + 1));
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("ERROR");
            if (spark.sc().uiWebUrl().isDefined()) {
                log.println("Spark UI: " + spark.sc().uiWebUrl().get());
            }
            AtomicInteger finished = new AtomicInteger();
            spark.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (end.taskInfo().successful()) {
                        int n = finished.incrementAndGet();
                        log.printf("[%-30s] %d/%d tasks%n", "#".repeat(30 * n / tasks.size()), n, tasks.size());
                    } else {
                        log.printf("task %d attempt %d failed on %s; Spark retries it%n", end.taskInfo().index(),
                                end.taskInfo().attemptNumber(), end.taskInfo().host());
                    }
                    log.flush();
                }
            });
            return spark.parallelize(tasks, tasks.size()).map(task -> {
                TaskResult result = TaskRunner.run(task, TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber());
                if (failFast && result.status().equals("failed")) {
                    throw new BatchStopped(task.name() + ": " + result.message());
                }
                return result;
            }).collect();
        }
    }

    /** Thrown by a task under --fail-fast: the first failure ends the batch. */
    static final class BatchStopped extends RuntimeException {
        BatchStopped(String message) {
            super(message);
        }
    }
}
