package org.neurodec.experiments;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.neurodec.encoders.Targets;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.TrialSource;

/**
 * The {@code data} section of a job that trains the shared encoder: its trials from a BIDS root or
 * each subject's EEG files (read by {@link TrialSources}); and the
 * optional {@code eeg_features} ({@code type: ssvep}: the EEG epochs turned into SSVEP canonical-correlation
 * features with {@code frequencies}, {@code harmonics}, {@code subbands}, {@code step}, {@code upper},
 * {@code correlations}, each standardised per subject over all its trials ({@code standardise: subject}), over a new
 * subject's calibration trials alone in transfer jobs ({@code calibration}; all its trials at k = 0), or not ({@code none});
 * {@code type: tangent-space}: the re-centred, standardised tangent vectors of each epoch's covariance in
 * {@code band} Hz over {@code window} s on {@code channels} (all when not given)); and the
 * targets: {@code features} (CSV, HDF5 or .npy; or, when none are given, low-level features
 * computed from the PNG/JPEG images of the {@code images} folder: grey levels downsampled to
 * {@code image_pixels}, then {@code image_components} principal components), {@code classes} with
 * {@code class_column}, or {@code stimulus_classes}; {@code groups} names a column of the class
 * table to score retrieval within.
 */
final class EncoderData {

    static final Set<String> KEYS;

    static {
        Set<String> keys = new java.util.HashSet<>(TrialSources.KEYS);
        keys.addAll(Set.of("features", "images", "image_pixels", "image_components", "classes", "class_column",
                "stimulus_classes", "groups", "eeg_features"));
        KEYS = Set.copyOf(keys);
    }

    private final Job.Section job;
    private final Job.Section data;
    final TrialSource source;
    private List<String> subjects;
    /** SSVEP or tangent-space features computed from EEG epochs (at most one), or neither to give the encoder the epochs. */
    private final org.neurodec.decoders.ssvep.SsvepFeatures ssvepFeatures;
    private final org.neurodec.decoders.riemann.TangentFeatures tangentFeatures;
    private final boolean standardise;
    /** Whether a new subject's features are standardised by its calibration trials alone (transfer jobs). */
    private final boolean onCalibration;
    /** Each subject's SSVEP features before standardisation, kept when {@link #onCalibration}. */
    private final Map<String, TrialSet> unstandardised = new LinkedHashMap<>();
    final Path features;
    private final Path images;
    final Path classes;
    private final Map<Path, String> inputs = new LinkedHashMap<>();
    private final Map<String, Double> secondsPerTrial = new LinkedHashMap<>();
    /** Each loaded subject's EEG epochs as read, before any feature transform (EEG sources only). */
    private final Map<String, SubjectTrials> epochs = new LinkedHashMap<>();

    /** Checks the section's keys and values; reads nothing yet but the dataset's layout. */
    EncoderData(Job.Section job) {
        this.job = job;
        data = job.section("data");
        data.only(KEYS);
        source = TrialSources.of(job, EnumSet.of(TrialSources.Kind.BIDS, TrialSources.Kind.EEG, TrialSources.Kind.PREPROCESSED));
        features = data.has("features") ? data.path("features", true) : null;
        images = data.has("images") ? data.path("images", true) : null;
        if (features != null && images != null) {
            throw data.error("images", "no image folder when 'features' are given (features are computed from images only when"
                    + " none are)", images);
        }
        classes = data.has("classes") ? data.path("classes", true) : null;
        if (features == null && images == null && classes == null && !stimulusClasses()) {
            throw data.error("features", "stimulus features, a class table ('classes') or 'stimulus_classes: true'", "none");
        }
        if (data.has("eeg_features")) {
            Job.Section f = data.section("eeg_features");
            String type = f.oneOf("type", List.of("ssvep", "tangent-space"));
            if (type.equals("ssvep")) {
                f.only(Set.of("type", "frequencies", "harmonics", "subbands", "step", "upper", "correlations", "standardise"));
                double[] hz = f.has("frequencies") ? java.util.stream.StreamSupport.stream(f.tree().get("frequencies")
                        .spliterator(), false).mapToDouble(n -> n.asDouble()).toArray() : new double[0];
                if (hz.length == 0 || java.util.Arrays.stream(hz).anyMatch(v -> !(v > 0))) {
                    throw f.error("frequencies", "the stimulation frequencies in Hz, a list of positive numbers",
                            f.has("frequencies") ? f.tree().get("frequencies") : "none");
                }
                try {
                    ssvepFeatures = new org.neurodec.decoders.ssvep.SsvepFeatures(hz, f.integer("harmonics", 3, 1, 20),
                            f.integer("subbands", 4, 0, 20), f.number("step", 8, 0.1, 1000), f.number("upper", 60, 1, 1e5),
                            f.integer("correlations", 2, 1, 20));
                } catch (org.neurodec.decoders.DecoderException e) {
                    throw f.error("upper", "sub-bands that end above their starts", e.getMessage());
                }
                String mode = f.has("standardise") ? f.oneOf("standardise", List.of("subject", "calibration", "none"))
                        : "subject";
                standardise = !mode.equals("none");
                onCalibration = mode.equals("calibration");
                tangentFeatures = null;
            } else {
                f.only(Set.of("type", "band", "window", "channels"));
                double[] band = f.numbers("band", 2);
                double[] window = f.numbers("window", 2);
                if (band == null || window == null) {
                    throw f.error(band == null ? "band" : "window", "[from, to] (Hz for band, seconds for window)", "none");
                }
                try {
                    tangentFeatures = new org.neurodec.decoders.riemann.TangentFeatures(band[0], band[1], window[0], window[1],
                            f.has("channels") ? f.texts("channels") : List.of());
                } catch (org.neurodec.decoders.DecoderException e) {
                    throw f.error("band", "0 < low < high and a window from < to", e.getMessage());
                }
                ssvepFeatures = null;
                standardise = false;
                onCalibration = false;
            }
        } else {
            ssvepFeatures = null;
            tangentFeatures = null;
            standardise = false;
            onCalibration = false;
        }
        inputs.put(job.file(), "job");
        if (features != null) {
            inputs.put(features, "features");
        }
        if (classes != null) {
            inputs.put(classes, "classes");
        }
    }

