package org.neurodec.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.pipeline.EpochStep;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.preprocess.pipeline.PreprocessedFile;
import org.neurodec.preprocess.pipeline.Steps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec preprocess INPUT --out OUT.h5}: an EEG preprocessing pipeline from YAML or from flags. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = {"Filter, re-reference, resample and epoch an EEG recording; write HDF5 (h5py reads it).",
            "Steps come from --config (the 'preprocess' section of a YAML file) or from the flags, in the",
            "order filter, notch, resample, reref, epochs. Parameters are checked before any work starts."})
final class PreprocessCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "an EEG recording in any supported format")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "OUT.h5", description = "the HDF5 file to write")
    private Path out;

    @Option(names = "--config", paramLabel = "STEPS.yaml", description = "a YAML file with a 'preprocess' section")
    private Path config;

    @Option(names = "--l-freq", paramLabel = "HZ", description = "high-pass edge (or band-pass low edge)")
    private Double lFreq;

    @Option(names = "--h-freq", paramLabel = "HZ", description = "low-pass edge (or band-pass high edge)")
    private Double hFreq;

    @Option(names = "--method", defaultValue = "fir", description = "fir (MNE's defaults) or iir (Butterworth, order 4)")
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
            description = "annotations (default) or stim:CHANNEL")
    private String events;

    @Option(names = "--event-id", split = ",", paramLabel = "TYPE=NAME", description = "keep these event types, renamed")
    private Map<String, String> eventId;

    @Override
    public Integer call() {
        boolean flags = lFreq != null || hFreq != null || notch != null || resample != null || reref != null
                || epochs != null;
        if (config != null && flags) {
            throw new PreprocessException("give the steps either with --config or with flags, not both");
        }
        Pipeline pipeline = config != null ? Pipeline.fromYaml(config) : fromFlags();
        EegRecording recording = EegRecording.open(input);
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

    private Pipeline fromFlags() {
        Pipeline pipeline = Pipeline.empty();
        if (lFreq != null || hFreq != null) {
            pipeline = pipeline.then(new Steps.Filter(lFreq, hFreq, method, 4));
        }
        if (notch != null) {
            pipeline = pipeline.then(new Steps.Notch(notch, 30));
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
