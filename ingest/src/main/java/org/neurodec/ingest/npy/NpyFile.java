package org.neurodec.ingest.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neurodec.ingest.IngestException;

/**
 * A NumPy {@code .npy} array (format versions 1–3): the header's {@code descr}, {@code fortran_order}
 * and {@code shape}, and the values as doubles in C (row-major) order. Reads floating point
 * ({@code f4}, {@code f8}), signed ({@code i1}–{@code i8}) and unsigned ({@code u1}–{@code u8})
 * integers and booleans, in either byte order.
 *
 * @param shape the array's shape
 * @param values the values, row-major
 */
public record NpyFile(long[] shape, double[] values) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiub])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Reads {@code file}. */
    public static NpyFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IngestException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IngestException(file + ": field 'magic': expected \\x93NUMPY, found "
                    + (bytes.length < 6 ? "a file of " + bytes.length + " bytes" : "other bytes"));
        }
        int major = bytes[6];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : buffer.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLength;
        if (major < 1 || major > 3 || dataStart > bytes.length) {
            throw new IngestException(file + ": field 'version': expected 1, 2 or 3 with a complete header, found " + major);
        }
        String header = new String(bytes, major == 1 ? 10 : 12, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeText.find()) {
            throw new IngestException(file + ": field 'header': expected descr, fortran_order and shape, found " + header.trim());
        }
        char kind = descr.group(2).charAt(0);
        String sizeText = descr.group(3);
        int size = sizeText.length() > 2 ? -1 : Integer.parseInt(sizeText);
        String[] dims = Arrays.stream(shapeText.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        long[] shape = new long[dims.length];
        long count = 1;
        for (int d = 0; d < dims.length; d++) {
            if (!dims[d].matches("\\d{1,12}")) {
                throw new IngestException(file + ": field 'shape': expected sizes of 0 or more, found (" + shapeText.group(1) + ")");
            }
            shape[d] = Long.parseLong(dims[d]);
            count = count > Long.MAX_VALUE / Math.max(1, shape[d]) ? Long.MAX_VALUE : count * shape[d];
        }
        if (!(kind == 'f' && (size == 4 || size == 8)) && !(kind != 'f' && (size == 1 || size == 2 || size == 4 || size == 8))) {
            throw new IngestException(file + ": field 'descr': expected f4, f8, i1-i8, u1-u8 or b1, found " + descr.group(0));
        }
        if (count > Integer.MAX_VALUE || dataStart + count * size > bytes.length) {
            throw new IngestException(file + ": field 'shape': expected " + count + " values of " + size + " bytes after the"
                    + " header, found " + (bytes.length - dataStart) + " bytes");
        }
        buffer.order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).position(dataStart);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (kind) {
                case 'f' -> size == 4 ? buffer.getFloat() : buffer.getDouble();
                case 'u', 'b' -> switch (size) {
                    case 1 -> Byte.toUnsignedInt(buffer.get());
                    case 2 -> Short.toUnsignedInt(buffer.getShort());
                    case 4 -> Integer.toUnsignedLong(buffer.getInt());
                    default -> unsignedLong(buffer.getLong());
                };
                default -> switch (size) {
                    case 1 -> buffer.get();
                    case 2 -> buffer.getShort();
                    case 4 -> buffer.getInt();
                    default -> buffer.getLong();
                };
            };
        }
        if (fortran.group(1).equals("True") && shape.length > 1) {
            values = toRowMajor(values, shape);
        }
        return new NpyFile(shape, values);
    }

    private static double unsignedLong(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }

    private static double[] toRowMajor(double[] columnMajor, long[] shape) {
        int n = shape.length;
        double[] out = new double[columnMajor.length];
        int[] index = new int[n];
        for (int c = 0; c < columnMajor.length; c++) {
            int r = 0;
            for (int d = 0; d < n; d++) {
                r = r * (int) shape[d] + index[d];
            }
            out[r] = columnMajor[c];
            for (int d = 0; d < n && ++index[d] == shape[d]; d++) {
                index[d] = 0;
            }
        }
        return out;
    }

    /** The array as rows: the first axis by the product of the others. */
    public double[][] rows() {
        int n = shape.length == 0 ? 1 : (int) shape[0];
        int width = n == 0 ? 0 : values.length / n;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(values, i * width, (i + 1) * width);
        }
        return out;
    }
}
