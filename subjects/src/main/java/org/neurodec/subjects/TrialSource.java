package org.neurodec.subjects;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where a study's trials come from: EEG recordings through a preprocessing pipeline, an HDF5 trial
 * matrix, a BIDS dataset (fMRI single-trial betas or EEG epochs), and the sources still to come. Every
 * reader of trials — classical jobs, the shared encoder's training, adaptation and transfer — asks
 * one of these for each subject and gets typed {@link SubjectTrials}.
 */
public interface TrialSource {

    /** The subjects it holds, in its own order (one subject with id "" when the data name none). */
    List<String> subjects();

    /** One subject's trials, read now; {@code progress} hears what is being read. */
    SubjectTrials load(String subject, Consumer<String> progress);

    /** Every file read so far, each with its role (for example {@code recording} or {@code trials}). */
    Map<Path, String> inputs();

    /** What is read and how, for provenance (the files themselves are in {@link #inputs()}). */
    Map<String, Object> provenance();
}
