package org.neurodec.ingest.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.neurodec.ingest.AtomicFile;

/**
 * Writes NIfTI-1 single files, {@code .nii} or (by suffix) {@code .nii.gz}, little-endian, data right
 * after the 352-byte header. The file appears only once complete.
 *
 * <pre>{@code
 * NiftiWriter.create(64, 64, 30, 200).dataType(NiftiDataType.FLOAT32).affine(affine)
 *         .repetitionTime(2.0).write(path, values);
 * }</pre>
 */
public final class NiftiWriter {

    /** Supplies one volume's scaled values when a file is written volume by volume. */
    @FunctionalInterface
    public interface VolumeFiller {
        /** Fills {@code volume} (Fortran order) with the values of volume {@code t}. */
        void fill(long t, double[] volume);
    }

    private static final int VOX_OFFSET = 352;

    private final long[] shape;
    private NiftiDataType dataType = NiftiDataType.FLOAT32;
    private double[][] affine = NiftiSpace.identity();
    private double repetitionTime = 1.0;
    private double slope = 1.0;
    private double intercept = 0.0;
    private int xyztUnits = 2 | 8;
    private String description = "neurodec";
    private int compressionLevel = Deflater.DEFAULT_COMPRESSION;

    private NiftiWriter(long[] shape) {
        if (shape.length < 1 || shape.length > 7 || Arrays.stream(shape).anyMatch(d -> d < 1 || d > Short.MAX_VALUE)) {
            throw new IllegalArgumentException("NIfTI-1 shape needs 1 to 7 sizes in [1, 32767], got "
                    + Arrays.toString(shape));
        }
        this.shape = shape.clone();
    }

    /** A writer for an image of the given shape (i, j, k, then time and beyond). */
    public static NiftiWriter create(long... shape) {
        return new NiftiWriter(shape);
    }

    /** The stored element type (default float32). Integer types are rounded and clipped to their range. */
    public NiftiWriter dataType(NiftiDataType type) {
        this.dataType = type;
        return this;
    }

    /** The voxel-to-world affine, written as sform and, when it has no shear, as qform (both code 2). */
    public NiftiWriter affine(double[][] matrix) {
        if (matrix.length != 4 || Arrays.stream(matrix).anyMatch(r -> r.length != 4)) {
            throw new IllegalArgumentException("affine must be 4 x 4");
        }
        this.affine = Arrays.stream(matrix).map(double[]::clone).toArray(double[][]::new);
        return this;
    }

    /** The time between volumes in seconds, written to pixdim[4]. */
    public NiftiWriter repetitionTime(double seconds) {
        this.repetitionTime = seconds;
        return this;
    }

    /** Stored values become {@code (value - intercept) / slope}; readers apply the inverse. */
    public NiftiWriter scaling(double slope, double intercept) {
        if (slope == 0 || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("scaling needs a finite non-zero slope and a finite intercept");
        }
        this.slope = slope;
        this.intercept = intercept;
        return this;
    }

    /** The header's descrip field (at most 79 characters are kept). */
    public NiftiWriter description(String text) {
        this.description = text;
        return this;
    }

    /** gzip level 0 to 9 for {@code .gz} outputs (default 6). */
    public NiftiWriter compressionLevel(int level) {
        this.compressionLevel = level;
        return this;
    }

    /** Writes {@code values} (Fortran order, all volumes) to {@code file}. */
    public void write(Path file, double[] values) {
        int perVolume = (int) voxelsPerVolume();
        checkLength(values.length);
        write(file, (t, volume) -> System.arraycopy(values, (int) t * perVolume, volume, 0, perVolume));
    }

    /** Writes {@code values} (Fortran order, all volumes) to {@code file}. */
    public void write(Path file, float[] values) {
        int perVolume = (int) voxelsPerVolume();
        checkLength(values.length);
        write(file, (t, volume) -> {
            for (int i = 0; i < perVolume; i++) {
                volume[i] = values[(int) t * perVolume + i];
            }
        });
    }

