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

/**
 * The one reader of where a job's trials come from: exactly one of {@code data.eeg} (EEG files or
 * globs, or a mapping of subject ids to them, read through the job's {@code preprocess} section),
 * {@code data.hdf5} (a trial matrix: {@code file}, {@code x}, optional {@code images}, {@code labels},
 * {@code train} and {@code test} groups) or {@code data.bids} (a BIDS root with {@code modality},
 * fMRI's {@code mask}, {@code betas} and {@code high_pass}, EEG's {@code window}, {@code baseline},
 * {@code reject} and {@code decimate}). Each kind of job says which of them it accepts.
 */
final class TrialSources {

    /** The kinds of source a job may name, each the key of {@code data} that names it. */
    enum Kind {
        EEG("eeg"), HDF5("hdf5"), BIDS("bids");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** The {@code data} keys a source reads, besides the one naming it. */
    static final Set<String> KEYS = Set.of("eeg", "hdf5", "bids", "modality", "mask", "betas", "high_pass", "window",
            "baseline", "reject", "decimate");

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
            for (String key : List.of("modality", "mask", "betas", "high_pass", "window", "baseline", "reject", "decimate")) {
                if (data.has(key)) {
                    throw data.error(key, "no BIDS option without 'data.bids'", data.tree().get(key));
                }
            }
        }
        return switch (named.get(0)) {
            case EEG -> eeg(job, data);
            case HDF5 -> hdf5(data.section("hdf5"));
            case BIDS -> {
                if (job.has("preprocess")) {
                    throw job.error("preprocess", "no preprocess section with 'data.bids' (BIDS trials are cut by the data"
                            + " section's window, baseline, reject and decimate)", "one");
                }
                yield bids(data);
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
        if (!job.has("preprocess") || !job.tree().get("preprocess").has("epochs")) {
            throw job.error("preprocess.epochs", "the epochs of the EEG data", "none");
        }
        return new EegFileSource(files, Pipeline.fromSection(job.file(), job.tree().get("preprocess")));
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

    private static TrialSource bids(Job.Section data) {
        Modality modality = data.has("modality") && data.oneOf("modality", List.of("fmri", "eeg")).equals("eeg")
                ? Modality.EEG : Modality.FMRI;
        BidsTrialSource defaults = BidsTrialSource.of(data.path("bids", true), modality);
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
