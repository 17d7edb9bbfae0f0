package org.neurodec.subjects.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurodec.subjects.SubjectsException;

/**
 * The deterministic shared response model (Chen et al. 2015): each subject's responses to the same
 * stimuli, voxels × trials, are modelled as {@code W_i S} with orthonormal-column bases {@code W_i} of
 * the subject's own and a shared k × trials response S, fitted by alternating S = mean W_i^T X_i and
 * W_i = the orthogonal polar factor of X_i S^T. A new subject's basis is fitted from its own
 * responses to some of the stimuli with S held fixed.
 *
 * @param bases per subject, voxels × k
 * @param shared k × trials
 * @param objective ||X_i - W_i S||² summed over subjects, per iteration
 */
public record Srm(List<double[][]> bases, double[][] shared, double[] objective) {

    /** Fits k shared features to subjects' trials (each trials × voxels, the same stimuli in the same order). */
    public static Srm fit(List<double[][]> subjects, int k, int iterations, long seed) {
        int trials = subjects.get(0).length;
        for (double[][] x : subjects) {
            if (x.length != trials || x[0].length < k) {
                throw SubjectsException.shape("SRM subject", trials + " trials of at least " + k + " voxels",
                        x.length + " trials of " + x[0].length + " voxels");
            }
        }
        Random random = new Random(seed);
        List<INDArray> xs = new ArrayList<>();
        List<INDArray> ws = new ArrayList<>();
        for (double[][] x : subjects) {
            INDArray xi = Nd4jMatrices.of(x).transpose().dup();
            xs.add(xi.subColumnVector(xi.mean(1).reshape(xi.rows(), 1)));
            double[][] start = new double[x[0].length][k];
            for (double[] row : start) {
                for (int j = 0; j < k; j++) {
                    row[j] = random.nextGaussian();
                }
            }
            ws.add(Procrustes.polar(Nd4jMatrices.of(start)));
        }
        double[] objective = new double[iterations];
        INDArray s = null;
        for (int it = 0; it < iterations; it++) {
            s = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, k, trials);
            for (int i = 0; i < xs.size(); i++) {
                s.addi(ws.get(i).transpose().mmul(xs.get(i)));
            }
            s.divi(xs.size());
            double total = 0;
            for (int i = 0; i < xs.size(); i++) {
                ws.set(i, Procrustes.polar(xs.get(i).mmul(s.transpose())));
                INDArray residual = xs.get(i).sub(ws.get(i).mmul(s));
                total += residual.mul(residual).sumNumber().doubleValue();
            }
            objective[it] = total;
        }
        List<double[][]> bases = ws.stream().map(Nd4jMatrices::rows).toList();
        return new Srm(bases, Nd4jMatrices.rows(s), objective);
    }

    /** A new subject's basis from its trials (trials × voxels) of the stimuli at {@code columns} of S. */
    public double[][] fitNewSubject(double[][] trials, int[] columns) {
        INDArray x = Nd4jMatrices.of(trials).transpose().dup();
        x = x.subColumnVector(x.mean(1).reshape(x.rows(), 1));
        INDArray s = Nd4jMatrices.of(shared).getColumns(columns);
        return Nd4jMatrices.rows(Procrustes.polar(x.mmul(s.transpose())));
    }

    /** The shared-space responses of a subject's trials (trials × voxels, centred with their own mean). */
    public static double[][] project(double[][] basis, double[][] trials) {
        INDArray x = Nd4jMatrices.of(trials);
        x = x.subRowVector(Nd4jMatrices.columnMeans(x));
        return Nd4jMatrices.rows(x.mmul(Nd4jMatrices.of(basis)));
    }
}
