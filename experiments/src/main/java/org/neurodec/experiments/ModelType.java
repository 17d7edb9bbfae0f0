package org.neurodec.experiments;

import java.util.List;
import java.util.Set;

/**
 * A kind of model a job can name in {@code model.type}: a plug-in found with
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.neurodec.experiments.ModelType}). It declares its name, its keys with
 * their defaults and ranges, what data it accepts and whether it classifies or reconstructs; the
 * registry ({@link ModelTypes}) checks those before {@link #create} is called, so a type checks only
 * what is particular to it. Adding a decoder is one new file and one line in the services file.
 */
public interface ModelType {

    /** What a job's data can be. */
    enum Data {
        /** EEG epochs, trials × channels × samples (a job's {@code data.eeg}). */
        EEG_EPOCHS,
        /** A trials × features matrix (a job's {@code data.hdf5}). */
        TRIAL_MATRIX
    }

    /**
     * One key of the {@code model} section.
     *
     * @param name the key
     * @param fallback its default, as it would be written in YAML
     * @param meaning what it sets and its range
     */
    record Key(String name, String fallback, String meaning) {
    }

    /** The name a job gives in {@code model.type}. */
    String name();

    /** One line on what it does. */
    String summary();

    /** Its keys besides {@code type}, in the order they are listed. */
    List<Key> keys();

    /** The data it accepts. */
    Set<Data> accepts();

    /** Whether it predicts classes (else images). */
    default boolean classifies() {
        return true;
    }

    /** The fewest classes it works with (classifiers). */
    default int minClasses() {
        return 2;
    }

    /** The most classes it works with (classifiers). */
    default int maxClasses() {
        return Integer.MAX_VALUE;
    }

    /**
     * The model for {@code section}, checked against {@code data}; with {@code data} null, only the
     * section's values are checked (before any data is read).
     *
     * @throws org.neurodec.ConfigurationException naming the job file and the key
     */
    JobModel create(Job.Section section, TrialData data);
}