    private boolean stimulusClasses() {
        return data.has("stimulus_classes") && Boolean.parseBoolean(data.text("stimulus_classes"));
    }

    /** The source's subjects, listed once. */
    List<String> subjects() {
        if (subjects == null) {
            subjects = source.subjects();
        }
        return subjects;
    }

    /** One subject's trials with its registry entry. */
    Map.Entry<TrialSet, Subject> load(String id, Consumer<String> log) {
        if (!subjects().contains(id)) {
            throw data.error(data.has("bids") ? "bids" : "eeg", "the recordings of subject " + id + " (one of "
                    + subjects() + ")", "none");
        }
        SubjectTrials read = TrialSources.load(job, source, id, log);
        secondsPerTrial.put(id, read.secondsPerTrial());
        if (read.trials().modality() == org.neurodec.subjects.Modality.EEG) {
            epochs.put(id, read);
        }
        inputs.putAll(source.inputs());
        if (ssvepFeatures == null && tangentFeatures == null) {
            return Map.entry(read.trials(), read.entry());
        }
        if (read.trials().modality() != org.neurodec.subjects.Modality.EEG) {
            throw data.error("eeg_features", "EEG epochs to compute them from", read.trials().modality() + " trials");
        }
        log.accept("subject " + id + ": " + (ssvepFeatures != null ? "SSVEP" : "tangent-space") + " features of "
                + read.trials().trials() + " epochs");
        TrialSet features;
        try {
            if (ssvepFeatures != null) {
                TrialSet raw = ssvepFeatures.transform(read.trials(), read.sfreq(), false);
                if (onCalibration) {
                    unstandardised.put(id, raw);
                }
                features = standardise && raw.trials() > 1
                        ? raw.standardisedBy(java.util.stream.IntStream.range(0, raw.trials()).toArray()) : raw;
            } else {
                features = tangentFeatures.transform(read.trials(), read.entry().channels(), read.sfreq(), read.tmin());
            }
        } catch (org.neurodec.decoders.DecoderException e) {
            throw data.error("eeg_features", "settings the recordings allow", e.getMessage());
        }
        return Map.entry(features, Subject.of(features, List.of()));
    }

    /**
     * Subject {@code id}'s SSVEP features standardised by its trials {@code reference} alone, when the
     * job asks for {@code standardise: calibration} and at least two reference trials are given; else null.
     */
    TrialSet standardisedBy(String id, int[] reference) {
        TrialSet raw = unstandardised.get(id);
        return raw == null || reference.length < 2 ? null : raw.standardisedBy(reference);
    }

    /** Subject {@code id}'s EEG epochs as read (before features), or null when it is not an EEG subject or not loaded. */
    SubjectTrials epochs(String id) {
        return epochs.get(id);
    }

    /** The targets of the trials' {@code stimuli}. */
    Targets targets(List<String> stimuli) {
        org.neurodec.encoders.StimulusFeatures computed = images == null ? null
                : org.neurodec.decoders.stimuli.StimulusSets.fromImages(images, data.integer("image_pixels", 16, 1, 1024),
                        data.integer("image_components", 32, 0, 100_000));
        return SharedEncoderWorkflow.targets(features != null ? org.neurodec.decoders.stimuli.StimulusSets.read(features) : computed, classes,
                data.has("class_column") ? data.text("class_column") : "class", stimulusClasses(), stimuli);
    }

    /**
     * {@code trials} without the trials whose stimulus has no features (when the targets have
     * features), for example words when the features were computed from images; says how many it left out.
     */
    static TrialSet targeted(TrialSet trials, Targets targets, Consumer<String> log) {
        if (!targets.hasFeatures()) {
            return trials;
        }
        int[] keep = java.util.stream.IntStream.range(0, trials.trials())
                .filter(t -> targets.features().contains(trials.stimuli().get(t))).toArray();
        if (keep.length == trials.trials()) {
            return trials;
        }
        if (keep.length == 0) {
            throw new org.neurodec.decoders.DecoderException("subject " + trials.subject() + ": expected trials whose stimuli"
                    + " have features, found none of " + trials.trials());
        }
        log.accept("subject " + trials.subject() + ": " + (trials.trials() - keep.length) + " of " + trials.trials()
                + " trials left out (their stimuli have no features)");
        return trials.select(keep);
    }

    /** Each stimulus's group (the {@code groups} column of the class table), or none. */
    Map<String, String> groups() {
        return data.has("groups") && classes != null ? Targets.readClassTable(classes, data.text("groups")) : Map.of();
    }

    /** How long a loaded subject's trials took on average (s): BIDS event onsets, or recording time per kept epoch. */
    double secondsPerTrial(String id) {
        return secondsPerTrial.getOrDefault(id, Double.NaN);
    }

    /** Every file read so far: the job, the targets, the EEG files. */
    List<Path> inputs() {
        return List.copyOf(inputs.keySet());
    }

    /** The same files with what each was to the job ({@code job}, {@code features}, {@code classes}, {@code recording}). */
    Map<Path, String> roles() {
        return new LinkedHashMap<>(inputs);
    }
}
