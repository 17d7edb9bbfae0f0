package org.neurodec.ingest.nifti;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable NIfTI-1 or NIfTI-2 header, as read from the file (pixdim and codes unaltered).
 *
 * @param version 1 or 2
 * @param byteOrder the byte order of the header and the data
 * @param singleFile true for {@code n+1}/{@code n+2} (.nii), false for a .hdr/.img pair
 * @param dim dim[0..7]: dim[0] is the number of dimensions
 * @param dataType the element type
 * @param bitpix bits per element as stored in the header (the data type decides the real size)
 * @param pixdim pixdim[0..7]: qfac, then voxel sizes and the repetition time
 * @param voxOffset vox_offset as stored (0 in a single file means "right after the header and extensions")
 * @param sclSlope scl_slope
 * @param sclInter scl_inter
 * @param space qform and sform
 * @param xyztUnits xyzt_units
 * @param intentCode intent_code
 * @param description descrip
 */
public record NiftiHeader(int version, ByteOrder byteOrder, boolean singleFile, long[] dim,
        NiftiDataType dataType, int bitpix, double[] pixdim, long voxOffset, double sclSlope, double sclInter,
        NiftiSpace space, int xyztUnits, int intentCode, String description) {

    /** Size in bytes of a NIfTI-1 header. */
    public static final int NIFTI1_SIZE = 348;
    /** Size in bytes of a NIfTI-2 header. */
    public static final int NIFTI2_SIZE = 540;

    /** Keeps private copies of the arrays. */
    public NiftiHeader {
        dim = dim.clone();
        pixdim = pixdim.clone();
    }

    @Override
    public long[] dim() {
        return dim.clone();
    }

    @Override
    public double[] pixdim() {
        return pixdim.clone();
    }

    /** The image shape: dim[1..dim[0]]. */
    public long[] shape() {
        return Arrays.copyOfRange(dim, 1, 1 + (int) dim[0]);
    }

    /** Number of dimensions, dim[0]. */
    public int rank() {
        return (int) dim[0];
    }

    /** Elements in one 3D volume: the product of the first three dimensions (1 for missing ones). */
    public long voxelsPerVolume() {
        long n = 1;
        for (int i = 1; i <= Math.min(3, rank()); i++) {
            n *= dim[i];
        }
        return n;
    }

    /** Number of 3D volumes: the product of dimensions 4 to 7 (1 for a 3D image). */
    public long volumeCount() {
        long n = 1;
        for (int i = 4; i <= rank(); i++) {
            n *= dim[i];
        }
        return n;
    }

    /** Bytes of data in one volume. */
    public long bytesPerVolume() {
        return voxelsPerVolume() * dataType.bytes();
    }

    /** Size of the header itself in bytes: 348 or 540. */
    public int headerSize() {
        return version == 1 ? NIFTI1_SIZE : NIFTI2_SIZE;
    }

    /** Voxel sizes along i, j, k (pixdim[1..3]) in the header's spatial unit (see {@link #xyztUnits()}). */
    public double[] zooms() {
        return new double[] {pixdim[1], pixdim[2], pixdim[3]};
    }

    /**
     * The time between volumes in seconds: pixdim[4] converted from the time unit in xyzt_units
     * (seconds, milliseconds or microseconds; taken as seconds when the unit is unknown).
     */
    public double repetitionTimeSeconds() {
        return switch (xyztUnits & 0x38) {
            case 16 -> pixdim[4] / 1e3;
            case 24 -> pixdim[4] / 1e6;
            default -> pixdim[4];
        };
    }

    /** Whether stored values are scaled on read: scl_slope is finite and non-zero (as nibabel decides). */
    public boolean isScaled() {
        return sclSlope != 0 && Double.isFinite(sclSlope);
    }

    /** The slope applied on read: scl_slope when {@link #isScaled()}, else 1. */
    public double slope() {
        return isScaled() ? sclSlope : 1.0;
    }

    /** The intercept applied on read: scl_inter when {@link #isScaled()}, else 0. */
    public double intercept() {
        return isScaled() ? sclInter : 0.0;
    }

    /** The voxel-to-world affine, chosen as nibabel chooses it (see {@link NiftiSpace#bestAffine}). */
    public double[][] affine() {
        return space.bestAffine(shape(), pixdim);
    }
}
