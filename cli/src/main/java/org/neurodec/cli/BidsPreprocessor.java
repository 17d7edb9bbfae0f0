package org.neurodec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.neurodec.Provenance;
import org.neurodec.experiments.YamlTree;
import org.neurodec.ingest.bids.BidsRecording;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.preprocess.fmri.BetasFile;
import org.neurodec.preprocess.fmri.FmriPipeline;
import org.neurodec.preprocess.fmri.TrialBetas;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.preprocess.pipeline.PreprocessedFile;

/**
 * One BIDS recording through the {@code preprocess} section of a config file: an EEG recording
 * through the EEG pipeline (its epochs around the recording's {@code events.tsv} when it has one and
 * the epochs name no other event source), a functional run with an {@code events.tsv} through the
 * fMRI pipeline; the output an HDF5 file at the recording's place in the output folder. Used by
 * {@code neurodec preprocess BIDS_ROOT} for every recording in turn and by the Spark path for one
 * recording per task, so both write the same bytes. The pipelines are built once, on first use.
 */
public final class BidsPreprocessor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path config;
    private final List<String> arguments;
    private final String session;
    private Pipeline eegPipeline;
    private boolean epochsNameEvents;
    private FmriPipeline fmriPipeline;

    /**
     * @param config the YAML file with the {@code preprocess} section
     * @param arguments the command line, as the fMRI outputs' provenance records it
     * @param session the session label of fMRI betas when the recording's name has none
     */
    public BidsPreprocessor(Path config, List<String> arguments, String session) {
        this.config = config;
        this.arguments = List.copyOf(arguments);
        this.session = session;
    }

    /** The output's path inside the output folder: the recording's folder, its name with {@code _preproc.h5}. */
    public static String target(String relativeRecording) {
        return relativeRecording.replaceFirst("\\.(nii\\.gz|nii|edf|bdf|vhdr|set|fif)$", "") + "_preproc.h5";
    }

    /**
     * Preprocesses {@code recording} into {@code target} (atomically). {@code origin} names inputs read
     * from a local copy of a remote dataset by where they came from ({@link Provenance#relocated}; the
     * identity for a local dataset).
     *
     * @return null when the file was written, else why the recording was skipped (no events, no epochs left)
     */
    public String process(BidsRecording recording, Path target, UnaryOperator<Provenance> origin) {
        if (recording.datatype().equals("eeg")) {
            EegRecording eeg = EegRecording.open(recording.data());
            Pipeline.Result result;
            boolean byEventsTsv = usesEventsTsv(recording);
            if (byEventsTsv) {
                Events events = recording.events();
                result = eegPipeline().run(eeg, events, eegPipeline().epochStep().get().conditionsFor(events));
            } else {
                result = eegPipeline().run(eeg);
            }
            String empty = PreprocessedFile.nothingToWrite(result);
            if (empty != null) {
                return empty;
            }
            Provenance provenance = result.provenance();
            if (byEventsTsv) {
                provenance = provenance.withInput("events", recording.eventsFile().get());
            }
            provenance = provenance.withInput("config", config);
            PreprocessedFile.write(new Pipeline.Result(result.input(), result.continuous(), result.epochs(),
                    origin.apply(provenance)), target);
            return null;
        }
        if (recording.eventsFile().isEmpty()) {
            return "no events.tsv";
        }
        if (fmriPipeline == null) {
            fmriPipeline = FmriPipeline.fromSection(config, YamlTree.section(config, "preprocess"));
        }
        TrialBetas result = fmriPipeline.run(NiftiImage.open(recording.data()), recording.events(), recording.repetitionTime(),
                recording.session().orElse(session));
        Provenance provenance = org.neurodec.Provenance.of("neurodec preprocess").withArguments(arguments)
                .withInput("bold", recording.data()).withInput("events", recording.eventsFile().get()).withInput("config", config)
                .with("fmri", fmriPipeline.parameters());
        BetasFile.write(result, fmriPipeline.voxels(), origin.apply(provenance).toMap(), target);
        return null;
    }

    /**
     * Whether {@code target} is this recording's finished output from the same inputs: its provenance
     * names the inputs {@link #process} reads, by role, with the SHA-256 they have now (resume).
     */
    public boolean current(BidsRecording recording, Path target) {
        if (!Files.isRegularFile(target)) {
            return false;
        }
        List<Path> expected = new ArrayList<>();
        expected.add(recording.data());
        if (recording.datatype().equals("eeg") ? usesEventsTsv(recording) : recording.eventsFile().isPresent()) {
            expected.add(recording.eventsFile().get());
        }
        expected.add(config);
        try (Hdf5File h5 = Hdf5File.open(target)) {
            Object text = h5.attributes("/").get("provenance");
            JsonNode inputs = JSON.readTree(String.valueOf(text)).path("inputs");
            if (inputs.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!Provenance.InputFile.of("input", expected.get(i)).sha256().equals(inputs.get(i).path("sha256").asText())) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;   // unreadable or not ours: done again
        }
    }

    /** Whether the EEG epochs are cut around the recording's events.tsv (it has one; the epochs name no other source). */
    private boolean usesEventsTsv(BidsRecording recording) {
        return recording.eventsFile().isPresent() && eegPipeline().epochStep().isPresent() && !epochsNameEvents;
    }

    private Pipeline eegPipeline() {
        if (eegPipeline == null) {
            JsonNode section = YamlTree.section(config, "preprocess");
            eegPipeline = Pipeline.fromSection(config, section);
            epochsNameEvents = section.path("epochs").has("events");
        }
        return eegPipeline;
    }
}
