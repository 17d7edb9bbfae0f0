package org.neurodec.ingest.hdf5;

import java.util.Objects;
import java.util.Optional;

/**
 * Which datasets of an HDF5 file hold a trial matrix, and how to scale it. The first dimension of
 * {@code data} is trials; the others (voxels, or x × y × z for NSD-style beta volumes) are flattened
 * in C order into features.
 *
 * @param data path of the trials × … dataset
 * @param labels path of a dataset with one label or stimulus id per trial, if any
 * @param divisor stored values are divided by this (NSD stores betas × 300 as int16); 1 for none
 * @param divisorAttribute name of an attribute of {@code data} holding the divisor, if any (overrides {@code divisor})
 * @param features indices of the flattened features to keep (a voxel selection), or null for all
 */
public record TrialMatrixSpec(String data, Optional<String> labels, double divisor,
        Optional<String> divisorAttribute, int[] features) {

    /** Validates the paths and the divisor; copies the feature selection. */
    public TrialMatrixSpec {
        Objects.requireNonNull(data, "data");
        if (data.isBlank()) {
            throw new IllegalArgumentException("the trial matrix needs a dataset path");
        }
        if (!(divisor != 0 && Double.isFinite(divisor))) {
            throw new IllegalArgumentException("divisor must be finite and non-zero, got " + divisor);
        }
        features = features == null ? null : features.clone();
    }

    /** All features of {@code data}, unscaled, no labels. */
    public static TrialMatrixSpec of(String data) {
        return new TrialMatrixSpec(data, Optional.empty(), 1.0, Optional.empty(), null);
    }

    /** The same, with labels from {@code path}. */
    public TrialMatrixSpec withLabels(String path) {
        return new TrialMatrixSpec(data, Optional.of(path), divisor, divisorAttribute, features);
    }

    /** The same, with values divided by {@code value}. */
    public TrialMatrixSpec dividedBy(double value) {
        return new TrialMatrixSpec(data, labels, value, Optional.empty(), features);
    }

    /** The same, with the divisor read from an attribute of the data set. */
    public TrialMatrixSpec dividedByAttribute(String name) {
        return new TrialMatrixSpec(data, labels, divisor, Optional.of(name), features);
    }

    /** The same, keeping only the given flattened feature indices (for example the voxels of a mask). */
    public TrialMatrixSpec selecting(int... indices) {
        return new TrialMatrixSpec(data, labels, divisor, divisorAttribute, indices);
    }

    @Override
    public int[] features() {
        return features == null ? null : features.clone();
    }
}
