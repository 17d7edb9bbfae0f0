package org.neurodec.encoders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the encoder learns to predict from a trial's stimulus id: the stimulus's feature vector (for
 * the contrastive and regression heads), its class (for the classification head), or both.
 */
public final class Targets {

    private final StimulusFeatures features;
    private final List<String> classes;
    private final Map<String, Integer> classOf;

    private Targets(StimulusFeatures features, List<String> classes, Map<String, Integer> classOf) {
        this.features = features;
        this.classes = List.copyOf(classes);
        this.classOf = classOf;
    }

    /** Feature targets only. */
    public static Targets of(StimulusFeatures features) {
        return new Targets(features, List.of(), Map.of());
    }

    /** Class targets only: {@code classOf} maps each stimulus id to its class; classes are sorted by name. */
    public static Targets classes(Map<String, String> classOf) {
        return new Targets(null, List.of(), Map.of()).withClasses(classOf);
    }

    /**
     * The class of each stimulus from a table with a header row ({@code .tsv} tab-separated, else
     * comma-separated): the {@code stimulus_id} column and the column named {@code column}.
     */
    public static Map<String, String> readClassTable(java.nio.file.Path file, String column) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new EncoderException(file + ": cannot read the stimulus classes: " + e.getMessage(), e);
        }
        String separator = file.toString().endsWith(".tsv") ? "\t" : ",";
        List<String> header = lines.isEmpty() ? List.of() : List.of(lines.get(0).split(separator, -1));
        int id = header.indexOf("stimulus_id");
        int value = header.indexOf(column);
        if (id < 0 || value < 0) {
            throw new EncoderException(file + ": header: expected columns 'stimulus_id' and '" + column + "', found " + header);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(separator, -1);
            if (cells.length != header.size()) {
                throw new EncoderException(file + ": line " + (i + 1) + ": expected " + header.size() + " cells, found "
                        + cells.length);
            }
            out.put(cells[id], cells[value]);
        }
        return out;
    }

    /** These targets with class targets added. */
    public Targets withClasses(Map<String, String> stimulusClass) {
        if (stimulusClass.isEmpty()) {
            throw new EncoderException("class targets: expected at least one stimulus with a class, found none");
        }
        List<String> names = new ArrayList<>(new TreeSet<>(stimulusClass.values()));
        if (names.size() < 2) {
            throw new EncoderException("class targets: expected at least two classes, found " + names);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        stimulusClass.forEach((id, c) -> index.put(id, names.indexOf(c)));
        return new Targets(features, names, index);
    }

    /** Whether there are feature targets. */
    public boolean hasFeatures() {
        return features != null;
    }

    /** The stimulus features (null when there are none). */
    public StimulusFeatures features() {
        return features;
    }

    /** Feature dimension, 0 when there are no feature targets. */
    public int featureDim() {
        return features == null ? 0 : features.dim();
    }

    /** Class names in index order (empty when there are no class targets). */
    public List<String> classNames() {
        return classes;
    }

    /** Whether there are class targets. */
    public boolean hasClasses() {
        return !classes.isEmpty();
    }

    /** The class index of a stimulus. */
    public int classOf(String stimulus) {
        Integer c = classOf.get(stimulus);
        if (c == null) {
            throw new EncoderException("no class for stimulus '" + stimulus + "' (classes " + classes + ")");
        }
        return c;
    }
}
