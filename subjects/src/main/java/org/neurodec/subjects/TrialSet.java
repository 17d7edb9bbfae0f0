package org.neurodec.subjects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One subject's trials as a row-major float32 matrix, trials × features, where a trial's features are
 * its voxels (fMRI) or its channels × times (EEG, channel-major), with the stimulus id of each trial.
 */
public final class TrialSet {

    private final String subject;
    private final Modality modality;
    private final int channels;
    private final int times;
    private final float[] values;
    private final List<String> stimuli;

    private TrialSet(String subject, Modality modality, int channels, int times, float[] values, List<String> stimuli) {
        if ((long) channels * times * stimuli.size() != values.length) {
            throw SubjectsException.shape("trials of subject " + subject, stimuli.size() + " × " + channels + " × " + times
                    + " values", values.length + "");
        }
        this.subject = subject;
        this.modality = modality;
        this.channels = channels;
        this.times = times;
        this.values = values;
        this.stimuli = List.copyOf(stimuli);
    }

    /** fMRI trials: {@code values} is trials × voxels, row-major; the array is kept, not copied. */
    public static TrialSet wrapFmri(String subject, int voxels, float[] values, List<String> stimuli) {
        return new TrialSet(subject, Modality.FMRI, voxels, 1, values, stimuli);
    }

    /** A trial matrix of other features: {@code values} is trials × features, row-major; the array is kept, not copied. */
    public static TrialSet wrapFeatures(String subject, int features, float[] values, List<String> stimuli) {
        return new TrialSet(subject, Modality.FEATURES, features, 1, values, stimuli);
    }

    /** EEG trials: {@code values} is trials × channels × times, row-major; the array is kept, not copied. */
    public static TrialSet wrapEeg(String subject, int channels, int times, float[] values, List<String> stimuli) {
        return new TrialSet(subject, Modality.EEG, channels, times, values, stimuli);
    }

    /** The subject's id. */
    public String subject() {
        return subject;
    }

    /** fMRI, EEG or other features. */
    public Modality modality() {
        return modality;
    }

    /** How many trials. */
    public int trials() {
        return stimuli.size();
    }

    /** Voxels (fMRI), channels (EEG) or features (a trial matrix). */
    public int channels() {
        return channels;
    }

    /** Samples per trial (1 for fMRI and a trial matrix). */
    public int times() {
        return times;
    }

    /** Features per trial: channels × times. */
    public int features() {
        return channels * times;
    }

    /** The stimulus id of each trial. */
    public List<String> stimuli() {
        return stimuli;
    }

    /** A copy of trial {@code t}'s features. */
    public float[] row(int t) {
        return Arrays.copyOfRange(values, t * features(), (t + 1) * features());
    }

    /** Copies trial {@code t}'s features into {@code out} at {@code offset}. */
    public void copyRow(int t, float[] out, int offset) {
        System.arraycopy(values, t * features(), out, offset, features());
    }

    /** A copy of all values, trials × features, row-major. */
    public float[] copyOfValues() {
        return values.clone();
    }

    /** The same trials (sharing their values) labelled as another subject's. */
    public TrialSet withSubject(String id) {
        return new TrialSet(id, modality, channels, times, values, stimuli);
    }

    /** The trials at these indices, in this order. */
    public TrialSet select(int[] indices) {
        float[] out = new float[indices.length * features()];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < indices.length; i++) {
            copyRow(indices[i], out, i * features());
            ids.add(stimuli.get(indices[i]));
        }
        return new TrialSet(subject, modality, channels, times, out, ids);
    }

    /** Trial {@code t}'s value at channel {@code c} and sample {@code s} (voxel or feature {@code c} when there is one sample). */
    public float get(int t, int c, int s) {
        return values[(t * channels + c) * times + s];
    }

    /**
     * These trials with each feature (channel × time) z-scored by the mean and population standard
     * deviation over the trials {@code reference} (for example a subject's unlabelled trials, or a new
     * subject's calibration trials only); a feature constant there becomes 0.
     */
    public TrialSet standardisedBy(int[] reference) {
        int p = features();
        if (reference.length < 2) {
            throw new SubjectsException("standardising subject " + subject + ": expected 2 or more reference trials, found "
                    + reference.length);
        }
        double[] mean = new double[p];
        double[] var = new double[p];
        for (int t : reference) {
            for (int j = 0; j < p; j++) {
                mean[j] += values[t * p + j] / (double) reference.length;
            }
        }
        for (int t : reference) {
            for (int j = 0; j < p; j++) {
                double d = values[t * p + j] - mean[j];
                var[j] += d * d / reference.length;
            }
        }
        float[] out = new float[values.length];
        for (int t = 0; t < trials(); t++) {
            for (int j = 0; j < p; j++) {
                double sd = Math.sqrt(var[j]);
                out[t * p + j] = sd > 0 ? (float) ((values[t * p + j] - mean[j]) / sd) : 0f;
            }
        }
        return new TrialSet(subject, modality, channels, times, out, stimuli);
    }

    /** The trials as double rows (for closed-form fits). */
    public double[][] toRows() {
        double[][] rows = new double[trials()][features()];
        for (int t = 0; t < trials(); t++) {
            for (int f = 0; f < features(); f++) {
                rows[t][f] = values[t * features() + f];
            }
        }
        return rows;
    }
}
