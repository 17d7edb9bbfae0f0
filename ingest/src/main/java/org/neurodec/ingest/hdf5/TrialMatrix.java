package org.neurodec.ingest.hdf5;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Trials × features, row-major float32, with one label per trial and the shape the features had
 * in the file (for example {@code [3092]} voxels, or {@code [x, y, z]} for a beta volume).
 */
public final class TrialMatrix {

    private final float[] values;
    private final int trials;
    private final int features;
    private final List<String> labels;
    private final long[] featureShape;
    private final Path source;

    TrialMatrix(float[] values, int trials, int features, List<String> labels, long[] featureShape, Path source) {
        if (values.length != (long) trials * features || labels.size() != trials) {
            throw new IllegalArgumentException("a trial matrix of " + trials + " x " + features + " needs "
                    + (long) trials * features + " values and " + trials + " labels, got " + values.length
                    + " and " + labels.size());
        }
        this.values = values;
        this.trials = trials;
        this.features = features;
        this.labels = List.copyOf(labels);
        this.featureShape = featureShape.clone();
        this.source = source;
    }

    /** Number of rows. */
    public int trials() {
        return trials;
    }

    /** Number of columns. */
    public int features() {
        return features;
    }

    /** The value of trial {@code t}, feature {@code f}. */
    public float get(int t, int f) {
        return values[t * features + f];
    }

    /** A copy of one trial's features. */
    public float[] trial(int t) {
        float[] row = new float[features];
        System.arraycopy(values, t * features, row, 0, features);
        return row;
    }

    /** One label per trial (the trial's index when the spec named no label dataset). */
    public List<String> labels() {
        return labels;
    }

    /** The shape of one trial's data in the file, before flattening and selection. */
    public long[] featureShape() {
        return featureShape.clone();
    }

    /** The file this was read from. */
    public Path source() {
        return source;
    }

    /** The matrix without copying, read-only, row-major. */
    public FloatBuffer asBuffer() {
        return FloatBuffer.wrap(values).asReadOnlyBuffer();
    }

    /** A copy of the matrix, row-major. */
    public float[] toArray() {
        return values.clone();
    }
}
