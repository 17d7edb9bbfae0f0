package org.neurodec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurodec.decoders.stats.Significance;
import org.neurodec.experiments.EncoderJob;
import org.neurodec.experiments.Job;
import org.neurodec.experiments.JobOutputs;
import org.neurodec.ingest.OutputTarget;
import org.neurodec.experiments.JobResult;
import org.neurodec.experiments.JobRunner;
import org.neurodec.experiments.ModelTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neurodec run JOB.yaml}: a decoding job from files to predictions, metrics, figures and a report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a decoding job: read the data the job names (EEG files or globs through its preprocess",
            "section, or an HDF5 trial matrix; a BIDS root or EEG files per subject for the shared encoder), fit its model",
            "on each split of its protocol, and write into the output",
            "folder predictions.csv, metrics.json (values with 95 %% intervals, chance and p-values, and provenance),",
            "models/, figures/ and report.html. The job file is checked in full before anything runs; the folder is",
            "written atomically and never over the job's inputs. See examples/ for ready jobs."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private JobFileOptions job;

    @Option(names = "--no-progress", description = "log one line per step instead of drawing progress bars")
    private boolean noProgress;

    @Option(names = "--list-models", description = "list the model types a job can name, with their keys, and exit")
    private boolean listModels;

    @Override
    public Integer call() {
        if (listModels) {
            spec.commandLine().getOut().print(ModelTypes.describe());
            spec.commandLine().getOut().println("shared-encoder (retrieval and classes; data: a BIDS root or EEG files per"
                    + " subject)\n    the shared cross-subject encoder, protocol stimulus-split (or shuffle-split with classes);"
                    + " keys as for neurodec train");
            spec.commandLine().getOut().flush();
            return 0;
        }
        Job job = Job.read(this.job.file(), this.job.variables);
        Path folder = this.job.folder();
        PrintWriter err = spec.commandLine().getErr();
        try (OutputTarget target = this.job.output.claim("--out", folder, OutputTarget.Kind.folder("run"), job.declaredInputs(),
                err)) {
            return run(job, folder, err);
        }
    }

    private int run(Job job, Path folder, PrintWriter err) {
        if (job.model().text("type").equals("shared-encoder")) {
            Map<String, Map<String, Significance.Score>> scores = EncoderJob.run(job, folder, Provenance.command("run",
                    spec.commandLine().getParseResult().originalArgs()), EvaluationTable.progress(err));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(job.name());
            scores.forEach((subject, m) -> m.forEach((metric, s) -> stdout.printf(Locale.ROOT,
                    "  %-8s %-18s %.4f  95 %% [%.4f, %.4f]  chance %.4f  p %.4f%n", subject, metric, s.value(), s.low(), s.high(),
                    s.chance(), s.pValue())));
            stdout.println("report: " + folder.resolve("report.html"));
            stdout.flush();
            return 0;
        }
        JobResult result = JobRunner.run(job, EvaluationTable.progress(err), !noProgress && System.console() != null);
        JobOutputs.write(result, folder, Provenance.command("run", spec.commandLine().getParseResult().originalArgs()));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(job.name());
        for (Significance.Score s : result.scores()) {
            stdout.printf(Locale.ROOT, "  %-18s %.4f  95 %% [%.4f, %.4f]  chance %.4f  p %.4f%n", s.metric(), s.value(), s.low(),
                    s.high(), s.chance(), s.pValue());
        }
        java.util.Map<String, java.util.Map<String, Double>> groups = result.perGroup();
        if (!groups.isEmpty()) {
            stdout.println("  by " + (job.protocol().text("type").equals("leave-one-subject-out") ? "subject"
                    : job.protocol().text("group")) + " (each its own model):");
            groups.forEach((group, row) -> stdout.println("    " + String.format(Locale.ROOT, "%-12s", group) + " " + row(row)));
            stdout.println("    " + String.format(Locale.ROOT, "%-12s", "mean") + " " + row(JobResult.meanOverGroups(groups)));
        }
        stdout.println("report: " + folder.resolve("report.html"));
        stdout.flush();
        return 0;
    }

    private static String row(java.util.Map<String, Double> scores) {
        StringBuilder out = new StringBuilder();
        scores.forEach((metric, v) -> out.append(String.format(Locale.ROOT, "%s %s  ", metric, Double.isNaN(v) ? "–"
                : String.format(Locale.ROOT, "%.4f", v))));
        return out.toString().strip();
    }
}
