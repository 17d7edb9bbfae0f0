package org.neurodec.ingest.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.neurodec.ingest.IngestException;

/** Parses and validates the NIfTI-1 (348-byte) and NIfTI-2 (540-byte) header layouts. */
final class NiftiHeaderReader {

    /** Largest volume a reader accepts, in bytes: one volume must fit in a Java array. */
    static final long MAX_VOLUME_BYTES = Integer.MAX_VALUE - 64;

    private NiftiHeaderReader() {
    }

    /** The NIfTI version (1 or 2) announced by {@code sizeof_hdr} in either byte order, or 0. */
    static int version(ByteBuffer head) {
        if (head.remaining() < 4) {
            return 0;
        }
        int little = head.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(head.position());
        int big = Integer.reverseBytes(little);
        if (little == NiftiHeader.NIFTI1_SIZE || big == NiftiHeader.NIFTI1_SIZE) {
            return 1;
        }
        if (little == NiftiHeader.NIFTI2_SIZE || big == NiftiHeader.NIFTI2_SIZE) {
            return 2;
        }
        return 0;
    }

    /** Parses the header at the start of {@code head}; every inconsistency names {@code file} and the field. */
    static NiftiHeader parse(Path file, ByteBuffer head) {
        int version = version(head);
        if (version == 0) {
            throw IngestException.badField(file, "sizeof_hdr", "348 (NIfTI-1) or 540 (NIfTI-2)",
                    head.remaining() < 4 ? "a file of " + head.remaining() + " bytes" : "another value");
        }
        int size = version == 1 ? NiftiHeader.NIFTI1_SIZE : NiftiHeader.NIFTI2_SIZE;
        if (head.remaining() < size) {
            throw IngestException.truncated(file, "header", size, head.remaining());
        }
        ByteBuffer b = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != size) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        return version == 1 ? parse1(file, b) : parse2(file, b);
    }

    private static NiftiHeader parse1(Path file, ByteBuffer b) {
        String magic = ascii(b, 344, 4);
        boolean single = magic.equals("n+1");
        if (!single && !magic.equals("ni1")) {
            throw IngestException.badField(file, "magic", "'n+1' or 'ni1'", quote(magic));
        }
        long[] dim = new long[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
        }
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
            }
        }
        NiftiSpace space = new NiftiSpace(b.getShort(252), b.getShort(254), b.getFloat(256), b.getFloat(260),
                b.getFloat(264), b.getFloat(268), b.getFloat(272), b.getFloat(276), srow);
        double offset = b.getFloat(108);
        if (!(offset >= 0 && offset < 1e15)) {
            throw IngestException.badField(file, "vox_offset", "a non-negative byte offset", offset);
        }
        return validated(file, new NiftiHeader(1, b.order(), single, dim, dataType(file, b.getShort(70)),
                b.getShort(72), pixdim, (long) offset, b.getFloat(112), b.getFloat(116), space,
                b.get(123) & 0xFF, b.getShort(68), ascii(b, 148, 80)));
    }

    private static NiftiHeader parse2(Path file, ByteBuffer b) {
        String magic = ascii(b, 4, 4);
        boolean single = magic.equals("n+2");
        if (!single && !magic.equals("ni2")) {
            throw IngestException.badField(file, "magic", "'n+2' or 'ni2'", quote(magic));
        }
        long[] dim = new long[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
        }
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
            }
        }
        NiftiSpace space = new NiftiSpace(b.getInt(344), b.getInt(348), b.getDouble(352), b.getDouble(360),
                b.getDouble(368), b.getDouble(376), b.getDouble(384), b.getDouble(392), srow);
        long offset = b.getLong(168);
        if (offset < 0) {
            throw IngestException.badField(file, "vox_offset", "a non-negative byte offset", offset);
        }
        return validated(file, new NiftiHeader(2, b.order(), single, dim, dataType(file, b.getShort(12)),
                b.getShort(14), pixdim, offset, b.getDouble(176), b.getDouble(184), space,
                b.getInt(500), b.getInt(504), ascii(b, 240, 80)));
    }

    private static NiftiDataType dataType(Path file, int code) {
        return NiftiDataType.ofCode(code).orElseThrow(() -> IngestException.badField(file, "datatype",
                "a supported numeric type (uint8, int8, int16, uint16, int32, uint32, int64, uint64, float32, float64)",
                NiftiDataType.describeCode(code)));
    }

    private static NiftiHeader validated(Path file, NiftiHeader h) {
        long[] dim = h.dim();
        if (dim[0] < 1 || dim[0] > 7) {
            throw IngestException.badField(file, "dim[0]", "a number of dimensions from 1 to 7", dim[0]);
        }
        long elements = 1;
        for (int i = 1; i <= dim[0]; i++) {
            if (dim[i] < 1) {
                throw IngestException.badField(file, "dim[" + i + "]", "a positive size", dim[i]);
            }
            if (elements > Long.MAX_VALUE / 8 / dim[i]) {
                throw IngestException.badField(file, "dim", "a total size that a file can hold",
                        java.util.Arrays.toString(h.shape()));
            }
            elements *= dim[i];
        }
        if (h.bytesPerVolume() > MAX_VOLUME_BYTES) {
            throw IngestException.badField(file, "dim[1..3]", "a 3D volume of at most " + MAX_VOLUME_BYTES
                    + " bytes", h.bytesPerVolume() + " bytes (" + java.util.Arrays.toString(h.shape()) + ")");
        }
        if (h.isScaled() && !Double.isFinite(h.sclInter())) {
            throw IngestException.badField(file, "scl_inter", "a finite intercept when scl_slope is set",
                    h.sclInter());
        }
        return h;
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        byte[] bytes = new byte[length];
        b.get(offset, bytes);
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1).strip();
    }

    private static String quote(String s) {
        return "'" + s.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
