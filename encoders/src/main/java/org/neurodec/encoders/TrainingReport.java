package org.neurodec.encoders;

import java.util.List;

/**
 * What a training run did, epoch by epoch.
 *
 * @param losses mean training loss of each epoch
 * @param validationTop1 top-1 retrieval on the validation trials after each epoch
 * @param conflicts mean pairwise cosine between subjects' backbone gradients, measured on each epoch's first batch
 * @param bestEpoch the epoch (0-based) whose weights were kept
 * @param seconds wall time
 */
public record TrainingReport(List<Double> losses, List<Double> validationTop1, List<double[][]> conflicts,
        int bestEpoch, double seconds) {
}
