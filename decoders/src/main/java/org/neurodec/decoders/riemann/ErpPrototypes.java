package org.neurodec.decoders.riemann;

import java.util.List;
import org.neurodec.decoders.DecoderException;
import org.neurodec.subjects.riemann.Covariances;
import org.neurodec.subjects.riemann.Spd;

/**
 * ERP-prototype covariances for event-related potentials (P300, N170; Barachant and Congedo 2014,
 * pyRiemann's {@code ERPCovariances}): the training trials' mean waveform of each class is stacked
 * above every trial (channels × classes + channels rows), so the covariance of this super-trial carries
 * the trial's correlation with each class's evoked response, which a plain covariance loses.
 */
public final class ErpPrototypes {

    private final double[][] prototypes;

    private ErpPrototypes(double[][] prototypes) {
        this.prototypes = prototypes;
    }

    /** The class means of {@code trials} (channels × times each) with labels 0..classes−1; every class needs a trial. */
    public static ErpPrototypes fit(List<double[][]> trials, int[] labels, int classes) {
        if (trials.isEmpty() || trials.size() != labels.length) {
            throw new DecoderException("ERP prototypes: expected one label per trial, found " + labels.length + " for "
                    + trials.size() + " trials");
        }
        int channels = trials.get(0).length;
        int times = trials.get(0)[0].length;
        double[][] out = new double[classes * channels][times];
        int[] counts = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            double[][] x = trials.get(i);
            for (int c = 0; c < channels; c++) {
                double[] row = out[labels[i] * channels + c];
                for (int t = 0; t < times; t++) {
                    row[t] += x[c][t];
                }
            }
        }
        for (int k = 0; k < classes; k++) {
            if (counts[k] == 0) {
                throw new DecoderException("ERP prototypes: class " + k + " has no training trial");
            }
            for (int c = 0; c < channels; c++) {
                for (int t = 0; t < times; t++) {
                    out[k * channels + c][t] /= counts[k];
                }
            }
        }
        return new ErpPrototypes(out);
    }

    /** The covariance of the super-trial [prototypes; trial], (classes + 1) × channels square. */
    public Spd covariance(double[][] trial, Covariances.Estimator estimator, double shrinkage) {
        double[][] stacked = new double[prototypes.length + trial.length][];
        System.arraycopy(prototypes, 0, stacked, 0, prototypes.length);
        System.arraycopy(trial, 0, stacked, prototypes.length, trial.length);
        if (trial[0].length != prototypes[0].length) {
            throw new DecoderException("ERP prototypes: expected trials of " + prototypes[0].length + " samples, found "
                    + trial[0].length);
        }
        return Covariances.estimate(stacked, estimator, shrinkage);
    }
}
