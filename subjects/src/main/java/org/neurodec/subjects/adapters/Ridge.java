package org.neurodec.subjects.adapters;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurodec.subjects.SubjectsException;

/**
 * Ridge regression with an intercept, its penalty chosen by efficient leave-one-out cross-validation:
 * one eigendecomposition of the centred Gram matrix (or of the covariance when there are more trials
 * than features) serves every candidate alpha, as in scikit-learn's {@code RidgeCV} (GCV mode). The
 * penalty is one for all targets, or one per target.
 */
public final class Ridge {

    private static final double RELATIVE_RANK_TOLERANCE = 1e-12;

    private Ridge() {
    }

    /** Fits {@code y} (trials × targets) from {@code x} (trials × features). */
    public static RidgeModel fit(double[][] x, double[][] y, double[] alphas, boolean alphaPerTarget) {
        if (x.length != y.length || x.length < 2) {
            throw SubjectsException.shape("ridge trials", "x and y with the same number (>= 2) of rows",
                    x.length + " and " + y.length);
        }
        if (alphas.length == 0 || Arrays.stream(alphas).anyMatch(a -> !(a > 0))) {
            throw SubjectsException.shape("ridge alphas", "one or more positive values", Arrays.toString(alphas));
        }
        int n = x.length;
        INDArray xs = Nd4jMatrices.of(x);
        INDArray ys = Nd4jMatrices.of(y);
        INDArray xMean = Nd4jMatrices.columnMeans(xs);
        INDArray yMean = Nd4jMatrices.columnMeans(ys);
        INDArray xc = xs.subRowVector(xMean);
        INDArray yc = ys.subRowVector(yMean);
        // Xc Xc^T = U diag(s) U^T over the non-null directions
        INDArray u;
        INDArray s;
        if (n <= xs.columns()) {
            Nd4jMatrices.Eigen2 e = Nd4jMatrices.symmetricEigen(xc.mmul(xc.transpose()));
            int[] keep = kept(e.values());
            u = e.vectors().getColumns(keep);
            s = e.values().get(Nd4j.createFromArray(keep));
        } else {
            Nd4jMatrices.Eigen2 e = Nd4jMatrices.symmetricEigen(xc.transpose().mmul(xc));
            int[] keep = kept(e.values());
            s = e.values().get(Nd4j.createFromArray(keep));
            u = xc.mmul(e.vectors().getColumns(keep)).diviRowVector(Nd4jMatrices.sqrt(s).reshape(1, keep.length));
        }
        INDArray uty = u.transpose().mmul(yc);
        INDArray u2 = u.mul(u);
        int targets = y[0].length;
        double[] bestError = new double[targets];
        double[] chosen = new double[targets];
        Arrays.fill(bestError, Double.POSITIVE_INFINITY);
        double bestMean = Double.POSITIVE_INFINITY;
        double[] errorsByAlpha = new double[alphas.length];
        for (int a = 0; a < alphas.length; a++) {
            double alpha = alphas[a];
            INDArray shrink = s.div(s.add(alpha));
            INDArray fitted = u.mulRowVector(shrink.reshape(1, shrink.length())).mmul(uty);
            INDArray leverage = u2.mmul(shrink.reshape(shrink.length(), 1)).addi(1.0 / n);
            INDArray loo = yc.sub(fitted).diviColumnVector(leverage.rsub(1.0));
            double[] perTarget = loo.mul(loo).mean(0).toDoubleVector();
            double mean = Arrays.stream(perTarget).average().orElse(0);
            errorsByAlpha[a] = mean;
            if (alphaPerTarget) {
                for (int t = 0; t < targets; t++) {
                    if (perTarget[t] < bestError[t]) {
                        bestError[t] = perTarget[t];
                        chosen[t] = alpha;
                    }
                }
            } else if (mean < bestMean) {
                bestMean = mean;
                Arrays.fill(chosen, alpha);
            }
        }
        INDArray xtu = xc.transpose().mmul(u);
        INDArray weights = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, xs.columns(), targets);
        for (double alpha : Arrays.stream(chosen).distinct().toArray()) {
            int[] columns = java.util.stream.IntStream.range(0, targets).filter(t -> chosen[t] == alpha).toArray();
            INDArray inverse = s.add(alpha).rdivi(1.0).reshape(s.length(), 1);
            INDArray w = xtu.mmul(uty.getColumns(columns).mulColumnVector(inverse));
            for (int k = 0; k < columns.length; k++) {
                weights.putColumn(columns[k], w.getColumn(k));
            }
        }
        INDArray intercept = yMean.sub(xMean.mmul(weights));
        return new RidgeModel(Nd4jMatrices.rows(weights), intercept.toDoubleVector(), chosen, errorsByAlpha.clone());
    }

    /** Indices of eigenvalues above the rank tolerance. */
    private static int[] kept(INDArray values) {
        double[] v = values.toDoubleVector();
        double max = Arrays.stream(v).max().orElse(0);
        return java.util.stream.IntStream.range(0, v.length).filter(i -> v[i] > max * RELATIVE_RANK_TOLERANCE).toArray();
    }

    /** Log-spaced alphas from 10^from to 10^to, {@code count} of them. */
    public static double[] logSpace(double from, double to, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = Math.pow(10, from + (to - from) * i / Math.max(1, count - 1));
        }
        return out;
    }
}
