package org.neurodec.encoders;

import java.util.List;

/**
 * What a training run did, epoch by epoch (a resumed run reports the epochs before it too).
 *
 * @param metric what the validation scores are: "top-1" retrieval, "AUC" or "balanced accuracy"
 * @param losses mean training loss of each epoch
 * @param validation the validation score after each epoch (minus the loss when there is no validation set)
 * @param conflicts pairwise cosines between subjects' backbone gradients, measured on each epoch's first batch
 * @param bestEpoch the epoch (0-based) whose weights were kept
 * @param seconds wall time of the epochs run, resumed runs included
 */
public record TrainingReport(String metric, List<Double> losses, List<Double> validation, List<double[][]> conflicts,
        int bestEpoch, double seconds) implements java.io.Serializable {

    /** A run of no epochs. */
    static TrainingReport empty() {
        return new TrainingReport("none", List.of(), List.of(), List.of(), -1, 0);
    }
}
