package org.neurodec.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.neurodec.encoders.Targets;
import org.neurodec.ingest.bids.BidsDataset;
import org.neurodec.ingest.bids.BidsRecording;
import org.neurodec.ingest.events.Event;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;

/**
 * The {@code data} section of a job that trains the shared encoder: a BIDS root ({@code bids}, with
 * {@code modality} and the reading options of {@link BidsSource}) or each subject's EEG files
 * ({@code eeg}: id → files or globs, read through the job's {@code preprocess} section); and the
 * targets: {@code features} (CSV, HDF5 or .npy; or, when none are given, low-level features
 * computed from the PNG/JPEG images of the {@code images} folder: grey levels downsampled to
 * {@code image_pixels}, then {@code image_components} principal components), {@code classes} with
 * {@code class_column}, or {@code stimulus_classes}; {@code groups} names a column of the class
 * table to score retrieval within.
 */
final class EncoderData {

    static final Set<String> KEYS = Set.of("bids", "eeg", "modality", "mask", "betas", "high_pass", "window", "baseline",
            "reject", "decimate", "features", "images", "image_pixels", "image_components", "classes", "class_column",
            "stimulus_classes", "groups");

    private final Job.Section job;
    private final Job.Section data;
    final Modality modality;
    final BidsSource source;
    final Path features;
    private final Path images;
    final Path classes;
    private final BidsDataset dataset;
    private final Map<Path, String> inputs = new LinkedHashMap<>();
    private final Map<String, Double> secondsPerTrial = new LinkedHashMap<>();

    /** Checks the section's keys and values; reads nothing yet but the dataset's layout. */
    EncoderData(Job.Section job) {
        this.job = job;
        data = job.section("data");
        data.only(KEYS);
        if (data.has("bids") == data.has("eeg")) {
            throw data.error("bids' or 'data.eeg", "exactly one of them (a BIDS root, or EEG files per subject)",
                    data.has("bids") ? "both" : "neither");
        }
        modality = data.has("eeg") || data.has("modality") && data.oneOf("modality", List.of("fmri", "eeg")).equals("eeg")
                ? Modality.EEG : Modality.FMRI;
        BidsSource defaults = BidsSource.of(data.has("bids") ? data.path("bids", true) : job.file().toAbsolutePath().getParent(),
                modality);
        source = new BidsSource(defaults.root(), modality, data.has("mask") ? data.text("mask") : defaults.mask(),
                data.has("betas") ? data.oneOf("betas", List.of("lsa", "lss")) : "lsa", data.number("high_pass", 0.01, 0, 10),
                data.has("window") ? data.numbers("window", 2) : defaults.window(),
                !data.has("baseline") || Boolean.parseBoolean(data.text("baseline")),
                data.has("reject") ? data.number("reject", 0, 0, 1e9) : null, data.integer("decimate", 1, 1, 1000));
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
        dataset = data.has("bids") ? source.open() : null;
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

    /** One subject's trials with its registry entry. */
    Map.Entry<TrialSet, Subject> load(String id, Consumer<String> log) {
        log.accept("reading subject " + id);
        if (dataset != null) {
            secondsPerTrial.put(id, bidsSecondsPerTrial(id));
            return source.load(dataset, id);
        }
        Job.Section files = data.section("eeg");
        if (!files.has(id)) {
            throw files.error(id, "the EEG files of subject " + id, "nothing");
        }
        List<Path> paths = new ArrayList<>();
        for (String pattern : files.texts(id)) {
            paths.addAll(TrialData.glob(job.file(), "data.eeg." + id, pattern));
        }
        paths.forEach(p -> inputs.put(p, "recording"));
        TrialData.Eeg eeg = TrialData.Eeg.read(job.file(), job.tree(), paths, log);
        int channels = eeg.channels().size();
        int times = eeg.epochs()[0][0].length;
        float[] values = new float[eeg.epochs().length * channels * times];
        for (int e = 0, i = 0; e < eeg.epochs().length; e++) {
            for (int c = 0; c < channels; c++) {
                for (int t = 0; t < times; t++) {
                    values[i++] = (float) eeg.epochs()[e][c][t];
                }
            }
        }
        TrialSet trials = TrialSet.wrapEeg(id, channels, times, values, eeg.labels());
        secondsPerTrial.put(id, eeg.seconds() / eeg.epochs().length);
        return Map.entry(trials, Subject.of(trials, eeg.channels()));
    }

    /** The targets of the trials' {@code stimuli}. */
    Targets targets(List<String> stimuli) {
        org.neurodec.encoders.StimulusFeatures computed = images == null ? null
                : org.neurodec.decoders.stimuli.StimulusSets.fromImages(images, data.integer("image_pixels", 16, 1, 1024),
                        data.integer("image_components", 32, 0, 100_000));
        return BidsSource.targets(features != null ? org.neurodec.decoders.stimuli.StimulusSets.read(features) : computed, classes,
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

    private double bidsSecondsPerTrial(String subject) {
        double span = 0;
        int gaps = 0;
        for (BidsRecording r : dataset.recordings(subject)) {
            if (!r.datatype().equals(modality == Modality.FMRI ? "func" : "eeg")) {
                continue;
            }
            List<Event> events = r.events().list();
            if (events.size() > 1) {
                span += events.get(events.size() - 1).onset() - events.get(0).onset();
                gaps += events.size() - 1;
            }
        }
        return gaps == 0 ? Double.NaN : span / gaps;
    }
}
