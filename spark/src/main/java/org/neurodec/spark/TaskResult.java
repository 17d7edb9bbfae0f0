package org.neurodec.spark;

import java.io.Serializable;

/**
 * How a task ended: done, skipped (its output was complete and its inputs unchanged) or failed
 * (the command refused its input; {@code message} says why, as the command said it).
 *
 * @param name the task
 * @param status done, skipped or failed
 * @param seconds the time the task took on its executor
 * @param attempt Spark's attempt number of the task (0 for the first)
 * @param message the command's last words on a failure, else ""
 */
public record TaskResult(String name, String status, double seconds, int attempt, String message) implements Serializable {
}
