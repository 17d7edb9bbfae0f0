package org.neurodec.ingest.nifti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.neurodec.ingest.IngestException;

/**
 * An opened NIfTI-1 or NIfTI-2 image ({@code .nii}, {@code .nii.gz}, or a {@code .hdr}/{@code .img}
 * pair, each part optionally gzipped): its header, and streaming access to its scaled data.
 *
 * <p>Opening reads only the header. Data is read volume by volume on each call, memory-mapped for
 * uncompressed files and decompressed as a stream for gzipped ones, so that images larger than the
 * heap can be masked and summarised. Values are scaled by {@code scl_slope}/{@code scl_inter} as
 * nibabel's {@code get_fdata()} scales them.
 */
public final class NiftiImage {

    private final NiftiFiles files;
    private final NiftiHeader header;
    private final VolumeSource source;

    private NiftiImage(NiftiFiles files, NiftiHeader header, VolumeSource source) {
        this.files = files;
        this.header = header;
        this.source = source;
    }

    /** Opens {@code file} (any of the supported layouts) and reads its header. */
    public static NiftiImage open(Path file) {
        NiftiFiles files = NiftiFiles.locate(file);
        NiftiHeader header = files.header();
        int volumeBytes = (int) header.bytesPerVolume();
        VolumeSource source = files.dataGzipped()
                ? new GzipVolumes(files.data(), files.dataOffset(), volumeBytes, header.byteOrder())
                : new MappedVolumes(files.data(), files.dataOffset(), volumeBytes, header.byteOrder());
        return new NiftiImage(files, header, source);
    }

    /** The parsed header. */
    public NiftiHeader header() {
        return header;
    }

    /** The file the header was read from. */
    public Path file() {
        return files.headerFile();
    }

    /** The file the data is read from (the same as {@link #file()} unless this is a pair). */
    public Path dataFile() {
        return files.data();
    }

    /** Byte offset of the data in {@link #dataFile()} (after decompression, for gzipped files). */
    public long dataOffset() {
        return files.dataOffset();
    }

    /** Number of header extensions (skipped on read). */
    public int extensionCount() {
        return files.extensionCount();
    }

    /** Number of volumes: the product of dimensions 4 to 7. */
    public long volumeCount() {
        return header.volumeCount();
    }

    /** Volume {@code t}, scaled, as float64 in Fortran order (i fastest). */
    public double[] volume(long t) {
        checkVolume(t);
        double[] out = new double[(int) header.voxelsPerVolume()];
        NiftiDataType type = header.dataType();
        double slope = header.slope();
        double inter = header.intercept();
        scan(t, t + 1, (v, stored) -> {
            for (int i = 0; i < out.length; i++) {
                out[i] = type.get(stored, i) * slope + inter;
            }
        });
        return out;
    }

    /** The scaled value at a full index (i, j, k, then higher dimensions; missing ones count as 0). */
    public double value(long... index) {
        long[] shape = header.shape();
        if (index.length > shape.length) {
            throw new IllegalArgumentException("index of " + index.length + " dimensions for a "
                    + shape.length + "D image");
        }
        long flat = 0;
        long stride = 1;
        for (int d = 0; d < shape.length; d++) {
            long i = d < index.length ? index[d] : 0;
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + i + " out of [0, " + shape[d] + ") in dimension " + d);
            }
            flat += i * stride;
            stride *= shape[d];
        }
        long perVolume = header.voxelsPerVolume();
        int voxel = (int) (flat % perVolume);
        double[] result = new double[1];
        scan(flat / perVolume, flat / perVolume + 1, (v, stored) ->
                result[0] = header.dataType().get(stored, voxel) * header.slope() + header.intercept());
        return result[0];
    }

    /** Every volume's voxels under {@code mask}, as a times × voxels float32 matrix. */
    public VoxelSeries mask(VoxelMask mask) {
        long[] grid = mask.shape();
        long[] shape = header.shape();
        for (int d = 0; d < 3; d++) {
            long n = d < shape.length ? shape[d] : 1;
            if (grid[d] != n) {
                throw new IllegalArgumentException("mask shape " + java.util.Arrays.toString(grid)
                        + " does not match image " + files.headerFile() + " shape " + java.util.Arrays.toString(shape));
            }
        }
        long times = header.volumeCount();
        if (times * mask.size() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("masked output of " + times + " x " + mask.size()
                    + " values exceeds one Java array; mask fewer voxels or split the volumes");
        }
        int[] indices = mask.indicesView();
        float[] out = new float[(int) times * indices.length];
        VoxelGather gather = VoxelGather.of(header.dataType(), header.slope(), header.intercept());
        scan(0, times, (t, stored) -> gather.gather(stored, indices, out, (int) t * indices.length));
        return new VoxelSeries(out, (int) times, mask);
    }

    /** Statistics of all scaled values, NaN excluded (counted apart). */
    public VoxelStats stats() {
        VoxelStats stats = new VoxelStats();
        NiftiDataType type = header.dataType();
        double slope = header.slope();
        double inter = header.intercept();
        int n = (int) header.voxelsPerVolume();
        scan(0, header.volumeCount(), (t, stored) -> {
            for (int i = 0; i < n; i++) {
                stats.add(type.get(stored, i) * slope + inter);
            }
        });
        return stats;
    }

    /**
     * Visits volumes {@code from} to {@code to} (exclusive) in order, each as its stored bytes (file
     * byte order, unscaled; decode with {@link NiftiHeader#dataType()}). The buffer is valid only
     * during the call.
     */
    public void scan(long from, long to, StoredVolumeVisitor visitor) {
        try {
            source.scan(from, to, visitor);
        } catch (ZipException e) {
            throw new IngestException(files.data() + ": corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new IngestException(files.data() + ": could not read data: " + e.getMessage(), e);
        }
    }

    private void checkVolume(long t) {
        if (t < 0 || t >= header.volumeCount()) {
            throw new IndexOutOfBoundsException("volume " + t + " out of [0, " + header.volumeCount() + ")");
        }
    }

    @Override
    public String toString() {
        return "NiftiImage[" + files.headerFile() + ", nifti" + header.version() + ", shape "
                + java.util.Arrays.toString(header.shape()) + ", " + header.dataType() + "]";
    }

}
