package org.neurodec.subjects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Proves that ND4J's native backend (OpenBLAS) loads and computes. */
class Nd4jSmokeTest {

    @Test
    void nativeBackendMultipliesMatrices() {
        INDArray a = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray b = Nd4j.createFromArray(new double[][] {{5, 6}, {7, 8}});
        INDArray product = a.mmul(b);
        assertArrayEquals(new double[] {19, 22, 43, 50}, product.ravel().toDoubleVector(), 0.0);
        assertEquals("CpuBackend", Nd4j.getBackend().getClass().getSimpleName());
    }
}
