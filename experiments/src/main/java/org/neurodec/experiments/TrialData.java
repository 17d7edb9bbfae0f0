package org.neurodec.experiments;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.neurodec.decoders.DecoderException;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.preprocess.epochs.Epochs;
import org.neurodec.preprocess.pipeline.Pipeline;

/**
 * A job's trials, read from its {@code data} section: EEG recordings (files or globs, or per subject a
 * mapping of subject ids to them) through the job's {@code preprocess} section into epochs of the EEG
 * channels (volts), or an HDF5 trial matrix
 * ({@code x}, trials × features, with optional {@code images} and {@code labels}) whose {@code train}
 * and {@code test} groups, when named, fix the split.
 */
public final class TrialData {

    /** EEG epochs, trials × channels × samples (null for a matrix). */
    final double[][][] epochs;
    /** Epoch start in seconds and sampling rate (EEG). */
    final double tmin;
    final double sfreq;
    /** Trials × features (null for EEG). */
    final double[][] rows;
    /** Trials × pixels in [0, 1], row-major width × height (null when none). */
    final double[][] images;
    final int width;
    final int height;
    /** Each trial's class ("" when there are none). */
    final List<String> labels;
    /** Each trial's source file name. */
    final List<String> sources;
    /** Each trial's subject ("" when the data name none). */
    final List<String> subjects;
    /** The trials of a fixed test set (null when the data fix none). */
    final int[] fixedTest;
    /** Every file read. */
    final List<Path> inputs;

    private TrialData(double[][][] epochs, double tmin, double sfreq, double[][] rows, double[][] images, int width, int height,
            List<String> labels, List<String> sources, List<String> subjects, int[] fixedTest, List<Path> inputs) {
        this.epochs = epochs;
        this.tmin = tmin;
        this.sfreq = sfreq;
        this.rows = rows;
        this.images = images;
        this.width = width;
        this.height = height;
        this.labels = labels;
        this.sources = sources;
        this.subjects = subjects;
        this.fixedTest = fixedTest;
        this.inputs = inputs;
    }

    /** How many trials. */
    public int size() {
        return labels.size();
    }

    /** EEG epochs, trials × channels × samples in volts (null for a trial matrix). */
    public double[][][] epochs() {
        return epochs;
    }

    /** Trial {@code t}'s image, row-major grey levels in [0, 1] (null when there are no images). */
    public double[] images(int t) {
        return images == null ? null : images[t].clone();
    }

    /** Each trial's class ("" when there are none). */
    public List<String> labels() {
        return java.util.Collections.unmodifiableList(labels);
    }

    /** A trial matrix, trials × features, shared not copied (null for EEG epochs). */
    public double[][] rows() {
        return rows;
    }

    /** The distinct classes, sorted. */
    public List<String> classes() {
        return labels.stream().filter(l -> !l.isEmpty()).distinct().sorted().toList();
    }

    /** Reads the data of {@code job}. */
    static TrialData load(Job job, Consumer<String> progress) {
        Job.Section data = job.data();
        data.only(Set.of("eeg", "hdf5"));
        if (data.has("eeg") == data.has("hdf5")) {
            throw data.error("eeg' or 'data.hdf5", "exactly one of them", data.has("eeg") ? "both" : "neither");
        }
        return data.has("eeg") ? eeg(job, data, progress) : hdf5(data.section("hdf5"));
    }

    /** EEG files or globs ({@code data.eeg} a list), or each subject's ({@code data.eeg} a mapping id → files). */
    private static TrialData eeg(Job job, Job.Section data, Consumer<String> progress) {
        Map<String, List<String>> bySubject = new java.util.LinkedHashMap<>();
        if (data.tree().get("eeg").isObject()) {
            Job.Section subjects = data.section("eeg");
            subjects.tree().fieldNames().forEachRemaining(id -> bySubject.put(id, subjects.texts(id)));
        } else {
            bySubject.put("", data.texts("eeg"));
        }
        List<Path> files = new ArrayList<>();
        List<double[][]> epochs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        Eeg eeg = null;
        for (Map.Entry<String, List<String>> subject : bySubject.entrySet()) {
            String key = subject.getKey().isEmpty() ? "data.eeg" : "data.eeg." + subject.getKey();
            List<Path> these = new ArrayList<>();
            for (String pattern : subject.getValue()) {
                these.addAll(glob(job.file(), key, pattern));
            }
            Eeg read = Eeg.read(job.file(), job.tree(), these, progress);
            if (eeg != null && !eeg.channels().equals(read.channels())) {
                throw data.error(key.substring(5), "the EEG channels " + eeg.channels() + " of the subjects before", read.channels());
            }
            eeg = read;
            files.addAll(these);
            epochs.addAll(java.util.Arrays.asList(read.epochs()));
            labels.addAll(read.labels());
            sources.addAll(read.sources());
            subjects.addAll(java.util.Collections.nCopies(read.labels().size(), subject.getKey()));
        }
        return new TrialData(epochs.toArray(double[][][]::new), eeg.tmin(), eeg.sfreq(), null, null, 0, 0, labels, sources,
                subjects, null, files);
    }

