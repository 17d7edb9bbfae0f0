package org.neurodec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.neurodec.ConfigurationException;
import org.neurodec.experiments.TransferJob;

/**
 * {@code neurodec transfer JOB --master URL}: a transfer job's folds and calibration sizes as tasks
 * of a cluster engine. The command line knows only this interface; the Spark module provides it
 * (found through {@link ServiceLoader}), so the everyday command carries no Spark.
 */
public interface DistributedTransfer {

    /** The options that choose where a command runs, which its outputs' provenance leaves out (they do not change a byte). */
    List<String> ENGINE_OPTIONS = List.of("--master", "--retries");
    /** The same, for flags without a value. */
    List<String> ENGINE_FLAGS = List.of("--fail-fast");

    /** Runs the job on {@code master}; the same result as {@link TransferJob#run}, the same seeds, the same rows. */
    TransferJob.Result run(Path job, Map<String, String> variables, String master, int retries, Consumer<String> log);

    /** The engine on the class path, or an error saying how to get one. */
    static DistributedTransfer find() {
        return ServiceLoader.load(DistributedTransfer.class).findFirst().orElseThrow(DistributedTransfer::noSpark);
    }

    /** The error of a --master given where Spark is not on the class path. */
    static ConfigurationException noSpark() {
        return new ConfigurationException("--master: expected Apache Spark on the class path, found none; run through ./neurodec"
                + " (which starts the Spark jar when --master is given) or spark-submit spark/target/neurodec-spark-submit.jar");
    }

    /** {@code arguments} without the engine options and their values. */
    static List<String> withoutEngineOptions(List<String> arguments) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (ENGINE_OPTIONS.contains(a)) {
                i++;
            } else if (ENGINE_OPTIONS.stream().noneMatch(o -> a.startsWith(o + "=")) && !ENGINE_FLAGS.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
