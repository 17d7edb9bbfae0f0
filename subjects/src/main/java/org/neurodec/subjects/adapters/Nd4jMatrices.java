package org.neurodec.subjects.adapters;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one boundary between Java arrays and ND4J in this module: double matrices in and out, and the
 * symmetric eigendecomposition (LAPACK syev through OpenBLAS) the closed-form fits are built on.
 */
public final class Nd4jMatrices {

    /** Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix. */
    public record Eigen2(INDArray values, INDArray vectors) {
    }

    private Nd4jMatrices() {
    }

    /** A double INDArray holding a copy of {@code matrix}: the one conversion of a {@code FloatMatrix} to ND4J. */
    public static INDArray of(org.neurodec.subjects.FloatMatrix matrix) {
        return Nd4j.create(matrix.copyOfValues(), new long[] {matrix.rows(), matrix.cols()}, 'c').castTo(DataType.DOUBLE);
    }

    /** A double INDArray holding a copy of the rows. */
    public static INDArray of(double[][] rows) {
        return Nd4j.create(rows).castTo(DataType.DOUBLE);
    }

    /** The rows of a 2-D INDArray. */
    public static double[][] rows(INDArray matrix) {
        return matrix.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** The eigendecomposition of the symmetric matrix {@code a} (not modified). */
    public static Eigen2 symmetricEigen(INDArray a) {
        INDArray vectors = a.dup('f').castTo(DataType.DOUBLE);
        INDArray sym = vectors.add(vectors.transpose()).muli(0.5).dup('f');
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(sym, true);
        return new Eigen2(values.reshape(values.length()), sym);
    }

    /** Element-wise square root, as a new array. */
    public static INDArray sqrt(INDArray x) {
        return org.nd4j.linalg.ops.transforms.Transforms.sqrt(x, true);
    }

    /** Column means of a matrix, as a row vector. */
    public static INDArray columnMeans(INDArray x) {
        return x.mean(0).reshape(1, x.columns());
    }
}
