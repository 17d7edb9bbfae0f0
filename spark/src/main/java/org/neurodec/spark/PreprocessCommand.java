package org.neurodec.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurodec.ConfigurationException;
import org.neurodec.ingest.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec preprocess BIDS_ROOT --config C --out DIR --master URL}: one Spark task per recording. */
@Command(name = "preprocess", mixinStandardHelpOptions = true, versionProvider = BatchCommand.Version.class,
        description = {"Preprocess every recording of a BIDS dataset on Apache Spark, one task per recording, through the",
            "'preprocess' section of --config: the same files 'neurodec preprocess BIDS_ROOT' writes, each written atomically",
            "as its task ends. A rerun skips recordings whose output is there with the SHA-256 of today's inputs (resume); a",
            "recording the readers refuse fails alone and is named in the summary. Paths may be Hadoop URIs (hdfs://, s3a://",
            "with the connector, file:/); a task then copies its recording's files to its executor and puts its output back."})
public final class PreprocessCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BIDS_ROOT", description = "a BIDS dataset folder: a path or a Hadoop URI")
    private String input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output folder: a path or a Hadoop URI")
    private String out;

    @Option(names = "--config", required = true, paramLabel = "STEPS.yaml", description = "a YAML file with a 'preprocess' section")
    private String config;

    @Option(names = "--session", defaultValue = "1", description = "fMRI: session label of the betas when a name has none")
    private String session;

    @Option(names = "--master", required = true, paramLabel = "URL",
            description = "the Spark master: local[N], spark://HOST:PORT, yarn, ...")
    private String master;

    @picocli.CommandLine.Mixin
    private TaskOptions options;

    @Override
    public Integer call() {
        int retries = options.retries();
        PrintWriter log = spec.commandLine().getErr();
        String root = input;
        String configFile = config;
        String folder = out;
        if (!HadoopFiles.isUri(root) && !Files.isDirectory(Path.of(root))) {
            throw new ConfigurationException(input + ": expected a BIDS dataset folder (--master preprocesses a dataset's"
                    + " recordings as tasks; a single recording needs no Spark), found " + (Files.exists(Path.of(root)) ? "a file"
                    : "nothing"));
        }
        if (!HadoopFiles.isUri(configFile) && !Files.isRegularFile(Path.of(configFile))) {
            throw new ConfigurationException("--config " + config + ": expected a YAML file with a 'preprocess' section, found nothing");
        }
        // the single-machine command line, as the fMRI outputs' provenance records it
        List<String> arguments = new ArrayList<>(List.of("preprocess"));
        arguments.addAll(org.neurodec.cli.DistributedTransfer.withoutEngineOptions(spec.commandLine().getParseResult().originalArgs()));
        OutputTarget target = null;
        if (HadoopFiles.isUri(folder)) {
            HadoopFiles.refuseOverInput(folder, root);
            HadoopFiles.claimFolder(folder, "preprocess");
        } else {
            List<Path> inputs = new ArrayList<>();
            if (!HadoopFiles.isUri(root)) {
                inputs.add(Path.of(root));
            }
            if (!HadoopFiles.isUri(configFile)) {
                inputs.add(Path.of(configFile));
            }
            target = OutputTarget.claim("--out", Path.of(folder), OutputTarget.Kind.folder("preprocess"), true, inputs);
        }
        try {
            if (target != null) {
                PreprocessTask.outputFolder(Path.of(folder));
            }
            List<PreprocessTask> tasks;
            try {
                tasks = PreprocessTask.of("", root, folder, configFile, arguments, session);
            } catch (java.io.IOException e) {
                throw new ConfigurationException(input + ": could not be listed: " + e.getMessage());
            }
            if (tasks.isEmpty()) {
                throw new ConfigurationException(input + ": no sub-*/[ses-*/]{func,eeg}/ recordings found");
            }
            log.printf("%d recordings of %s on %s%n", tasks.size(), input, master);
            log.flush();
            long start = System.nanoTime();
            List<TaskResult> results;
            try (SparkBatch batch = SparkBatch.start("neurodec preprocess", master, retries, BatchCommand.lines(log))) {
                boolean stop = options.failFast;
                results = batch.map(tasks, (task, attempt) -> SparkBatch.stopIfFailed(task.run(attempt), stop));
            } catch (Exception e) {   // Spark throws its checked SparkException unchecked, from Scala
                throw BatchCommand.stopped(e);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(BatchCommand.summary(results));
            long failed = results.stream().filter(r -> r.status().equals("failed")).count();
            stdout.printf(Locale.ROOT, "%d written, %d skipped (output current), %d with nothing to write, %d failed in %.1f s: %s%n",
                    results.stream().filter(r -> r.status().equals("done")).count(),
                    results.stream().filter(r -> r.status().equals("skipped")).count(),
                    results.stream().filter(r -> r.status().equals("empty")).count(), failed, (System.nanoTime() - start) / 1e9,
                    out);
            stdout.flush();
            return failed == 0 ? 0 : 1;
        } finally {
            if (target != null) {
                target.close();
            }
        }
    }
}
