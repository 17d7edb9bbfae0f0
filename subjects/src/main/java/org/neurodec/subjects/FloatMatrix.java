package org.neurodec.subjects;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A rows × columns matrix of float32 values, stored flat and row-major, with an id per row (for a
 * model's outputs, the stimulus of each trial): what the shared encoder returns for a set of trials.
 * It hands out copies, never its array; {@link #toRealMatrix()} (Commons Math) and
 * {@code Nd4jMatrices.of} (ND4J) convert it, and the encoders convert it to DJL arrays.
 */
public final class FloatMatrix {

    private final float[] values;
    private final int rows;
    private final int cols;
    private final List<String> rowIds;

    private FloatMatrix(float[] values, int rows, int cols, List<String> rowIds) {
        if (rows < 0 || cols < 0 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("a " + rows + " × " + cols + " matrix needs " + (long) rows * cols
                    + " values, found " + values.length);
        }
        if (rowIds.size() != rows) {
            throw new IllegalArgumentException("a matrix of " + rows + " rows needs as many row ids, found " + rowIds.size());
        }
        this.values = values;
        this.rows = rows;
        this.cols = cols;
        this.rowIds = List.copyOf(rowIds);
    }

    /** Wraps {@code values} (row-major, not copied: the caller gives up the array). */
    public static FloatMatrix wrap(float[] values, int rows, int cols, List<String> rowIds) {
        return new FloatMatrix(values, rows, cols, rowIds);
    }

    /** A copy of {@code rows}, which must all have the same length. */
    public static FloatMatrix copyOf(float[][] rows, List<String> rowIds) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + ": expected " + cols + " values, found " + rows[r].length);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return new FloatMatrix(flat, rows.length, cols, rowIds);
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The number of columns. */
    public int cols() {
        return cols;
    }

    /** Each row's id. */
    public List<String> rowIds() {
        return rowIds;
    }

    /** One value. */
    public float get(int row, int col) {
        return values[row * cols + col];
    }

    /** A copy of one row. */
    public float[] row(int row) {
        return Arrays.copyOfRange(values, row * cols, (row + 1) * cols);
    }

    /** A copy of the values, row-major. */
    public float[] copyOfValues() {
        return values.clone();
    }

    /** A copy as one array per row. */
    public float[][] toRows() {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /** A copy as one double array per row. */
    public double[][] toDoubleRows() {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = values[r * cols + c];
            }
        }
        return out;
    }

    /** A Commons Math copy. */
    public RealMatrix toRealMatrix() {
        return new Array2DRowRealMatrix(toDoubleRows(), false);
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + " × " + cols + "]";
    }
}
