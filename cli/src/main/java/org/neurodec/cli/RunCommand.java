package org.neurodec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurodec.decoders.Significance;
import org.neurodec.decoders.jobs.Job;
import org.neurodec.decoders.jobs.JobOutputs;
import org.neurodec.decoders.jobs.JobResult;
import org.neurodec.decoders.jobs.JobRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec run JOB.yaml}: a decoding job from files to predictions, metrics, figures and a report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a decoding job: read the data the job names (EEG files or globs through its preprocess",
            "section, or an HDF5 trial matrix), fit its model on each split of its protocol, and write into the output",
            "folder predictions.csv, metrics.json (values with 95 % intervals, chance and p-values, and provenance),",
            "models/, figures/ and report.html. The job file is checked in full before anything runs; the folder is",
            "written atomically and never over the job's inputs. See examples/ for ready jobs."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB.yaml", description = "the job file")
    private Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "the output folder (default: neurodec-output/<job file name> in the working directory)")
    private Path out;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "set the job's variable NAME (used as ${NAME} in the job), for example --set data=../shared/data")
    private Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--no-progress", description = "log one line per step instead of drawing progress bars")
    private boolean noProgress;

    @Override
    public Integer call() {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new org.neurodec.decoders.DecoderException(file + ": expected a job file, found none");
        }
        Job job = Job.read(file, variables);
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path folder = out != null ? out : Path.of("neurodec-output", stem);
        JobOutputs.checkTarget(folder, job, java.util.List.of());
        PrintWriter err = spec.commandLine().getErr();
        JobResult result = JobRunner.run(job, EvaluationTable.progress(err), !noProgress && System.console() != null);
        Map<String, Object> command = Provenance.command("run", spec.commandLine().getParseResult().originalArgs()
                .toArray(String[]::new));
        JobOutputs.write(result, folder, command);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(job.name());
        for (Significance.Score s : result.scores()) {
            stdout.printf(Locale.ROOT, "  %-18s %.4f  95 %% [%.4f, %.4f]  chance %.4f  p %.4f%n", s.metric(), s.value(), s.low(),
                    s.high(), s.chance(), s.pValue());
        }
        stdout.println("report: " + folder.resolve("report.html"));
        stdout.flush();
        return 0;
    }
}
