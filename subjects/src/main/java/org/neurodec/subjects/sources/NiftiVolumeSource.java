package org.neurodec.subjects.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.VoxelMask;
import org.neurodec.ingest.nifti.VoxelSeries;
import org.neurodec.preprocess.fmri.Cleaning;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.SubjectsException;
import org.neurodec.subjects.TrialInfo;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.TrialSource;

/**
 * fMRI volumes as trials, the way nilearn's decoding tutorials use them: 4D BOLD files, a mask (its
 * non-zero voxels), and beside each BOLD file a volumes table, one row per volume, with a header
 * naming a label column and a run column (nilearn's Haxby {@code labels chunks}, tab- or
 * space-separated). Each run's full series (every volume of it, excluded ones too, so the drift is
 * estimated on contiguous time) is cleaned with {@code cleaning} (detrending, cosine high-pass,
 * z-score or percent signal change); then the volumes whose label is in {@code exclude} (rest) are
 * left out. A volume's trial info: subject, run (the table's), label, stimulus id
 * {@code FILE:VOLUME}, source file.
 * <p>With {@code events}, the tables are BIDS {@code events.tsv} files instead: volume i, acquired at
 * i × TR, takes the {@code trial_type} (or another column) of the event under way at i × TR − delay
 * (onset ≤ t < onset + duration), and no label when none is; each BOLD file is one run, named by its
 * {@code run-} entity (else its position). This is how a BIDS study is decoded volume by volume.
 *
 * @param bold each subject's 4D files (one subject "" when the data name none)
 * @param volumes each subject's volumes tables, one per BOLD file, in the same order
 * @param masks each subject's mask image, on its BOLD files' grid
 * @param labelColumn the table's label column
 * @param runColumn the table's run column
 * @param exclude labels left out after cleaning
 * @param cleaning per-run cleaning, or null for none
 * @param repetitionTime seconds between volumes, or NaN to take the BOLD header's
 * @param events labels from events files, or null for volumes tables
 */
