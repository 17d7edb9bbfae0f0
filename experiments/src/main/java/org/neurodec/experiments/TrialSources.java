package org.neurodec.experiments;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.neurodec.decoders.DecoderException;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.TrialSource;
import org.neurodec.subjects.sources.BidsTrialSource;
import org.neurodec.subjects.sources.EegFileSource;
import org.neurodec.subjects.sources.Hdf5TrialSource;
import org.neurodec.subjects.sources.NiftiVolumeSource;
import org.neurodec.subjects.sources.PreprocessedSource;

/**
 * The one reader of where a job's trials come from: exactly one of {@code data.eeg} (EEG files or
 * globs, or a mapping of subject ids to them, read through the job's {@code preprocess} section),
 * {@code data.hdf5} (a trial matrix: {@code file}, {@code x}, optional {@code images}, {@code labels},
 * {@code train} and {@code test} groups) or {@code data.bids} (a BIDS root with {@code modality},
 * fMRI's {@code mask}, {@code betas} and {@code high_pass}, EEG's {@code window}, {@code baseline},
 * {@code reject} and {@code decimate}) or {@code data.nifti} (4D BOLD files with a mask and a volumes
 * table each, cleaned per run by the job's {@code preprocess.clean}) or {@code data.preprocessed}
 * (epoch files {@code neurodec preprocess} wrote, a list or a mapping of subject ids to lists). Each kind of job says which of
 * them it accepts.
 */
final class TrialSources {

    /** The kinds of source a job may name, each the key of {@code data} that names it. */
    enum Kind {
        EEG("eeg"), HDF5("hdf5"), BIDS("bids"), NIFTI("nifti"), PREPROCESSED("preprocessed");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** The {@code data} keys a source reads, besides the one naming it. */
    static final Set<String> KEYS = Set.of("eeg", "hdf5", "bids", "nifti", "preprocessed", "modality", "mask", "betas", "high_pass", "window",
            "baseline", "reject", "decimate", "sfreq", "trials", "hrf_delay", "label", "exclude");

    private TrialSources() {
    }

    /** The source the job's {@code data} section names, one of {@code accepted}; its other keys are the caller's to check. */
    static TrialSource of(Job.Section job, Set<Kind> accepted) {
        Job.Section data = job.section("data");
        List<Kind> named = Stream.of(Kind.values()).filter(k -> data.has(k.key)).toList();
        String choices = String.join("' or 'data.", accepted.stream().map(k -> k.key).toList());
        if (named.size() != 1 || !accepted.contains(named.get(0))) {
            throw data.error(choices, "exactly one of them", named.isEmpty() ? "none"
                    : String.join(", ", named.stream().map(k -> k.key).toList()));
        }
        if (named.get(0) != Kind.BIDS) {
            for (String key : List.of("modality", "mask", "betas", "high_pass", "window", "baseline", "reject", "decimate", "trials",
                    "hrf_delay", "label", "exclude")) {
                if (data.has(key)) {
                    throw data.error(key, "no BIDS option without 'data.bids'", data.tree().get(key));
                }
            }
        }
        if (named.get(0) != Kind.EEG && data.has("sfreq")) {
            throw data.error("sfreq", "a sampling rate only for EEG files ('data.eeg')", data.tree().get("sfreq"));
        }
        return switch (named.get(0)) {
            case EEG -> eeg(job, data);
            case NIFTI -> nifti(job, data.section("nifti"));
            case HDF5 -> hdf5(data.section("hdf5"));
            case PREPROCESSED -> {
                if (job.has("preprocess")) {
                    throw job.error("preprocess", "no preprocess section with 'data.preprocessed' (the files are epochs"
                            + " already)", "one");
                }
                yield new PreprocessedSource(filesBySubject(job, data, "preprocessed"));
            }
            case BIDS -> {
                boolean volumes = data.has("trials") && data.text("trials").equals("volumes");
                boolean eeg = data.has("modality") && data.text("modality").equals("eeg");
                if (job.has("preprocess") && !volumes && !eeg) {
                    throw job.error("preprocess", "no preprocess section for BIDS fMRI betas (they are estimated with the data"
                            + " section's betas and high_pass)", "one");
                }
                yield bids(job, data);
            }
        };
    }

    /**
     * One subject's trials from {@code source}; a preprocessing step the data cannot take is reported
     * against the job's {@code preprocess} key, with the file.
     */
    static SubjectTrials load(Job.Section job, TrialSource source, String subject, Consumer<String> progress) {
        try {
            return source.load(subject, progress);
        } catch (PreprocessException e) {
            throw new DecoderException(job.file() + ": key 'preprocess': " + e.getMessage(), e);
        }
    }

