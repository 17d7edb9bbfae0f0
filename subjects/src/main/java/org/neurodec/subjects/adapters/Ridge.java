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
        int targets = y[0].length;
        double[] bestError = new double[targets];
        double[] chosen = new double[targets];
        Arrays.fill(bestError, Double.POSITIVE_INFINITY);
        double bestMean = Double.POSITIVE_INFINITY;
        double[] errorsByAlpha = new double[alphas.length];
        double[] uRows = u.dup('c').data().asDouble();
        double[] ycRows = yc.dup('c').data().asDouble();
        double[] values = s.toDoubleVector();
        double[] projected = uty.dup('c').data().asDouble();
        for (int a = 0; a < alphas.length; a++) {
            double[] perTarget = leaveOneOutErrors(uRows, ycRows, values, projected, alphas[a], n, targets);
            double mean = Arrays.stream(perTarget).average().orElse(0);
            errorsByAlpha[a] = mean;
            if (alphaPerTarget) {
                for (int t = 0; t < targets; t++) {
                    if (perTarget[t] < bestError[t]) {
                        bestError[t] = perTarget[t];
                        chosen[t] = alphas[a];
                    }
                }
            } else if (mean < bestMean) {
                bestMean = mean;
                Arrays.fill(chosen, alphas[a]);
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

    /**
     * Each target's mean squared leave-one-out error at penalty {@code alpha}, from the thin
     * decomposition Xc = U diag(√s) Vᵀ: fitted values U diag(s / (s + α)) Uᵀ Yc, leverages
     * 1/n + Σ u² s / (s + α) (the intercept's 1/n included), errors (y − ŷ) / (1 − leverage). On flat
     * row-major arrays, blocks of rows in parallel and summed in block order: at 129,000 rows (an EEG
     * adapter's samples) a per-element array library spends seconds here, this a few milliseconds.
     */
    private static double[] leaveOneOutErrors(double[] u, double[] yc, double[] values, double[] uty, double alpha, int n,
            int targets) {
        int k = values.length;
        double[] shrink = new double[k];
        double[] weighted = new double[k * targets];
        for (int j = 0; j < k; j++) {
            shrink[j] = values[j] / (values[j] + alpha);
            for (int t = 0; t < targets; t++) {
                weighted[j * targets + t] = shrink[j] * uty[j * targets + t];
            }
        }
        int block = 4096;
        int blocks = (n + block - 1) / block;
        double[][] sums = new double[blocks][targets];
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
            double[] fitted = new double[targets];
            double[] sum = sums[b];
            for (int i = b * block; i < Math.min(n, (b + 1) * block); i++) {
                double leverage = 1.0 / n;
                Arrays.fill(fitted, 0);
                for (int j = 0; j < k; j++) {
                    double uij = u[i * k + j];
                    leverage += uij * uij * shrink[j];
                    for (int t = 0; t < targets; t++) {
                        fitted[t] += uij * weighted[j * targets + t];
                    }
                }
                double scale = 1 / (1 - leverage);
                for (int t = 0; t < targets; t++) {
                    double e = (yc[i * targets + t] - fitted[t]) * scale;
                    sum[t] += e * e;
                }
            }
        });
        double[] out = new double[targets];
        for (double[] sum : sums) {
            for (int t = 0; t < targets; t++) {
                out[t] += sum[t];
            }
        }
        for (int t = 0; t < targets; t++) {
            out[t] /= n;
        }
        return out;
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
