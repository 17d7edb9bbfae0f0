package org.neurodec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.OptionalDouble;
import org.neurodec.experiments.YamlTree;
import org.neurodec.ingest.AtomicFolder;
import org.neurodec.ingest.FileFormats;
import org.neurodec.ingest.OutputTarget;
import org.neurodec.ingest.bids.BidsDataset;
import org.neurodec.ingest.bids.BidsRecording;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.preprocess.fmri.BetasFile;
import org.neurodec.preprocess.fmri.FmriPipeline;
import org.neurodec.preprocess.fmri.RunBetas;
import org.neurodec.preprocess.fmri.TrialBetas;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.pipeline.EpochStep;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.preprocess.pipeline.PreprocessedFile;
import org.neurodec.preprocess.pipeline.Steps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec preprocess INPUT --out OUT.h5}: an EEG preprocessing pipeline from YAML or from flags. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = {"EEG: filter, re-reference, resample and epoch a recording. fMRI (a NIfTI run): mask it and",
            "estimate single-trial betas (LSA or LSS) from its events.tsv. Output is HDF5 that h5py reads.",
            "EEG steps come from --config (the 'preprocess' section of a YAML file) or from the flags, in",
            "the order filter, notch, resample, reref, epochs. Parameters are checked before any work starts.",
            "A BIDS dataset's recordings run as Apache Spark tasks with --master local[N] | spark://HOST:PORT | yarn",
            "(resumable, Hadoop URIs accepted; see neurodec preprocess --master local --help)."})
