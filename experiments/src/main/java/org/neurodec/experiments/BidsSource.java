package org.neurodec.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurodec.decoders.DecoderException;
import org.neurodec.decoders.stimuli.StimulusSets;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.encoders.Targets;
import org.neurodec.ingest.bids.BidsDataset;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.fmri.FmriPipeline;
import org.neurodec.preprocess.fmri.RunBetas;
import org.neurodec.subjects.BidsTrials;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;

/**
 * Subjects' trials from a BIDS dataset, as the shared encoder reads them: fMRI runs through LSA/LSS
 * single-trial betas inside each subject's mask ({@code mask} is a path pattern under the root in
 * which {@code {subject}} stands for the label), or EEG recordings cut into epochs around each
 * stimulus event; trials are labelled with stimulus ids (the stem of {@code stim_file}).
 *
 * @param root the dataset's root folder
 * @param modality fMRI or EEG
 * @param mask fMRI: the mask path pattern
 * @param betas fMRI: lsa or lss
 * @param highPass fMRI: cosine drift regressors below this frequency (Hz)
 * @param window EEG: epoch start and end (s)
 * @param baseline EEG: subtract the mean before 0 s
 * @param rejectMicrovolts EEG: drop epochs above this peak-to-peak amplitude (null: keep all)
 * @param decimate EEG: keep every nth sample
 */
public record BidsSource(Path root, Modality modality, String mask, String betas, double highPass, double[] window,
        boolean baseline, Double rejectMicrovolts, int decimate) {

    /** The default mask pattern, where {@code neurodec cohort} writes masks. */
    public static final String DEFAULT_MASK = "derivatives/masks/sub-{subject}_mask.nii.gz";

    /** fMRI with LSA betas and the default mask; EEG epochs −0.1…0.6 s with baseline. */
    public static BidsSource of(Path root, Modality modality) {
        return new BidsSource(root, modality, DEFAULT_MASK, "lsa", 0.01, new double[] {-0.1, 0.6}, true, null, 1);
    }

    /** The dataset, opened. */
    public BidsDataset open() {
        if (!Files.isDirectory(root)) {
            throw new DecoderException(root + ": expected a BIDS dataset folder, found " + (Files.exists(root) ? "a file"
                    : "nothing"));
        }
        return BidsDataset.open(root);
    }

    /** The subjects with recordings of the modality, in the dataset's order. */
    public List<String> subjects(BidsDataset dataset) {
        String datatype = modality == Modality.FMRI ? "func" : "eeg";
        List<String> found = dataset.subjects().stream()
                .filter(s -> dataset.recordings(s).stream().anyMatch(r -> r.datatype().equals(datatype))).toList();
        if (found.isEmpty()) {
            throw new DecoderException(root + ": expected subjects with " + datatype + " recordings, found none");
        }
        return found;
    }

    /** One subject's trials with its registry entry (mask and affine, or montage). */
    public Map.Entry<TrialSet, Subject> load(BidsDataset dataset, String subject) {
        if (modality == Modality.FMRI) {
            Path maskFile = root.resolve(mask.replace("{subject}", subject));
            if (!Files.isRegularFile(maskFile)) {
                throw new DecoderException("subject " + subject + ": mask: expected a mask image at " + maskFile + ", found none");
            }
            FmriPipeline pipeline = new FmriPipeline(maskFile, new RunBetas(betas, highPass, "zscore"), true, false);
            TrialSet trials = BidsTrials.fmri(dataset, subject, pipeline);
            return Map.entry(trials, BidsTrials.fmriSubject(trials, pipeline));
        }
        if (window.length != 2 || window[1] <= window[0]) {
            throw new DecoderException("window: expected TMIN,TMAX with TMIN < TMAX, found " + java.util.Arrays.toString(window));
        }
        EpochSpec spec = EpochSpec.of(window[0], window[1]);
        if (baseline && window[0] < 0) {
            spec = spec.withBaseline(window[0], 0);
        }
        if (rejectMicrovolts != null) {
            spec = spec.rejecting(ChannelType.EEG, rejectMicrovolts * 1e-6);
        }
        if (decimate > 1) {
            spec = spec.decimatedBy(decimate);
        }
        Map.Entry<TrialSet, List<String>> epochs = BidsTrials.eeg(dataset, subject, spec);
        return Map.entry(epochs.getKey(), Subject.of(epochs.getKey(), epochs.getValue()));
    }

    /** What is read and how, for provenance. */
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bids", root.toAbsolutePath().normalize().toString());
        p.put("modality", modality.name().toLowerCase(Locale.ROOT));
        if (modality == Modality.FMRI) {
            p.put("mask", mask);
            p.put("betas", betas);
            p.put("high_pass_hz", highPass);
        } else {
            p.put("window_s", List.of(window[0], window[1]));
            p.put("baseline", baseline && window[0] < 0);
            p.put("reject_uv", rejectMicrovolts);
            p.put("decimate", decimate);
        }
        return p;
    }

    /**
     * Targets from a features file (CSV, HDF5 or .npy, see {@link StimulusSets#read}) and a class table
     * (either may be null), or each stimulus id as its own class ({@code stimulusClasses}, from the trials' {@code stimuli}).
     */
    public static Targets targets(Path features, Path classes, String classColumn, boolean stimulusClasses,
            List<String> stimuli) {
        return targets(features == null ? null : StimulusSets.read(features), classes, classColumn, stimulusClasses, stimuli);
    }

    /** The same with the features already read (or computed), or null. */
    public static Targets targets(StimulusFeatures features, Path classes, String classColumn, boolean stimulusClasses,
            List<String> stimuli) {
        if (features == null && classes == null && !stimulusClasses) {
            throw new DecoderException("no targets: give stimulus features, a class table or stimulus classes");
        }
        Targets targets = features == null ? null : Targets.of(features);
        Map<String, String> classOf = new LinkedHashMap<>();
        if (classes != null) {
            classOf.putAll(Targets.readClassTable(classes, classColumn));
        } else if (stimulusClasses) {
            stimuli.forEach(s -> classOf.put(s, s));
        }
        if (classOf.isEmpty()) {
            return targets;
        }
        return targets == null ? Targets.classes(classOf) : targets.withClasses(classOf);
    }
}
