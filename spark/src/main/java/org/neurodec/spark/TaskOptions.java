package org.neurodec.spark;

import org.neurodec.ConfigurationException;
import picocli.CommandLine.Option;

/** What the Spark commands share about their tasks: how often one that threw is retried, and whether a failure stops the rest. */
final class TaskOptions {

    @Option(names = "--retries", defaultValue = "3", paramLabel = "N",
            description = "how often Spark retries a task that threw (default: ${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--fail-fast", description = "stop at the first task that fails (default: the others go on)")
    boolean failFast;

    /** The retries, checked. */
    int retries() {
        if (retries < 0 || retries > 100) {
            throw new ConfigurationException("--retries: expected 0..100, found " + retries);
        }
        return retries;
    }
}