    private static TrialSource eeg(Job.Section job, Job.Section data) {
        Map<String, List<Path>> files = new LinkedHashMap<>();
        if (data.tree().get("eeg").isObject()) {
            Job.Section subjects = data.section("eeg");
            subjects.tree().fieldNames().forEachRemaining(id -> files.put(id, globs(job.file(), "data.eeg." + id,
                    subjects.texts(id))));
        } else {
            files.put("", globs(job.file(), "data.eeg", data.texts("eeg")));
        }
        if (job.has("preprocess") && job.tree().get("preprocess").has("clean")) {
            throw job.section("preprocess").error("clean", "no fMRI cleaning for EEG files (it is for data.nifti volumes)", "one");
        }
        if (!job.has("preprocess") || !job.tree().get("preprocess").has("epochs")) {
            throw job.error("preprocess.epochs", "the epochs of the EEG data", "none");
        }
        return new EegFileSource(files, Pipeline.fromSection(job.file(), job.tree().get("preprocess")), data.has("sfreq")
                ? java.util.OptionalDouble.of(data.number("sfreq", 0, 0, 1e6)) : java.util.OptionalDouble.empty());
    }

    private static TrialSource nifti(Job.Section job, Job.Section n) {
        n.only(Set.of("bold", "volumes", "mask", "label", "run", "exclude", "tr"));
        Map<String, List<Path>> bold = filesBySubject(job, n, "bold");
        Map<String, List<Path>> volumes = filesBySubject(job, n, "volumes");
        if (!bold.keySet().equals(volumes.keySet())) {
            throw n.error("volumes", "a table for every BOLD file of the subjects " + bold.keySet(), volumes.keySet());
        }
        org.neurodec.preprocess.fmri.Cleaning cleaning = cleaning(job);
        return new NiftiVolumeSource(bold, volumes, n.path("mask", true), n.has("label") ? n.text("label") : "labels",
                n.has("run") ? n.text("run") : "chunks", Set.copyOf(n.has("exclude") ? n.texts("exclude") : List.of("rest")),
                cleaning, n.has("tr") ? n.number("tr", 0, 0, 1000) : Double.NaN);
    }

    /**
     * A BIDS study's functional runs decoded volume by volume: each run with events, its volumes
     * labelled from its {@code events.tsv} ({@code label} column, default trial_type) after
     * {@code hrf_delay} seconds, each subject's mask from the {@code mask} pattern, runs cleaned by
     * {@code preprocess.clean}, {@code exclude} labels (default rest) and unlabelled volumes left out.
     */
    private static TrialSource bidsVolumes(Job.Section job, Job.Section data) {
        for (String key : List.of("betas", "high_pass", "window", "baseline", "reject", "decimate")) {
            if (data.has(key)) {
                throw data.error(key, "no " + key + " with trials: volumes (volumes are cleaned by preprocess.clean)",
                        data.tree().get(key));
            }
        }
        Path root = data.path("bids", true);
        org.neurodec.ingest.bids.BidsDataset dataset = org.neurodec.ingest.bids.BidsDataset.open(root);
        String pattern = data.has("mask") ? data.text("mask") : BidsTrialSource.DEFAULT_MASK;
        Map<String, List<Path>> bold = new LinkedHashMap<>();
        Map<String, List<Path>> events = new LinkedHashMap<>();
        Map<String, Path> masks = new LinkedHashMap<>();
        for (org.neurodec.ingest.bids.BidsRecording r : dataset.recordings()) {
            String name = r.data().getFileName().toString();
            if (!r.datatype().equals("func") || !name.matches(".*_bold\\.nii(\\.gz)?") || r.eventsFile().isEmpty()) {
                continue;
            }
            bold.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(r.data());
            events.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(r.eventsFile().get());
            Path mask = root.resolve(pattern.replace("{subject}", r.subject()));
            if (!Files.isRegularFile(mask)) {
                throw data.error("mask", "each subject's mask (" + pattern + " under " + root + ")", mask + " missing");
            }
            masks.put(r.subject(), mask);
        }
        if (bold.isEmpty()) {
            throw data.error("bids", "functional runs (func/*_bold.nii.gz) with events.tsv", "none in " + root);
        }
        return new NiftiVolumeSource(bold, events, masks, data.has("label") ? data.text("label") : "trial_type", "run",
                Set.copyOf(data.has("exclude") ? data.texts("exclude") : List.of("rest")), cleaning(job), Double.NaN,
                new NiftiVolumeSource.EventLabels(data.number("hrf_delay", 0, -1e-300, 60)));
    }

    /** The job's preprocess.clean section as per-run fMRI cleaning, or null without a preprocess section. */
    private static org.neurodec.preprocess.fmri.Cleaning cleaning(Job.Section job) {
        if (!job.has("preprocess")) {
            return null;
        }
        Job.Section p = job.section("preprocess");
        p.only(Set.of("clean"));
        Job.Section c = p.section("clean");
        c.only(Set.of("detrend", "high_pass", "standardize"));
        return new org.neurodec.preprocess.fmri.Cleaning(
                !c.has("detrend") || c.oneOf("detrend", List.of("true", "false")).equals("true"),
                c.has("high_pass") ? c.number("high_pass", 0, 0, 10) : Double.NaN,
                c.has("standardize") ? c.oneOf("standardize", List.of("zscore", "psc", "none")) : "zscore");
    }