    /** Writes the image volume by volume, asking {@code filler} for each one. */
    public void write(Path file, VolumeFiller filler) {
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        AtomicFile.write(file, out -> {
            if (gzip) {
                try (OutputStream gz = new LevelledGzip(out, compressionLevel)) {
                    writeContent(gz, filler);
                }
            } else {
                writeContent(out, filler);
            }
        });
    }

    private void writeContent(OutputStream out, VolumeFiller filler) throws IOException {
        out.write(header().array());
        int perVolume = (int) voxelsPerVolume();
        double[] volume = new double[perVolume];
        ByteBuffer bytes = ByteBuffer.allocate(perVolume * dataType.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        long volumes = Arrays.stream(shape, Math.min(3, shape.length), shape.length).reduce(1, (a, b) -> a * b);
        for (long t = 0; t < volumes; t++) {
            Arrays.fill(volume, 0);
            filler.fill(t, volume);
            bytes.clear();
            for (double v : volume) {
                dataType.put(bytes, stored(v));
            }
            out.write(bytes.array(), 0, bytes.position());
        }
    }

    private double stored(double value) {
        double s = (value - intercept) / slope;
        if (!dataType.isInteger()) {
            return s;
        }
        if (Double.isNaN(s)) {
            return 0;
        }
        double r = Math.rint(s);
        return switch (dataType) {
            case UINT8 -> clip(r, 0, 255);
            case INT8 -> clip(r, -128, 127);
            case INT16 -> clip(r, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT16 -> clip(r, 0, 65535);
            case INT32 -> clip(r, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32 -> clip(r, 0, 4294967295.0);
            case INT64 -> clip(r, -0x1p63, 0x1p63);
            default -> clip(r, 0, 0x1p64);
        };
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private ByteBuffer header() {
        ByteBuffer b = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, NiftiHeader.NIFTI1_SIZE);
        b.put(38, (byte) 'r');
        b.putShort(40, (short) shape.length);
        for (int i = 0; i < 7; i++) {
            b.putShort(42 + 2 * i, (short) (i < shape.length ? shape[i] : 1));
        }
        b.putShort(70, (short) dataType.code());
        b.putShort(72, (short) dataType.bitpix());
        Qform q = Qform.of(affine);
        float[] pixdim = {(float) q.qfac(), (float) q.zooms()[0], (float) q.zooms()[1], (float) q.zooms()[2],
            (float) repetitionTime, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putFloat(108, VOX_OFFSET);
        b.putFloat(112, (float) slope);
        b.putFloat(116, (float) intercept);
        b.put(123, (byte) xyztUnits);
        byte[] text = description.getBytes(StandardCharsets.ISO_8859_1);
        b.put(148, text, 0, Math.min(79, text.length));
        b.putShort(252, (short) (q.valid() ? 2 : 0));
        b.putShort(254, (short) 2);
        b.putFloat(256, (float) q.b());
        b.putFloat(260, (float) q.c());
        b.putFloat(264, (float) q.d());
        for (int r = 0; r < 3; r++) {
            b.putFloat(268 + 4 * r, (float) affine[r][3]);
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * r + 4 * c, (float) affine[r][c]);
            }
        }
        b.put(344, "n+1\0".getBytes(StandardCharsets.ISO_8859_1));
        return b;
    }

    private long voxelsPerVolume() {
        return Arrays.stream(shape, 0, Math.min(3, shape.length)).reduce(1, (a, b) -> a * b);
    }

    private void checkLength(int length) {
        long expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (length != expected) {
            throw new IllegalArgumentException("got " + length + " values for shape " + Arrays.toString(shape)
                    + " (" + expected + " expected)");
        }
    }

    /** A gzip stream with a chosen compression level. */
    private static final class LevelledGzip extends GZIPOutputStream {
        LevelledGzip(OutputStream out, int level) throws IOException {
            super(out, 1 << 16);
            def.setLevel(level);
        }
    }
}
