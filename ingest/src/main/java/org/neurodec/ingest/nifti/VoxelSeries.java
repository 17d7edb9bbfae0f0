package org.neurodec.ingest.nifti;

import java.nio.FloatBuffer;

/**
 * Voxel time series under a mask: a {@code times × voxels} row-major float32 matrix (nilearn's
 * {@code apply_mask} layout), with the mask that says which voxel each column is.
 */
public final class VoxelSeries {

    private final float[] data;
    private final int times;
    private final VoxelMask mask;

    VoxelSeries(float[] data, int times, VoxelMask mask) {
        this.data = data;
        this.times = times;
        this.mask = mask;
    }

    /** Number of rows: volumes (time points). */
    public int times() {
        return times;
    }

    /** Number of columns: voxels in the mask. */
    public int voxels() {
        return mask.size();
    }

    /** The mask; column {@code v} is voxel {@code mask.indices()[v]}. */
    public VoxelMask mask() {
        return mask;
    }

    /** The value of voxel column {@code v} at time {@code t}. */
    public float get(int t, int v) {
        return data[t * mask.size() + v];
    }

    /** A copy of row {@code t}: every masked voxel at one time point. */
    public float[] sample(int t) {
        int n = mask.size();
        float[] row = new float[n];
        System.arraycopy(data, t * n, row, 0, n);
        return row;
    }

    /** A copy of column {@code v}: one voxel's time series. */
    public float[] timeSeries(int v) {
        float[] series = new float[times];
        for (int t = 0; t < times; t++) {
            series[t] = data[t * mask.size() + v];
        }
        return series;
    }

    /** The whole matrix without copying, read-only, row-major. */
    public FloatBuffer asBuffer() {
        return FloatBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** A copy of the whole matrix, row-major. */
    public float[] toArray() {
        return data.clone();
    }
}
