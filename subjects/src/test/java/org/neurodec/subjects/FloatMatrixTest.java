package org.neurodec.subjects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neurodec.subjects.adapters.Nd4jMatrices;

/** A typed matrix with its shape and row ids, and its conversions to Commons Math and ND4J. */
class FloatMatrixTest {

    private static final FloatMatrix M = FloatMatrix.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, List.of("a.png", "b.png"));

    @Test
    void holdsItsShapeAndHandsOutCopies() {
        assertEquals(2, M.rows());
        assertEquals(3, M.cols());
        assertEquals(6f, M.get(1, 2));
        float[] row = M.row(0);
        row[0] = 99;
        assertEquals(1f, M.get(0, 0), "a row is a copy");
        assertArrayEquals(new float[] {4, 5, 6}, M.toRows()[1]);
        assertEquals(FloatMatrix.copyOf(M.toRows(), M.rowIds()).toString(), M.toString());
        assertArrayEquals(M.copyOfValues(), FloatMatrix.copyOf(M.toRows(), M.rowIds()).copyOfValues(), "copyOf keeps every value");
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.wrap(new float[5], 2, 3, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.wrap(new float[6], 2, 3, List.of("a")));
    }

    @Test
    void convertsToCommonsMathAndNd4jWithTheSameValues() {
        assertArrayEquals(new double[] {4, 5, 6}, M.toRealMatrix().getRow(1), 0);
        INDArray nd = Nd4jMatrices.of(M);
        assertArrayEquals(new long[] {2, 3}, nd.shape());
        assertEquals(6.0, nd.getDouble(1, 2), 0);
        assertArrayEquals(M.toDoubleRows()[0], Nd4jMatrices.rows(nd)[0], 0);
    }
}
