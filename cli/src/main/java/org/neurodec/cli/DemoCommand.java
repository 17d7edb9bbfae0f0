package org.neurodec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.neurodec.cohort.Cohort;
import org.neurodec.cohort.CohortSpec;
import org.neurodec.decoders.stats.Significance;
import org.neurodec.experiments.Job;
import org.neurodec.experiments.JobOutputs;
import org.neurodec.experiments.JobResult;
import org.neurodec.experiments.JobRunner;
import org.neurodec.experiments.TransferJob;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.ingest.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neurodec demo}: the whole pipeline from files, in about a minute on two cores. It writes
 * the synthetic cohort, runs {@code examples/synthetic-transfer.yaml} on it (fMRI runs read from
 * NIfTI, LSA single-trial betas, the shared encoder trained on four subjects, the fifth decoded from
 * 10–100 calibration trials against a subject-only decoder), then the two real-data examples (motor
 * imagery with CSP + LDA, digits69 reconstruction), and prints a summary and where the reports are.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on a fresh synthetic cohort and on the example data, in about a minute:",
            "write the cohort (BIDS: NIfTI runs, events, EDF, PNG images, words), estimate single-trial betas, train the",
            "shared encoder on 4 subjects, decode the 5th from few calibration trials (images and words, against a",
            "subject-only decoder), then decode motor imagery (CSP + LDA) and reconstruct digits69 images.",
            "Prints a summary table and where each report.html is."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "the example data folder (default: $NEURODEC_DATA or ../shared/data)")
    private Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "neurodec-demo-output",
            description = "where the outputs go (default: ${DEFAULT-VALUE})")
    private Path out;

    /** The demo's folders; a folder holding only these is an earlier demo output, marked or not. */
    private static final java.util.Set<String> PARTS = java.util.Set.of("cohort", "synthetic-transfer", "motor-imagery",
            "digits69-reconstruction", OutputTarget.MARKER);

    /** The demo's folder kind: replaced on every run, as it only ever holds the demo's own outputs. */
    private static final OutputTarget.Kind KIND = new OutputTarget.Kind("demo", true, p -> "demo".equals(OutputTarget.markerOf(p))
            || isEarlierDemo(p));

    @Override
    public Integer call() throws java.io.IOException {
        Path root = DataRoot.find(data);
        Path examples = DataRoot.examples();
        try (OutputTarget target = OutputTarget.claim("--out", out, KIND, true, List.of(root, examples))) {
            java.nio.file.Files.createDirectories(out);
            for (String part : PARTS) {
                // an earlier version wrote these without markers: they are the demo's own, replaced on every run
                Path earlier = out.resolve(part);
                if (!part.equals(OutputTarget.MARKER) && java.nio.file.Files.isDirectory(earlier)
                        && OutputTarget.markerOf(earlier) == null) {
                    AtomicFolder.delete(earlier);
                }
            }
            java.nio.file.Files.writeString(out.resolve(OutputTarget.MARKER), OutputTarget.markerText("demo"));
            return demo(root, examples);
        }
    }

    private static boolean isEarlierDemo(Path folder) {
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(folder)) {
            return entries.allMatch(p -> PARTS.contains(p.getFileName().toString()));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private int demo(Path root, Path examples) {
        PrintWriter o = spec.commandLine().getOut();
        Consumer<String> quiet = line -> { };
        long start = System.nanoTime();

        Path cohortFolder = out.resolve("cohort");
        Cohort[] cohort = new Cohort[1];
        AtomicFolder.write(cohortFolder, "cohort", folder -> cohort[0] = Cohort.generate(CohortSpec.defaults(), folder));
        o.printf(Locale.ROOT, "1. synthetic cohort: %d subjects saw %d stimuli (100 images, 60 words); each has its own voxels,"
                + " montage and response mapping -> %s%n", cohort[0].subjects().size(), cohort[0].stimuli().size(), cohortFolder);
        o.flush();

        Path transferOut = out.resolve("synthetic-transfer");
        TransferJob.Result transfer = TransferJob.run(examples.resolve("synthetic-transfer.yaml"),
                Map.of("cohort", cohortFolder.toAbsolutePath().toString()), quiet);
        TransferJob.write(transfer, transferOut, org.neurodec.Provenance.of("neurodec demo"));
        o.printf(Locale.ROOT, "2. fMRI runs -> LSA single-trial betas -> shared encoder on subjects 01-04 (best validation top-1"
                + " %.3f) -> subject 05 from few trials:%n", transfer.training().validation().get(transfer.training().bestEpoch()));
        indented(o, w -> TransferCommand.print(transfer, w));
        o.println("   report: " + transferOut.resolve("report.html"));
        o.flush();

        int step = 3;
        for (String name : List.of("motor-imagery", "digits69-reconstruction")) {
            Job job = Job.read(examples.resolve(name + ".yaml"), Map.of("data", root.toString()));
            JobResult result = JobRunner.run(job, quiet, false);
            Path folder = out.resolve(name);
            JobOutputs.write(result, folder, org.neurodec.Provenance.of("neurodec demo"));
            o.printf(Locale.ROOT, "%d. %s:%n", step++, job.name());
            for (Significance.Score s : result.scores()) {
                o.printf(Locale.ROOT, "   %-18s %.4f  95 %% [%.4f, %.4f]  chance %.4f  p %.4f%n", s.metric(), s.value(), s.low(),
                        s.high(), s.chance(), s.pValue());
            }
            o.println("   report: " + folder.resolve("report.html"));
            o.flush();
        }
        o.printf(Locale.ROOT, "%nDone in %.0f s. Run your own: ./neurodec run JOB.yaml, ./neurodec transfer JOB.yaml (see"
                + " examples/), ./neurodec train / adapt, ./neurodec inspect FILE, ./neurodec preprocess.%n",
                (System.nanoTime() - start) / 1e9);
        o.flush();
        return 0;
    }

    /** Prints what {@code printer} writes, each line indented by three spaces. */
    private static void indented(PrintWriter out, Consumer<PrintWriter> printer) {
        java.io.StringWriter text = new java.io.StringWriter();
        printer.accept(new PrintWriter(text));
        text.toString().lines().forEach(line -> out.println("   " + line));
    }
}
