package org.neurodec.spark;

import java.io.Serializable;

/** A unit of a batch that runs as one Spark task: a job with its values, or one recording to preprocess. */
public interface Task extends Serializable {

    /** The task's name, unique in its batch. */
    String name();

    /**
     * Does the task on its executor (Spark's attempt {@code attempt}); a refused input comes back as a
     * failed result, anything else thrown is for Spark to retry.
     */
    TaskResult run(int attempt) throws Exception;
}
