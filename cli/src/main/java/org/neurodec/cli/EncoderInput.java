package org.neurodec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neurodec.experiments.SharedEncoderWorkflow;
import org.neurodec.encoders.EncoderException;
import org.neurodec.encoders.Targets;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.sources.BidsTrialSource;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code train} and {@code adapt} share: where a subject's trials come from (a BIDS
 * dataset; fMRI runs through single-trial betas inside a mask, EEG cut into epochs around stimulus
 * events) and what the encoder learns from each trial's stimulus id (features, classes or both).
 */
final class EncoderInput {

    @Option(names = "--bids", required = true, paramLabel = "ROOT", description = "the BIDS dataset's root folder")
    Path root;

    @Option(names = "--modality", defaultValue = "fmri", paramLabel = "fmri|eeg",
            description = "which recordings to read (default: ${DEFAULT-VALUE})")
    String modality;

    @Option(names = "--mask", defaultValue = "derivatives/masks/sub-{subject}_mask.nii.gz", paramLabel = "PATTERN",
            description = "fMRI: each subject's mask image, relative to ROOT; {subject} is replaced by the subject's"
                    + " label (default: ${DEFAULT-VALUE})")
    String mask;

    @Option(names = "--betas", defaultValue = "lsa", paramLabel = "lsa|lss",
            description = "fMRI: single-trial estimates, least squares all or separate (default: ${DEFAULT-VALUE})")
    String betas;

    @Option(names = "--high-pass", defaultValue = "0.01", paramLabel = "HZ",
            description = "fMRI: cosine drift regressors below this frequency (default: ${DEFAULT-VALUE})")
    double highPass;

    @Option(names = "--window", defaultValue = "-0.1,0.6", split = ",", paramLabel = "TMIN,TMAX",
            description = "EEG: epoch from TMIN to TMAX seconds around each stimulus (default: ${DEFAULT-VALUE})")
    double[] window;

    @Option(names = "--no-baseline", description = "EEG: keep epochs as recorded (default: subtract the mean before 0 s)")
    boolean noBaseline;

    @Option(names = "--reject", paramLabel = "MICROVOLTS",
            description = "EEG: drop epochs whose EEG peak-to-peak amplitude exceeds this")
    Double reject;

    @Option(names = "--decimate", defaultValue = "1", paramLabel = "N",
            description = "EEG: keep every Nth sample of each epoch (default: ${DEFAULT-VALUE})")
    int decimate;

    @Option(names = "--features", paramLabel = "CSV",
            description = "stimulus features (stimulus_id,f0,f1,...): the contrastive and regression targets")
    Path features;

    @Option(names = "--classes", paramLabel = "TABLE",
            description = "stimulus classes: a .tsv or .csv with a stimulus_id column and the class column")
    Path classes;

    @Option(names = "--class-column", defaultValue = "class", paramLabel = "NAME",
            description = "the class column of --classes (default: ${DEFAULT-VALUE})")
    String classColumn;

    @Option(names = "--stimulus-classes",
            description = "each stimulus id is its own class (for example face and house events)")
    boolean stimulusClasses;

    /** The files and folders these options read: what an output must never overwrite. */
    List<Path> inputs() {
        List<Path> paths = new java.util.ArrayList<>(List.of(root));
        paths.addAll(targetFiles().keySet());
        return paths;
    }

    /** The chosen modality. */
    Modality modality() {
        return switch (modality.toLowerCase(java.util.Locale.ROOT)) {
            case "fmri" -> Modality.FMRI;
            case "eeg" -> Modality.EEG;
            default -> throw new ParameterException(new picocli.CommandLine(this), "--modality: expected fmri or eeg, found "
                    + modality);
        };
    }

    /** Checks the targets and that the dataset's folder exists. */
    void checkInputs() {
        checkTargets();
        source().open();
    }

    /** Checks, before any data is read, that targets are given and their files exist. */
    void checkTargets() {
        if (features == null && classes == null && !stimulusClasses) {
            throw new EncoderException("no targets: give --features, --classes or --stimulus-classes");
        }
        if (classes != null && stimulusClasses) {
            throw new EncoderException("--classes and --stimulus-classes: expected one of them, found both");
        }
        for (Path file : java.util.Arrays.asList(features, classes)) {
            if (file != null && !Files.isRegularFile(file)) {
                throw new EncoderException((file == features ? "--features " : "--classes ") + file
                        + ": expected a readable file, found none");
            }
        }
    }

    /**
     * The targets from {@code --features}, {@code --classes} and {@code --stimulus-classes};
     * {@code stimuli} are the stimulus ids of the trials (used by {@code --stimulus-classes}).
     */
    Targets targets(List<String> stimuli) {
        checkTargets();
        return SharedEncoderWorkflow.targets(features, classes, classColumn, stimulusClasses, stimuli);
    }

    private BidsTrialSource source;

    /** The BIDS source the options describe, made once (it scans the dataset's layout once). */
    BidsTrialSource source() {
        if (source == null) {
            source = new BidsTrialSource(root, modality(), mask, betas, highPass, window, !noBaseline, reject, decimate);
        }
        return source;
    }

    /** One subject's trials with its registry entry (mask and affine, or montage). */
    Map.Entry<TrialSet, Subject> load(String subject, Consumer<String> progress) {
        SubjectTrials read = source().load(subject, progress);
        return Map.entry(read.trials(), read.entry());
    }

    /** The target files read ({@code features}, {@code classes}), each with its role, for a model's provenance inputs. */
    Map<Path, String> targetFiles() {
        Map<Path, String> files = new LinkedHashMap<>();
        if (features != null) {
            files.put(features, "features");
        }
        if (classes != null) {
            files.put(classes, "classes");
        }
        return files;
    }

    /** How the trials were read, for a model's provenance (the files themselves are its inputs). */
    Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>(source().provenance());
        p.put("class_column", classes == null ? null : classColumn);
        p.put("stimulus_classes", stimulusClasses);
        return p;
    }
}
