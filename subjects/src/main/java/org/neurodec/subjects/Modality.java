package org.neurodec.subjects;

/** What a subject's data is: fMRI trial responses over voxels, or EEG epochs over channels and time. */
public enum Modality {
    /** Single-trial betas, trials × voxels. */
    FMRI,
    /** Epochs, trials × channels × times. */
    EEG
}
