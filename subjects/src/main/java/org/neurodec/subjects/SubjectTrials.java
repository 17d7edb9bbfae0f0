package org.neurodec.subjects;

import java.util.List;

/**
 * One subject's trials as a {@link TrialSource} gives them: the values (with their shape and each
 * trial's stimulus id), the registry entry describing their space, what is known of each trial, and
 * for EEG epochs the time axis.
 *
 * @param trials the values, trials × channels × times (EEG) or trials × features
 * @param entry the registry entry: shape and channel names, or mask and affine
 * @param info each trial's subject, session, run, label, stimulus and source, in the trials' order
 * @param tmin EEG: the time of an epoch's first sample in seconds (NaN otherwise)
 * @param sfreq EEG: the epochs' sampling rate in Hz (NaN otherwise)
 * @param images each trial's stimulus image, when the data carry them (null otherwise)
 * @param secondsPerTrial how long a trial took on average, recording time over trials (NaN when unknown)
 */
public record SubjectTrials(TrialSet trials, Subject entry, List<TrialInfo> info, double tmin, double sfreq,
        TrialImages images, double secondsPerTrial) {

    /** Checks that there is one info and (when given) one image per trial and that the stimulus ids agree. */
    public SubjectTrials {
        info = List.copyOf(info);
        if (info.size() != trials.trials()) {
            throw SubjectsException.shape("trial information of subject " + trials.subject(), trials.trials() + " entries",
                    info.size() + "");
        }
        for (int t = 0; t < info.size(); t++) {
            if (!info.get(t).stimulus().equals(trials.stimuli().get(t))) {
                throw new SubjectsException("subject " + trials.subject() + ", trial " + t + ": expected the stimulus id "
                        + trials.stimuli().get(t) + " of its values, found " + info.get(t).stimulus());
            }
        }
        if (images != null && images.size() != trials.trials()) {
            throw SubjectsException.shape("images of subject " + trials.subject(), trials.trials() + " images",
                    images.size() + "");
        }
    }

    /** Each trial's label, in order. */
    public List<String> labels() {
        return info.stream().map(TrialInfo::label).toList();
    }

    /**
     * Stimulus images, one per trial, grey levels in [0, 1], row-major {@code width} × {@code height}.
     *
     * @param width pixels per row
     * @param height rows
     * @param pixels trials × (width × height)
     */
    public record TrialImages(int width, int height, double[][] pixels) {

        /** Checks every image's size. */
        public TrialImages {
            for (double[] image : pixels) {
                if (image.length != (long) width * height) {
                    throw SubjectsException.shape("stimulus image", width + " × " + height + " pixels", image.length + "");
                }
            }
        }

        /** How many images. */
        public int size() {
            return pixels.length;
        }
    }
}
