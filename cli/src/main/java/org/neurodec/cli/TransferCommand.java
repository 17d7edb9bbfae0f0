package org.neurodec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurodec.experiments.TransferJob;
import org.neurodec.ingest.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code neurodec transfer JOB.yaml}: a new subject's decoding quality against the calibration data it is given. */
@Command(name = "transfer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a transfer experiment: train the shared encoder on the job's training subjects, then decode",
            "its new subject from k calibration trials (and the minutes they took) with a subject-only decoder, the",
            "frozen shared encoder with a new adapter, and the shared encoder fine-tuned. Writes transfer.csv,",
            "metrics.json, figures/ (one curve per metric), models/shared and report.html, atomically.",
            "See examples/synthetic-transfer.yaml."})
final class TransferCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private JobFileOptions job;

    @picocli.CommandLine.Option(names = "--master", paramLabel = "URL", description = {"run the folds and calibration sizes as"
            + " Apache Spark tasks on this master: local[N], spark://HOST:PORT, yarn (the same outputs; needs the Spark jar,"
            + " which ./neurodec starts when --master is given)"})
    private String master;

    @picocli.CommandLine.Option(names = "--retries", defaultValue = "3", paramLabel = "N",
            description = "with --master: how often Spark retries a task that threw (default: ${DEFAULT-VALUE})")
    private int retries;

    @Override
    public Integer call() {
        if (retries < 0 || retries > 100) {
            throw new org.neurodec.ConfigurationException("--retries: expected 0..100, found " + retries);
        }
        if (master == null && spec.commandLine().getParseResult().hasMatchedOption("--retries")) {
            throw new org.neurodec.ConfigurationException("--retries: expected only with --master, found no --master");
        }
        Path folder = job.folder();
        if (master != null) {
            DistributedTransfer.find();   // before the output is claimed
        }
        List<Path> inputs = TransferJob.declaredInputs(job.file(), job.variables);
        try (OutputTarget target = job.output.claim("--out", folder, OutputTarget.Kind.folder("transfer"), inputs,
                spec.commandLine().getErr())) {
            return run(folder);
        }
    }

    private int run(Path folder) {
        java.util.function.Consumer<String> log = EvaluationTable.progress(spec.commandLine().getErr());
        TransferJob.Result result = master == null ? TransferJob.run(job.file(), job.variables, log)
                : DistributedTransfer.find().run(job.file(), job.variables, master, retries, log);
        TransferJob.write(result, folder, Provenance.command("transfer",
                DistributedTransfer.withoutEngineOptions(spec.commandLine().getParseResult().originalArgs())));
        print(result, spec.commandLine().getOut());
        spec.commandLine().getOut().println("report: " + folder.resolve("report.html"));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The table: one row per calibration size and method, one column per metric. */
    static void print(TransferJob.Result result, PrintWriter out) {
        List<String> metrics = TransferJob.metricNames(result.rows());
        out.println(result.name());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s %6s %7s  %-22s", "subject", "trials", "minutes",
                "method"));
        metrics.forEach(m -> header.append(String.format(Locale.ROOT, " %12s", m)));
        out.println(header);
        StringBuilder chance = new StringBuilder(String.format(Locale.ROOT, "%-8s %6s %7s  %-22s", "", "", "", "chance"));
        metrics.forEach(m -> chance.append(String.format(Locale.ROOT, " %12.3f", result.rows().get(0).chance().getOrDefault(m,
                Double.NaN))));
        out.println(chance);
        for (TransferJob.Row row : TransferJob.withMeans(result.rows())) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %6d %7.1f  %-22s", row.subject(), row.trials(),
                    row.minutes(), row.method()));
            metrics.forEach(m -> line.append(row.scores().containsKey(m)
                    ? String.format(Locale.ROOT, " %12.3f", row.scores().get(m)) : String.format(Locale.ROOT, " %12s", "-")));
            out.println(line);
        }
        result.trainings().forEach((subject, training) -> {
            Map<String, Object> i = TransferJob.interference(training);
            if (Boolean.TRUE.equals(i.get("measured"))) {
                out.printf(Locale.ROOT, "subject interference (training without %s): mean gradient cosine %.3f, %.0f %% of pairs"
                        + " conflicting%n", subject, (Double) i.get("mean_cosine"), 100 * (Double) i.get("conflicting_fraction"));
            }
        });
    }
}
