package org.neurodec.ingest.hdf5;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A numeric or string array read from an HDF5 dataset: its shape (C order, as h5py reports it),
 * its element type named as NumPy names it ({@code "float32"}, {@code "uint8"}, …), and its values.
 */
public final class Hdf5Array {

    private final String path;
    private final long[] shape;
    private final String dtype;
    private final Object flat;

    Hdf5Array(String path, long[] shape, String dtype, Object flat) {
        this.path = path;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.flat = flat;
    }

    /** The dataset's path in the file. */
    public String path() {
        return path;
    }

    /** The shape, slowest dimension first (as h5py reports it). */
    public long[] shape() {
        return shape.clone();
    }

    /** The element type, as NumPy names it; {@code "string"} for text. */
    public String dtype() {
        return dtype;
    }

    /** Number of elements. */
    public int size() {
        return Array.getLength(flat);
    }

    /** The values as float64, row-major. Fails for string data. */
    public double[] toDoubles() {
        int n = size();
        double[] out = new double[n];
        if (flat instanceof double[] d) {
            System.arraycopy(d, 0, out, 0, n);
        } else if (flat instanceof float[] f) {
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        } else if (flat instanceof short[] s) {
            for (int i = 0; i < n; i++) {
                out[i] = s[i];
            }
        } else if (flat instanceof int[] v) {
            for (int i = 0; i < n; i++) {
                out[i] = v[i];
            }
        } else if (flat instanceof byte[] b) {
            for (int i = 0; i < n; i++) {
                out[i] = b[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = number(i).doubleValue();
            }
        }
        return out;
    }

    /** The values as float32, row-major. Fails for string data. */
    public float[] toFloats() {
        if (flat instanceof float[] f) {
            return f.clone();
        }
        int n = size();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = number(i).floatValue();
        }
        return out;
    }

    /** The values as 64-bit integers (floats truncated), row-major. Fails for string data. */
    public long[] toLongs() {
        int n = size();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = number(i).longValue();
        }
        return out;
    }

    /** The values as text, row-major (numbers formatted). */
    public String[] toStrings() {
        int n = size();
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = String.valueOf(Array.get(flat, i));
        }
        return out;
    }

    private Number number(int i) {
        Object value = Array.get(flat, i);
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new IllegalStateException("dataset " + path + " holds " + dtype + ", not numbers");
    }

    /** Whether the values are numbers (including unsigned 64-bit, held as {@link BigInteger}). */
    public boolean isNumeric() {
        return !"string".equals(dtype) && size() > 0 && Array.get(flat, 0) instanceof Number;
    }

    @Override
    public String toString() {
        return "Hdf5Array[" + path + ", " + dtype + " " + Arrays.toString(shape) + "]";
    }
}
