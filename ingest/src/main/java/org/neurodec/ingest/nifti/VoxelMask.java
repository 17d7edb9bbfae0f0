package org.neurodec.ingest.nifti;

import java.util.Arrays;

/**
 * A set of voxels of a 3D grid, kept as their flat indices in NIfTI (Fortran) order,
 * {@code i + nx * (j + ny * k)}, ascending.
 */
public final class VoxelMask {

    private final long[] shape;
    private final int[] indices;

    private VoxelMask(long[] shape, int[] indices) {
        this.shape = shape;
        this.indices = indices;
    }

    /**
     * The voxels whose flag is true; {@code flags} is in Fortran order over the first three
     * dimensions of {@code shape} (an image's 4D shape may be passed as it is).
     */
    public static VoxelMask of(long[] shape, boolean[] flags) {
        long[] grid = grid(shape);
        if (flags.length != grid[0] * grid[1] * grid[2]) {
            throw new IllegalArgumentException("mask of " + flags.length + " flags does not fit shape "
                    + Arrays.toString(grid));
        }
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        int[] indices = new int[n];
        for (int i = 0, k = 0; i < flags.length; i++) {
            if (flags[i]) {
                indices[k++] = i;
            }
        }
        return new VoxelMask(grid, indices);
    }

    /** The voxels at the given flat Fortran-order indices (sorted and de-duplicated here). */
    public static VoxelMask ofIndices(long[] shape, int... indices) {
        long[] grid = grid(shape);
        int[] sorted = Arrays.stream(indices).sorted().distinct().toArray();
        long size = grid[0] * grid[1] * grid[2];
        if (sorted.length > 0 && (sorted[0] < 0 || sorted[sorted.length - 1] >= size)) {
            throw new IllegalArgumentException("mask indices must lie in [0, " + size + ")");
        }
        return new VoxelMask(grid, sorted);
    }

    /** The voxels where the first volume of {@code image} is non-zero and not NaN (as nilearn binarises masks). */
    public static VoxelMask nonZero(NiftiImage image) {
        double[] values = image.volume(0);
        boolean[] flags = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            flags[i] = values[i] != 0 && !Double.isNaN(values[i]);
        }
        return of(image.header().shape(), flags);
    }

    /** The voxels of an atlas (first volume) whose integer label is one of {@code labels}. */
    public static VoxelMask ofLabels(NiftiImage atlas, int... labels) {
        double[] values = atlas.volume(0);
        java.util.Set<Integer> wanted = new java.util.HashSet<>();
        for (int label : labels) {
            wanted.add(label);
        }
        boolean[] flags = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            flags[i] = values[i] == Math.rint(values[i]) && wanted.contains((int) values[i]);
        }
        return of(atlas.header().shape(), flags);
    }

    /** The 3D grid this mask lies on. */
    public long[] shape() {
        return shape.clone();
    }

    /** Number of voxels in the mask. */
    public int size() {
        return indices.length;
    }

    /** The flat Fortran-order indices of the voxels, ascending. */
    public int[] indices() {
        return indices.clone();
    }

    int[] indicesView() {
        return indices;
    }

    private static long[] grid(long[] shape) {
        if (shape.length < 1) {
            throw new IllegalArgumentException("a mask needs a shape of at least one dimension");
        }
        long[] grid = {1, 1, 1};
        System.arraycopy(shape, 0, grid, 0, Math.min(3, shape.length));
        if (grid[0] * grid[1] * grid[2] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mask grid too large: " + Arrays.toString(grid));
        }
        return grid;
    }
}