public record NiftiVolumeSource(Map<String, List<Path>> bold, Map<String, List<Path>> volumes, Map<String, Path> masks,
        String labelColumn, String runColumn, Set<String> exclude, Cleaning cleaning, double repetitionTime, EventLabels events)
        implements TrialSource {

    /**
     * Volume labels from BIDS events files.
     *
     * @param delaySeconds how long after an event's onset its volumes begin (the haemodynamic delay)
     */
    public record EventLabels(double delaySeconds) {
    }

    /** Volumes tables beside the BOLD files, one mask for every subject. */
    public NiftiVolumeSource(Map<String, List<Path>> bold, Map<String, List<Path>> volumes, Path mask, String labelColumn,
            String runColumn, Set<String> exclude, Cleaning cleaning, double repetitionTime) {
        this(bold, volumes, sameMask(bold.keySet(), mask), labelColumn, runColumn, exclude, cleaning, repetitionTime, null);
    }

    private static Map<String, Path> sameMask(java.util.Collection<String> subjects, Path mask) {
        Map<String, Path> out = new LinkedHashMap<>();
        subjects.forEach(s -> out.put(s, mask));
        return out;
    }

    /** Checks that every subject has as many tables as BOLD files. */
    public NiftiVolumeSource {
        bold = new LinkedHashMap<>(bold);
        volumes = new LinkedHashMap<>(volumes);
        masks = new LinkedHashMap<>(masks);
        exclude = Set.copyOf(exclude);
        for (Map.Entry<String, List<Path>> e : bold.entrySet()) {
            List<Path> tables = volumes.get(e.getKey());
            if (e.getValue().isEmpty() || tables == null || tables.size() != e.getValue().size()) {
                throw new SubjectsException("fMRI volumes" + (e.getKey().isEmpty() ? "" : " of subject " + e.getKey())
                        + ": expected one volumes table per BOLD file, found " + e.getValue().size() + " BOLD files and "
                        + (tables == null ? 0 : tables.size()) + " tables");
            }
        }
    }

    @Override
    public List<String> subjects() {
        return List.copyOf(bold.keySet());
    }

    @Override
    public SubjectTrials load(String subject, Consumer<String> progress) {
        List<Path> files = bold.get(subject);
        if (files == null) {
            throw new SubjectsException("subject " + subject + ": expected one of the subjects " + subjects() + ", found none");
        }
        Path mask = masks.get(subject);
        VoxelMask voxels = VoxelMask.nonZero(NiftiImage.open(mask));
        List<float[]> rows = new ArrayList<>();
        List<TrialInfo> info = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            Path table = volumes.get(subject).get(f);
            progress.accept("reading " + file.getFileName());
            NiftiImage image = NiftiImage.open(file);
            VoxelSeries series;
            try {
                series = image.mask(voxels);
            } catch (IllegalArgumentException e) {
                throw new SubjectsException(mask + ": " + e.getMessage(), e);
            }
            double tr = Double.isNaN(repetitionTime) ? image.header().repetitionTimeSeconds() : repetitionTime;
            List<String[]> labelsAndRuns = events == null ? table(table, series.times())
                    : fromEvents(table, file, f, series.times(), tr);
            Map<String, List<Integer>> runs = new LinkedHashMap<>();
            for (int t = 0; t < series.times(); t++) {
                runs.computeIfAbsent(labelsAndRuns.get(t)[1], k -> new ArrayList<>()).add(t);
            }
            String name = file.getFileName().toString();
            for (Map.Entry<String, List<Integer>> run : runs.entrySet()) {
                List<Integer> frames = run.getValue();
                double[][] data = new double[frames.size()][series.voxels()];
                double[] frameTimes = new double[frames.size()];
                for (int i = 0; i < frames.size(); i++) {
                    float[] volume = series.sample(frames.get(i));
                    for (int v = 0; v < volume.length; v++) {
                        data[i][v] = volume[v];
                    }
                    frameTimes[i] = i * tr;
                }
                if (cleaning != null) {
                    if (!(tr > 0) && !Double.isNaN(cleaning.highPassHz())) {
                        throw new SubjectsException(file + ": a high-pass needs the repetition time: expected pixdim[4] > 0 in"
                                + " the header, found " + tr + "; give it as data.nifti.tr");
                    }
                    data = cleaning.apply(data, frameTimes, null);
                }
                for (int i = 0; i < frames.size(); i++) {
                    String label = labelsAndRuns.get(frames.get(i))[0];
                    if (label.isEmpty() || exclude.contains(label)) {
                        continue;
                    }
                    float[] row = new float[data[i].length];
                    for (int v = 0; v < row.length; v++) {
                        row[v] = (float) data[i][v];
                    }
                    rows.add(row);
                    info.add(new TrialInfo(subject, "", run.getKey(), label, name + ":" + frames.get(i), name, false));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new SubjectsException("fMRI volumes" + (subject.isEmpty() ? "" : " of subject " + subject) + ": every volume's"
                    + " label is excluded (" + exclude + ") or empty; nothing to decode");
        }
        int features = rows.get(0).length;
        float[] values = new float[rows.size() * features];
        for (int t = 0; t < rows.size(); t++) {
            System.arraycopy(rows.get(t), 0, values, t * features, features);
        }
        TrialSet trials = TrialSet.wrapFeatures(subject, features, values, info.stream().map(TrialInfo::stimulus).toList());
        return new SubjectTrials(trials, Subject.of(trials.withSubject(subject.isEmpty() ? "all" : subject), List.of()), info,
                Double.NaN, Double.NaN, null, Double.NaN);
    }

    /** Each volume's label (the event under way at its time less the delay, or "") and the file's run. */
    private List<String[]> fromEvents(Path eventsFile, Path boldFile, int position, int volumeCount, double tr) {
        if (!(tr > 0)) {
            throw new SubjectsException(boldFile + ": volumes are labelled from events by time: expected a repetition time"
                    + " (pixdim[4] > 0 or RepetitionTime), found " + tr);
        }
        java.util.regex.Matcher run = java.util.regex.Pattern.compile("_run-([A-Za-z0-9]+)").matcher(boldFile.getFileName().toString());
        String runLabel = run.find() ? run.group(1) : String.valueOf(position + 1);
        List<org.neurodec.ingest.events.Event> list = org.neurodec.ingest.events.Events.readTsv(eventsFile).list();
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < volumeCount; i++) {
            double t = i * tr - events.delaySeconds();
            String label = "";
            for (org.neurodec.ingest.events.Event e : list) {
                double duration = Double.isNaN(e.duration()) ? 0 : e.duration();
                if (e.onset() <= t + 1e-9 && t < e.onset() + duration - 1e-9) {
                    label = switch (labelColumn) {
                        case "trial_type" -> e.trialType();
                        case "value" -> e.value();
                        case "stim_file" -> e.stimFile();
                        default -> e.extra().getOrDefault(labelColumn, "");
                    };
                    break;
                }
            }
            out.add(new String[] {label == null ? "" : label, runLabel});
        }
        return out;
    }

    /** Each volume's label and run from {@code table}, which must hold {@code volumes} rows. */
    private List<String[]> table(Path table, int volumeCount) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new SubjectsException(table + ": cannot be read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new SubjectsException(table + ": expected a header naming the columns " + labelColumn + " and " + runColumn
                    + ", found an empty file");
        }
        String separator = lines.get(0).contains("\t") ? "\t" : "\\s+";
        List<String> header = List.of(lines.get(0).strip().split(separator));
        int label = header.indexOf(labelColumn);
        int run = header.indexOf(runColumn);
        if (label < 0 || run < 0) {
            throw new SubjectsException(table + ": header: expected the columns '" + labelColumn + "' and '" + runColumn
                    + "', found " + header);
        }
        if (lines.size() - 1 != volumeCount) {
            throw new SubjectsException(table + ": expected one row per volume of its BOLD file, " + volumeCount + " rows, found "
                    + (lines.size() - 1));
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).strip().split(separator, -1);
            if (cells.length != header.size()) {
                throw new SubjectsException(table + ": line " + (i + 1) + ": expected " + header.size() + " columns, found "
                        + cells.length);
            }
            out.add(new String[] {cells[label].strip(), cells[run].strip()});
        }
        return out;
    }

    @Override
    public Map<Path, String> inputs() {
        Map<Path, String> out = new LinkedHashMap<>();
        bold.values().forEach(list -> list.forEach(p -> out.put(p, "bold")));
        volumes.values().forEach(list -> list.forEach(p -> out.put(p, events == null ? "volumes" : "events")));
        masks.values().forEach(p -> out.put(p, "mask"));
        return out;
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nifti", bold.values().stream().flatMap(List::stream).map(x -> x.toAbsolutePath().normalize().toString()).toList());
        p.put("mask", masks.values().stream().distinct().map(x -> x.toAbsolutePath().normalize().toString()).toList());
        if (events != null) {
            p.put("labels_from", "events.tsv");
            p.put("hrf_delay", events.delaySeconds());
        }
        p.put("label", labelColumn);
        p.put("run", runColumn);
        p.put("exclude", exclude.stream().sorted().toList());
        p.put("clean", cleaning == null ? null : org.neurodec.Ordered.map("detrend", cleaning.detrend(), "high_pass",
                Double.isNaN(cleaning.highPassHz()) ? "none" : cleaning.highPassHz(), "standardize", cleaning.standardize()));
        p.put("tr", Double.isNaN(repetitionTime) ? "header" : repetitionTime);
        return p;
    }
}
