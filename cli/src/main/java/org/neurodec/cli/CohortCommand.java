package org.neurodec.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurodec.cohort.BlockStudy;
import org.neurodec.cohort.Cohort;
import org.neurodec.cohort.CohortSpec;
import org.neurodec.ingest.AtomicFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import java.util.List;
import org.neurodec.ingest.OutputTarget;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec cohort OUT}: the seeded synthetic cohort, written as a BIDS dataset. */
@Command(name = "cohort", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a synthetic cohort with known truth: subjects who saw the same images (PNG) and words,",
            "each with an fMRI session (NIfTI runs, events.tsv, a voxel mask) and an EEG session (EDF) of their own",
            "size, montage and response mapping. stimuli/features.csv holds the stimulus features and",
            "stimuli/stimuli.tsv each stimulus's class; cohort.json records the spec and what was drawn."})
final class CohortCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "the folder to create (a new path, or an earlier cohort with --overwrite)")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", description = "seed of everything drawn (default: the default cohort's)")
    private Long seed;

    @Option(names = "--subjects", paramLabel = "N", description = "how many subjects (default: 5)")
    private Integer subjects;

    @Option(names = "--inconsistent", paramLabel = "N",
            description = "make subject N (1-based) respond through a code of its own, unlike the others")
    private Integer inconsistent;

    @Option(names = "--images", paramLabel = "N", description = "how many images (default: 100)")
    private Integer images;

    @Option(names = "--snr", split = ",", paramLabel = "FMRI,EEG", description = "signal-to-noise ratios (default: 2,1)")
    private double[] snr;

    @Option(names = "--block-study", description = "instead, a block-design fMRI study laid out as nilearn's Haxby data:"
            + " bold.nii.gz (6 runs), mask.nii.gz and labels.txt (labels chunks; 4 categories and rest), for"
            + " examples/fmri-volumes.yaml, and the same study as a BIDS dataset in bids/ (a run file and events.tsv"
            + " per run), for examples/fmri-volumes-bids.yaml")
    private boolean blockStudy;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        try (OutputTarget target = output.claim("OUT", out, OutputTarget.Kind.folder("cohort"), List.of(),
                spec.commandLine().getErr())) {
            return generate();
        }
    }

    private int generate() {
        if (blockStudy) {
            long chosen = seed == null ? 7 : seed;
            AtomicFolder.write(out, "cohort", temporary -> BlockStudy.write(temporary, chosen, BlockStudy.SIGNAL,
                    BlockStudy.DEFAULT, true));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("block study (%d runs of %d volumes, categories %s) written to %s%n", BlockStudy.RUNS,
                    BlockStudy.volumesPerRun(), String.join(", ", BlockStudy.CATEGORIES), out);
            stdout.flush();
            return 0;
        }
        CohortSpec c;
        try {
            c = cohortSpec();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Cohort[] cohort = new Cohort[1];
        final CohortSpec chosen = c;
        AtomicFolder.write(out, "cohort", temporary -> cohort[0] = Cohort.generate(chosen, temporary));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%d subjects, %d stimuli written to %s%n", cohort[0].subjects().size(), cohort[0].stimuli().size(), out);
        stdout.flush();
        return 0;
    }

    /** The default cohort with the options given. */
    private CohortSpec cohortSpec() {
        CohortSpec c = CohortSpec.defaults();
        if (seed != null) {
            c = c.withSeed(seed);
        }
        c = c.withSubjects(subjects == null ? c.subjects() : subjects, inconsistent == null ? -1 : inconsistent - 1);
        if (images != null) {
            c = c.withStimuli(images, c.wordCategories(), c.wordsPerCategory());
        }
        if (snr != null) {
            if (snr.length != 2) {
                throw new IllegalArgumentException("--snr: expected FMRI,EEG, found " + snr.length + " numbers");
            }
            c = c.withSnr(snr[0], snr[1]);
        }
        return c;
    }
}
