package org.neurodec.subjects.adapters;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neurodec.subjects.SubjectsException;

/**
 * Orthogonal Procrustes: the map R with orthonormal rows or columns that best carries one set of
 * trials onto another, {@code argmin ||X R - Y||_F}, which is the polar factor of {@code X^T Y}.
 */
public final class Procrustes {

    private static final double RELATIVE_TOLERANCE = 1e-12;

    private Procrustes() {
    }

    /** R (features of x × features of y) for trials x and y in the same order. */
    public static double[][] fit(double[][] x, double[][] y) {
        if (x.length != y.length || x.length == 0) {
            throw SubjectsException.shape("Procrustes trials", "x and y with the same number of rows", x.length + " and " + y.length);
        }
        return Nd4jMatrices.rows(polar(Nd4jMatrices.of(x).transpose().mmul(Nd4jMatrices.of(y))));
    }

    /**
     * The orthogonal polar factor of M (the U V^T of its SVD): M (M^T M)^{-1/2} when M is tall,
     * (M M^T)^{-1/2} M when it is wide; directions with no singular value are left out.
     */
    static INDArray polar(INDArray m) {
        boolean tall = m.rows() >= m.columns();
        INDArray gram = tall ? m.transpose().mmul(m) : m.mmul(m.transpose());
        Nd4jMatrices.Eigen2 e = Nd4jMatrices.symmetricEigen(gram);
        double[] values = e.values().toDoubleVector();
        double max = Arrays.stream(values).max().orElse(0);
        double[] inverseRoot = Arrays.stream(values).map(v -> v > max * RELATIVE_TOLERANCE ? 1 / Math.sqrt(v) : 0).toArray();
        INDArray v = e.vectors();
        INDArray root = v.mulRowVector(org.nd4j.linalg.factory.Nd4j.createFromArray(inverseRoot).reshape(1, values.length))
                .mmul(v.transpose());
        return tall ? m.mmul(root) : root.mmul(m);
    }
}