    /** EEG epochs of the EEG channels of some files, through the {@code preprocess} section of a job file. */
    record Eeg(double[][][] epochs, List<String> labels, List<String> sources, List<String> channels, double tmin,
            double sfreq, double seconds) {

        static Eeg read(Path jobFile, com.fasterxml.jackson.databind.JsonNode tree, List<Path> files, Consumer<String> progress) {
            if (!tree.has("preprocess") || !tree.get("preprocess").has("epochs")) {
                throw new DecoderException(jobFile + ": key 'preprocess.epochs': expected the epochs of the EEG data, found none");
            }
            Pipeline pipeline = Pipeline.fromSection(jobFile, tree.get("preprocess"));
            List<double[][]> epochs = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<String> names = null;
            double tmin = 0;
            double sfreq = 0;
            double seconds = 0;
            for (Path file : files) {
                progress.accept("reading and preprocessing " + file.getFileName());
                EegRecording recording = EegRecording.open(file);
                seconds += recording.times() / recording.sfreq();
                Epochs cut;
                try {
                    cut = pipeline.run(recording).epochs();
                } catch (org.neurodec.preprocess.PreprocessException e) {
                    throw new DecoderException(jobFile + ": key 'preprocess': " + e.getMessage() + " (on " + file + ")", e);
                }
                int[] eeg = IntStream.range(0, recording.channels().size())
                        .filter(c -> recording.channels().get(c).type() == ChannelType.EEG).toArray();
                List<String> these = IntStream.of(eeg).mapToObj(c -> recording.channels().get(c).name()).toList();
                if (names != null && !names.equals(these)) {
                    throw new DecoderException(file + ": expected the EEG channels " + names + " of the files before it, found "
                            + these);
                }
                names = these;
                tmin = cut.tmin();
                sfreq = cut.sfreq();
                for (int e = 0; e < cut.size(); e++) {
                    double[][] all = cut.epoch(e);
                    double[][] kept = new double[eeg.length][];
                    for (int c = 0; c < eeg.length; c++) {
                        kept[c] = all[eeg[c]];
                    }
                    epochs.add(kept);
                    labels.add(cut.info().get(e).condition());
                    sources.add(file.getFileName().toString());
                }
            }
            if (epochs.isEmpty()) {
                throw new DecoderException(jobFile + ": key 'preprocess.epochs': expected epochs of its conditions in "
                        + files.size() + " files, found none");
            }
            return new Eeg(epochs.toArray(double[][][]::new), labels, sources, names, tmin, sfreq, seconds);
        }
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

    private static TrialData hdf5(Job.Section h) {
        h.only(Set.of("file", "x", "images", "labels", "train", "test"));
        Path file = h.path("file", true);
        List<String> groups = h.has("train") ? List.of(h.text("train"), h.has("test") ? h.text("test") : "") : List.of("");
        List<double[]> rows = new ArrayList<>();
        List<double[]> images = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int width = 0;
        int height = 0;
        int testFrom = -1;
        try (Hdf5File h5 = Hdf5File.open(file)) {
            for (String group : groups) {
                if (group.isEmpty() && groups.size() > 1) {
                    continue;
                }
                String prefix = group.isEmpty() ? "" : group + "/";
                if (groups.size() > 1 && group.equals(groups.get(1))) {
                    testFrom = rows.size();
                }
                int before = rows.size();
                rows.addAll(matrix(h5, prefix + h.text("x")));
                int n = rows.size() - before;
                if (h.has("images")) {
                    long[] shape = h5.shape(prefix + h.text("images"));
                    if (shape.length != 3 || shape[0] != n) {
                        throw h.error("images", "an array of " + n + " × height × width", java.util.Arrays.toString(shape));
                    }
                    height = (int) shape[1];
                    width = (int) shape[2];
                    double scale = h5.dtype(prefix + h.text("images")).equals("uint8") ? 255.0 : 1.0;
                    for (double[] image : matrix(h5, prefix + h.text("images"))) {
                        for (int i = 0; i < image.length; i++) {
                            image[i] /= scale;
                        }
                        images.add(image);
                    }
                }
                if (h.has("labels")) {
                    double[] values = h5.read(prefix + h.text("labels")).toDoubles();
                    if (values.length != n) {
                        throw h.error("labels", n + " labels", values.length);
                    }
                    for (double v : values) {
                        labels.add(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        labels.add("");
                    }
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof DecoderException) {
                throw e;
            }
            throw new DecoderException(file + ": " + e.getMessage(), e);
        }
        int[] test = testFrom < 0 ? null : IntStream.range(testFrom, rows.size()).toArray();
        List<String> sources = java.util.Collections.nCopies(rows.size(), file.getFileName().toString());
        return new TrialData(null, 0, 0, rows.toArray(double[][]::new), images.isEmpty() ? null : images.toArray(double[][]::new),
                width, height, labels, sources, java.util.Collections.nCopies(rows.size(), ""), test, List.of(file));
    }

    private static List<double[]> matrix(Hdf5File h5, String path) {
        long[] shape = h5.shape(path);
        double[] flat = h5.read(path).toDoubles();
        int n = (int) shape[0];
        int width = n == 0 ? 0 : flat.length / n;
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width));
        }
        return out;
    }
}
