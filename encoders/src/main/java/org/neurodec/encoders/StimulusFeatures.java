package org.neurodec.encoders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The feature vector of each stimulus id, all of one length, read from a CSV ({@code stimulus_id,f0,f1,…}). */
public final class StimulusFeatures {

    private final Map<String, float[]> vectors;
    private final int dim;

    private StimulusFeatures(Map<String, float[]> vectors, int dim) {
        this.vectors = vectors;
        this.dim = dim;
    }

    /** Reads a features CSV with a header row. */
    public static StimulusFeatures readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new EncoderException(file + ": cannot read stimulus features: " + e.getMessage(), e);
        }
        if (lines.size() < 2) {
            throw new EncoderException(file + ": expected a header and at least one stimulus, found " + lines.size() + " lines");
        }
        int dim = lines.get(0).split(",").length - 1;
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            if (cells.length != dim + 1) {
                throw new EncoderException(file + ": line " + (i + 1) + ": expected " + (dim + 1) + " cells, found " + cells.length);
            }
            float[] v = new float[dim];
            for (int k = 0; k < dim; k++) {
                try {
                    v[k] = Float.parseFloat(cells[k + 1]);
                } catch (NumberFormatException e) {
                    throw new EncoderException(file + ": line " + (i + 1) + ", column " + (k + 2) + ": expected a number, found '"
                            + cells[k + 1] + "'", e);
                }
            }
            vectors.put(cells[0], v);
        }
        return new StimulusFeatures(vectors, dim);
    }

    /** Features given in memory. */
    public static StimulusFeatures of(Map<String, float[]> vectors) {
        int dim = vectors.values().iterator().next().length;
        return new StimulusFeatures(new LinkedHashMap<>(vectors), dim);
    }

    /** Feature dimension. */
    public int dim() {
        return dim;
    }

    /** The stimulus ids, in file order. */
    public Set<String> ids() {
        return vectors.keySet();
    }

    /** A copy of a stimulus's features. */
    public float[] get(String id) {
        float[] v = vectors.get(id);
        if (v == null) {
            throw new EncoderException("no features for stimulus '" + id + "'");
        }
        return v.clone();
    }

    /** Whether the stimulus has features. */
    public boolean contains(String id) {
        return vectors.containsKey(id);
    }
}