    /** Files or globs under {@code key}: a list (one subject, id "") or a mapping of subject ids to lists. */
    private static Map<String, List<Path>> filesBySubject(Job.Section job, Job.Section section, String key) {
        Map<String, List<Path>> files = new LinkedHashMap<>();
        if (section.tree().get(key) != null && section.tree().get(key).isObject()) {
            Job.Section subjects = section.section(key);
            subjects.tree().fieldNames().forEachRemaining(id -> files.put(id, globs(job.file(), section.key + "." + key + "."
                    + id, subjects.texts(id))));
        } else {
            files.put("", globs(job.file(), section.key + "." + key, section.texts(key)));
        }
        return files;
    }

    private static TrialSource hdf5(Job.Section h) {
        h.only(Set.of("file", "x", "images", "labels", "train", "test"));
        if (h.has("test") && !h.has("train")) {
            throw h.error("train", "a training group beside the test group", "none");
        }
        return new Hdf5TrialSource(h.path("file", true), h.text("x"), h.has("images") ? h.text("images") : null,
                h.has("labels") ? h.text("labels") : null, h.has("train") ? h.text("train") : null,
                h.has("test") ? h.text("test") : null);
    }

    private static TrialSource bids(Job.Section job, Job.Section data) {
        Modality modality = data.has("modality") && data.oneOf("modality", List.of("fmri", "eeg")).equals("eeg")
                ? Modality.EEG : Modality.FMRI;
        if (data.has("trials") && data.oneOf("trials", List.of("betas", "volumes")).equals("volumes")) {
            if (modality != Modality.FMRI) {
                throw data.error("trials", "volumes only for modality fmri", "modality eeg");
            }
            return bidsVolumes(job, data);
        }
        for (String key : List.of("hrf_delay", "label", "exclude")) {
            if (data.has(key)) {
                throw data.error(key, "no " + key + " without trials: volumes", data.tree().get(key));
            }
        }
        BidsTrialSource defaults = BidsTrialSource.of(data.path("bids", true), modality);
        if (job.has("preprocess")) {
            return bidsEeg(job, data, defaults);
        }
        double[] window = data.has("window") ? data.numbers("window", 2) : defaults.window();
        if (window[1] <= window[0]) {
            throw data.error("window", "[TMIN, TMAX] with TMIN < TMAX", java.util.Arrays.toString(window));
        }
        return new BidsTrialSource(defaults.root(), modality, data.has("mask") ? data.text("mask") : defaults.mask(),
                data.has("betas") ? data.oneOf("betas", List.of("lsa", "lss")) : defaults.betas(),
                data.number("high_pass", defaults.highPass(), 0, 10), window,
                !data.has("baseline") || Boolean.parseBoolean(data.text("baseline")),
                data.has("reject") ? data.number("reject", 0, 0, 1e9) : null, data.integer("decimate", 1, 1, 1000));
    }

    /**
     * BIDS EEG through the job's {@code preprocess} section, as {@code data.eeg} files are: its steps,
     * then its epochs around each recording's events.tsv events (its {@code conditions} name trial types).
     */
    private static TrialSource bidsEeg(Job.Section job, Job.Section data, BidsTrialSource defaults) {
        for (String key : List.of("window", "baseline", "reject", "decimate")) {
            if (data.has(key)) {
                throw data.error(key, "no " + key + " beside a preprocess section (set it in preprocess.epochs)",
                        data.tree().get(key));
            }
        }
        com.fasterxml.jackson.databind.JsonNode section = job.tree().get("preprocess");
        if (section.has("clean")) {
            throw job.section("preprocess").error("clean", "no fMRI cleaning for EEG recordings", "one");
        }
        if (!section.has("epochs")) {
            throw job.error("preprocess.epochs", "the epochs of the EEG data (cut around each recording's events.tsv)", "none");
        }
        if (section.get("epochs").has("events")) {
            throw job.section("preprocess").section("epochs").error("events", "no event source with 'data.bids' (the events"
                    + " are each recording's events.tsv)", section.get("epochs").get("events"));
        }
        return new BidsTrialSource(defaults.root(), Modality.EEG, defaults.mask(), defaults.betas(), defaults.highPass(),
                defaults.window(), true, null, 1, Pipeline.fromSection(job.file(), section));
    }

    private static List<Path> globs(Path jobFile, String key, List<String> patterns) {
        List<Path> files = new ArrayList<>();
        for (String pattern : patterns) {
            files.addAll(glob(jobFile, key, pattern));
        }
        return files;
    }

    /** The files {@code pattern} (a path or a glob, relative to the job file) names; none is an error naming {@code key}. */
    static List<Path> glob(Path jobFile, String key, String pattern) {
        Path absolute = jobFile.toAbsolutePath().getParent().resolve(pattern).normalize();
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
            if (!Files.isRegularFile(absolute)) {
                throw new DecoderException(jobFile + ": key '" + key + "': expected an existing file, found none at " + absolute);
            }
            return List.of(absolute);
        }
        Path root = absolute;
        while (root.toString().matches(".*[*?\\[].*")) {
            root = root.getParent();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> found = walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
            if (found.isEmpty()) {
                throw new DecoderException(jobFile + ": key '" + key + "': expected files matching " + absolute + ", found none");
            }
            return found;
        } catch (IOException e) {
            throw new DecoderException(jobFile + ": key '" + key + "': cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}
