package org.neurodec.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.TrialInfo;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.TrialSource;

/**
 * A classical job's trials as its model types read them: every subject of the job's
 * {@link TrialSource} pooled into EEG epochs (trials × channels × samples, volts) or a trial matrix
 * (trials × features), with each trial's label, subject and source file, the stimulus images when the
 * data carry them, and the trials the data hold out for testing.
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
    /** Each trial's subject, session, run, label and source. */
    final List<TrialInfo> info;

    /** The trial fields a grouped protocol can name as its {@code group}. */
    static final List<String> GROUPS = List.of("run", "session", "subject", "source");

    private TrialData(double[][][] epochs, double tmin, double sfreq, double[][] rows, double[][] images, int width, int height,
            List<String> labels, List<String> sources, List<String> subjects, int[] fixedTest, List<Path> inputs,
            List<TrialInfo> info) {
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
        this.info = List.copyOf(info);
    }

    /**
     * Each trial's group by {@code field} (one of {@link #GROUPS}): its run, session, subject or source
     * file. Runs and sessions of different subjects (and runs of different sessions) stay apart: a
     * run's group is "subject/session/run" wherever the data name those.
     */
    List<String> groups(String field) {
        return info.stream().map(t -> switch (field) {
            case "run" -> String.join("/", List.of(t.subject(), t.session(), t.run()).stream().filter(v -> !v.isEmpty()).toList());
            case "session" -> String.join("/", List.of(t.subject(), t.session()).stream().filter(v -> !v.isEmpty()).toList());
            case "subject" -> t.subject();
            case "source" -> t.source();
            default -> throw new IllegalArgumentException("group " + field + ": expected one of " + GROUPS);
        }).toList();
    }

    /** The channels of every epoch at sample {@code t}, as a trial matrix (trials × channels) with the same trials. */
    TrialData atTime(int t) {
        double[][] at = new double[epochs.length][];
        for (int i = 0; i < epochs.length; i++) {
            at[i] = new double[epochs[i].length];
            for (int c = 0; c < at[i].length; c++) {
                at[i][c] = epochs[i][c][t];
            }
        }
        return new TrialData(null, tmin, sfreq, at, null, 0, 0, labels, sources, subjects, fixedTest, inputs, info);
    }

    /** The same trials with only the features {@code columns} of a trial matrix (a searchlight's sphere). */
    TrialData columns(int[] columns) {
        double[][] kept = new double[rows.length][columns.length];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < columns.length; c++) {
                kept[i][c] = rows[i][columns[c]];
            }
        }
        return new TrialData(null, tmin, sfreq, kept, null, 0, 0, labels, sources, subjects, fixedTest, inputs, info);
    }

    /** Whether every trial names {@code field} (a run, a session, ...). */
    boolean names(String field) {
        return info.stream().allMatch(t -> !(switch (field) {
            case "run" -> t.run();
            case "session" -> t.session();
            case "subject" -> t.subject();
            default -> t.source();
        }).isEmpty());
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

    /**
     * Reads the trials of {@code job}: every subject of the source its {@code data} section names
     * (EEG files, an HDF5 trial matrix or a BIDS dataset), pooled in the source's subject order.
     */
    static TrialData load(Job job, Consumer<String> progress) {
        Job.Section root = job.root();
        root.section("data").only(TrialSources.KEYS);
        TrialSource source = TrialSources.of(root, EnumSet.allOf(TrialSources.Kind.class));
        List<SubjectTrials> parts = new ArrayList<>();
        for (String subject : source.subjects()) {
            SubjectTrials read = TrialSources.load(root, source, subject, progress);
            if (!parts.isEmpty()) {
                SubjectTrials first = parts.get(0);
                if (!first.entry().channels().equals(read.entry().channels())
                        || first.trials().features() != read.trials().features()) {
                    throw job.data().error(subject.isEmpty() ? "" : subject, "the shape " + shape(first) + " of the subjects"
                            + " before", shape(read));
                }
            }
            parts.add(read);
        }
        SubjectTrials first = parts.get(0);
        int n = parts.stream().mapToInt(p -> p.trials().trials()).sum();
        boolean eeg = first.trials().modality() == Modality.EEG;
        double[][][] epochs = eeg ? new double[n][][] : null;
        double[][] rows = eeg ? null : new double[n][];
        double[][] images = first.images() == null ? null : new double[n][];
        List<TrialInfo> info = new ArrayList<>();
        int i = 0;
        for (SubjectTrials part : parts) {
            TrialSet t = part.trials();
            for (int trial = 0; trial < t.trials(); trial++, i++) {
                if (eeg) {
                    epochs[i] = new double[t.channels()][t.times()];
                    for (int c = 0; c < t.channels(); c++) {
                        for (int s = 0; s < t.times(); s++) {
                            epochs[i][c][s] = t.get(trial, c, s);
                        }
                    }
                } else {
                    float[] row = t.row(trial);
                    rows[i] = new double[row.length];
                    for (int f = 0; f < row.length; f++) {
                        rows[i][f] = row[f];
                    }
                }
                if (images != null) {
                    images[i] = part.images().pixels()[trial];
                }
            }
            info.addAll(part.info());
        }
        int[] test = IntStream.range(0, n).filter(t -> info.get(t).heldOut()).toArray();
        return new TrialData(epochs, first.tmin(), first.sfreq(), rows, images,
                images == null ? 0 : first.images().width(), images == null ? 0 : first.images().height(),
                info.stream().map(TrialInfo::label).toList(), info.stream().map(TrialInfo::source).toList(),
                info.stream().map(TrialInfo::subject).toList(), test.length == 0 ? null : test,
                List.copyOf(source.inputs().keySet()), info);
    }

    private static String shape(SubjectTrials s) {
        return s.trials().channels() + " × " + s.trials().times() + (s.entry().channels().isEmpty() ? ""
                : " " + s.entry().channels());
    }
}