final class PreprocessCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "an EEG recording, a NIfTI run, or a BIDS dataset folder (then --out is a folder)")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "OUT.h5", description = "the HDF5 file to write")
    private Path out;

    @Option(names = "--config", paramLabel = "STEPS.yaml", description = "a YAML file with a 'preprocess' section")
    private Path config;

    @Option(names = "--l-freq", paramLabel = "HZ", description = "high-pass edge (or band-pass low edge)")
    private Double lFreq;

    @Option(names = "--h-freq", paramLabel = "HZ", description = "low-pass edge (or band-pass high edge)")
    private Double hFreq;

    @Option(names = "--method", defaultValue = "fir",
            description = "fir (MNE's defaults) or iir (Butterworth of order 4; IIR notches of quality 30)")
    private String method;

    @Option(names = "--notch", split = ",", paramLabel = "HZ", description = "notch frequencies, e.g. 50,100")
    private List<Double> notch;

    @Option(names = "--resample", paramLabel = "HZ", description = "new sampling rate")
    private Double resample;

    @Option(names = "--reref", paramLabel = "average", description = "re-reference to the average of the EEG channels")
    private String reref;

    @Option(names = "--epochs", split = ",", paramLabel = "TMIN,TMAX", description = "cut epochs from TMIN to TMAX s")
    private List<Double> epochs;

    @Option(names = "--baseline", split = ",", paramLabel = "FROM,TO", description = "baseline interval for the epochs (s)")
    private List<Double> baseline;

    @Option(names = "--reject", paramLabel = "VOLTS", description = "drop epochs whose EEG peak-to-peak exceeds this")
    private Double reject;

    @Option(names = "--events", defaultValue = "annotations", paramLabel = "SOURCE",
            description = "EEG epochs: annotations (default), stim:CHANNEL, or eve (the MNE events file beside a FIF recording)")
    private String events;

    @Option(names = "--event-id", split = ",", paramLabel = "TYPE=NAME", description = "keep these event types, renamed")
    private Map<String, String> eventId;

    @Option(names = "--sfreq", paramLabel = "HZ", description = "EEG: the sampling rate of a CSV export (else estimated"
            + " from its timestamps)")
    private Double sfreq;

    @Option(names = "--mask", paramLabel = "MASK.nii", description = "fMRI: the voxels to keep (non-zero voxels)")
    private Path mask;

    @Option(names = "--events-tsv", paramLabel = "EVENTS.tsv", description = "fMRI: the run's BIDS events (one trial each)")
    private Path eventsTsv;

    @Option(names = "--tr", paramLabel = "S", description = "fMRI: repetition time, when the header lacks it")
    private Double tr;

    @Option(names = "--betas", defaultValue = "lsa", description = "fMRI: lsa (one GLM) or lss (a GLM per trial)")
    private String betas;

    @Option(names = "--high-pass", defaultValue = "0.01", paramLabel = "HZ", description = "fMRI: cosine drift cutoff")
    private double highPass;

    @Option(names = "--standardize", defaultValue = "zscore", description = "fMRI: zscore, psc or none, before the fit")
    private String standardize;

    @Option(names = "--session", defaultValue = "1", description = "fMRI: session label of the betas")
    private String session;

    @Option(names = "--zscore-betas", description = "fMRI: z-score the betas within the session")
    private boolean zscoreBetas;

    @Option(names = "--average-repetitions", description = "fMRI: average the betas of repeated stimuli")
    private boolean averageRepetitions;

    @Mixin
    private OutputOptions output;

    /** Taken by the Spark jar's preprocess command (a BIDS dataset's recordings as tasks); here only to say so. */
    @Option(names = "--master", hidden = true)
    private String master;

    /** An HDF5 file that neurodec's preprocess wrote: it has a root {@code provenance} attribute. */
    static boolean isPreprocessedFile(Path file) {
        try (Hdf5File h5 = Hdf5File.open(file)) {
            return h5.attributes("/").containsKey("provenance");
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Integer call() {
        if (master != null) {
            throw DistributedTransfer.noSpark();
        }
        if (sfreq != null && !(sfreq > 0 && sfreq < 1e6)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sfreq: expected a rate in Hz above 0, found "
                    + sfreq);
        }
        boolean folder = Files.isDirectory(input);
        OutputTarget.Kind kind = folder ? OutputTarget.Kind.folder("preprocess")
                : OutputTarget.Kind.file("preprocess", PreprocessCommand::isPreprocessedFile);
        List<Path> inputs = new ArrayList<>(OutputTarget.withCompanions(input));
        for (Path p : new Path[] {config, mask, eventsTsv}) {
            if (p != null) {
                inputs.add(p);
            }
        }
        try (OutputTarget target = output.claim("--out", out, kind, inputs, spec.commandLine().getErr())) {
            return folder ? bids() : one();
        }
    }

    private Integer one() {
        if (FileFormats.detect(input).name().equals("nifti")) {
            return fmri();
        }
        boolean flags = lFreq != null || hFreq != null || notch != null || resample != null || reref != null
                || epochs != null;
        if (config != null && flags) {
            throw new PreprocessException("give the steps either with --config or with flags, not both");
        }
        Pipeline pipeline = config != null ? Pipeline.fromSection(config, YamlTree.section(config, "preprocess")) : fromFlags();
        EegRecording recording = EegRecording.open(input, sfreq == null ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(sfreq));
        Pipeline.Result result = pipeline.run(recording);
        PreprocessedFile.write(result, out);
        spec.commandLine().getOut().printf("wrote %s: %s%n", out, result.epochs() != null
                ? result.epochs().size() + " epochs x " + result.epochs().channels() + " channels x "
                        + result.epochs().times() + " samples (" + result.epochs().dropped().size() + " dropped)"
                : result.continuous().channels() + " channels x " + result.continuous().times() + " samples at "
                        + result.continuous().sfreq() + " Hz");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * A BIDS dataset: every EEG recording through the EEG pipeline (its epochs around the
     * recording's events.tsv when it has one and the epochs name no other event source), every
     * functional run with an events.tsv through the fMRI pipeline (both from --config), one output per
     * recording in the --out folder, mirroring the dataset's layout.
     */
    private Integer bids() {
        if (config == null) {
            throw new PreprocessException(input + " is a folder: a BIDS dataset needs --config with the preprocess steps");
        }
        BidsDataset dataset = BidsDataset.open(input);
        if (dataset.recordings().isEmpty()) {
            throw new PreprocessException(input + ": no sub-*/[ses-*/]{func,eeg}/ recordings found");
        }
        int[] written = new int[1];
        AtomicFolder.write(out, "preprocess", temporary -> written[0] = bids(dataset, temporary));
        spec.commandLine().getOut().printf("%d of %d recordings preprocessed into %s%n", written[0], dataset.recordings().size(),
                out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int bids(BidsDataset dataset, Path out) {
        BidsPreprocessor preprocessor = new BidsPreprocessor(config, spec.commandLine().getParseResult().originalArgs(), session);
        int written = 0;
        for (BidsRecording recording : dataset.recordings()) {
            String relative = BidsPreprocessor.target(input.relativize(recording.data()).toString());
            String skipped = preprocessor.process(recording, out.resolve(relative), java.util.function.UnaryOperator.identity());
            if (skipped != null) {
                spec.commandLine().getOut().printf("skipped %s: %s%n", recording.data(), skipped);
                continue;
            }
            written++;
            spec.commandLine().getOut().printf("wrote %s%n", this.out.resolve(relative));
        }
        return written;
    }

    private Integer fmri() {
        if (eventsTsv == null) {
            throw new PreprocessException("an fMRI run needs --events-tsv (and --mask, or --config with preprocess.fmri)");
        }
        FmriPipeline pipeline;
        if (config != null) {
            if (mask != null) {
                throw new PreprocessException("give the fMRI steps either with --config or with flags, not both");
            }
            pipeline = FmriPipeline.fromSection(config, YamlTree.section(config, "preprocess"));
        } else {
            if (mask == null) {
                throw new PreprocessException("an fMRI run needs --mask and --events-tsv (or --config with preprocess.fmri)");
            }
            pipeline = new FmriPipeline(mask, new RunBetas(betas, highPass, standardize), zscoreBetas, averageRepetitions);
        }
        TrialBetas result = pipeline.run(NiftiImage.open(input), Events.readTsv(eventsTsv),
                tr == null ? OptionalDouble.empty() : OptionalDouble.of(tr), session);
        BetasFile.write(result, pipeline.voxels(), Provenance.command("preprocess", spec.commandLine().getParseResult()
                .originalArgs()).withInput("bold", input).withInput("events", eventsTsv).with("fmri", pipeline.parameters()).toMap(),
                out);
        spec.commandLine().getOut().printf("wrote %s: %d trials x %d voxels (%s)%n", out, result.trials(), result.voxels(),
                pipeline.estimator().method());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Pipeline fromFlags() {
        Pipeline pipeline = Pipeline.empty();
        if (lFreq != null || hFreq != null) {
            pipeline = pipeline.then(new Steps.Filter(lFreq, hFreq, method, 4));
        }
        if (notch != null) {
            pipeline = pipeline.then(new Steps.Notch(notch, method, 30));
        }
        if (resample != null) {
            pipeline = pipeline.then(new Steps.Resample(resample));
        }
        if (reref != null) {
            if (!reref.equals("average")) {
                throw PreprocessException.badParameter("--reref", "average", reref);
            }
            pipeline = pipeline.then(new Steps.AverageReference(List.of()));
        }
        if (epochs != null) {
            if (epochs.size() != 2) {
                throw PreprocessException.badParameter("--epochs", "TMIN,TMAX", epochs);
            }
            EpochSpec epochSpec = EpochSpec.of(epochs.get(0), epochs.get(1));
            if (baseline != null) {
                if (baseline.size() != 2) {
                    throw PreprocessException.badParameter("--baseline", "FROM,TO", baseline);
                }
                epochSpec = epochSpec.withBaseline(baseline.get(0), baseline.get(1));
            }
            if (reject != null) {
                epochSpec = epochSpec.rejecting(org.neurodec.ingest.eeg.ChannelType.EEG, reject);
            }
            pipeline = pipeline.epochs(new EpochStep(epochSpec, events,
                    eventId == null ? Map.of() : new LinkedHashMap<>(eventId)));
        } else if (baseline != null || reject != null || eventId != null) {
            throw new PreprocessException("--baseline, --reject and --event-id need --epochs");
        }
        if (pipeline.steps().isEmpty() && epochs == null) {
            throw new PreprocessException("no steps: give --config or at least one of --l-freq, --h-freq, --notch, "
                    + "--resample, --reref, --epochs");
        }
        return pipeline;
    }

}
