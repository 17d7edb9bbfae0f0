package org.neurodec.subjects;

/**
 * What a subject's data is: fMRI trial responses over voxels, EEG epochs over channels and time, or a
 * trial matrix of features computed elsewhere.
 */
public enum Modality {
    /** Single-trial betas, trials × voxels. */
    FMRI,
    /** Epochs, trials × channels × times. */
    EEG,
    /** A trial matrix read as it is (for example an HDF5 {@code x}), trials × features. */
    FEATURES
}
