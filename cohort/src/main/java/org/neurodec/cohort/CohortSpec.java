package org.neurodec.cohort;

/**
 * The sizes and noise of a synthetic cohort. Every subject sees the same stimuli; each has its own
 * voxel count and channel montage, its own mapping from the shared neural code to responses, its own
 * HRF and its own drift and noise.
 *
 * @param seed the seed of everything random in the cohort
 * @param subjects how many subjects (each with an fMRI and an EEG session)
 * @param images how many images (PNG)
 * @param wordCategories how many semantic categories of words (at most {@link Vocabulary#CATEGORIES})
 * @param wordsPerCategory words per category (at most {@link Vocabulary#WORDS_PER_CATEGORY})
 * @param latentDim dimension of the stimuli's latent description
 * @param codeDim dimension of the shared neural code every brain responds to
 * @param featureDim dimension of the stimulus features a decoder predicts
 * @param minVoxels fewest voxels of a subject
 * @param maxVoxels most voxels of a subject (at most the 12 × 12 × 8 grid)
 * @param fmriRuns functional runs per subject (the trials are split among them)
 * @param tr repetition time in seconds
 * @param fmriSnr standard deviation of trial amplitudes over that of the noise, per voxel
 * @param minChannels fewest EEG channels of a subject
 * @param maxChannels most EEG channels (at most the 32 of the montage pool)
 * @param eegRepetitions how often each stimulus is shown in the EEG session
 * @param eegSnr evoked amplitude over noise, per channel
 * @param inconsistentSubject index (0-based) of a subject whose responses follow its own code, or -1
 */
public record CohortSpec(long seed, int subjects, int images, int wordCategories, int wordsPerCategory, int latentDim,
        int codeDim, int featureDim, int minVoxels, int maxVoxels, int fmriRuns, double tr, double fmriSnr,
        int minChannels, int maxChannels, int eegRepetitions, double eegSnr, int inconsistentSubject) {

    /** Grid of the fMRI volumes (voxels of a subject are a random subset). */
    public static final int[] GRID = {12, 12, 8};

    /** Checks the sizes. */
    public CohortSpec {
        require(subjects >= 1, "subjects", ">= 1", subjects);
        require(images >= 2, "images", ">= 2", images);
        require(wordCategories >= 1 && wordCategories <= Vocabulary.CATEGORIES, "wordCategories",
                "1.." + Vocabulary.CATEGORIES, wordCategories);
        require(wordsPerCategory >= 1 && wordsPerCategory <= Vocabulary.WORDS_PER_CATEGORY, "wordsPerCategory",
                "1.." + Vocabulary.WORDS_PER_CATEGORY, wordsPerCategory);
        require(latentDim >= 1 && codeDim >= 1 && featureDim >= 1, "latentDim/codeDim/featureDim", ">= 1",
                latentDim + "/" + codeDim + "/" + featureDim);
        require(minVoxels >= 1 && minVoxels <= maxVoxels && maxVoxels <= GRID[0] * GRID[1] * GRID[2], "voxels",
                "1 <= min <= max <= " + GRID[0] * GRID[1] * GRID[2], minVoxels + ".." + maxVoxels);
        require(fmriRuns >= 1, "fmriRuns", ">= 1", fmriRuns);
        require(tr > 0, "tr", "> 0", tr);
        require(fmriSnr > 0 && eegSnr > 0, "snr", "> 0", fmriSnr + "/" + eegSnr);
        require(minChannels >= 1 && minChannels <= maxChannels && maxChannels <= Montage.POOL.size(), "channels",
                "1 <= min <= max <= " + Montage.POOL.size(), minChannels + ".." + maxChannels);
        require(eegRepetitions >= 1, "eegRepetitions", ">= 1", eegRepetitions);
        require(inconsistentSubject >= -1 && inconsistentSubject < subjects, "inconsistentSubject",
                "-1 or a subject index", inconsistentSubject);
    }

    /** The default cohort: 5 subjects, 100 images and 60 words, small enough for tests and the demo. */
    public static CohortSpec defaults() {
        return new CohortSpec(20261125L, 5, 100, 6, 10, 12, 24, 32, 150, 250, 4, 1.0, 2.0, 12, 24, 2, 1.0, -1);
    }

    /** This cohort with another seed. */
    public CohortSpec withSeed(long value) {
        return new CohortSpec(value, subjects, images, wordCategories, wordsPerCategory, latentDim, codeDim, featureDim,
                minVoxels, maxVoxels, fmriRuns, tr, fmriSnr, minChannels, maxChannels, eegRepetitions, eegSnr,
                inconsistentSubject);
    }

    /** This cohort with another subject count and inconsistent subject (-1 for none). */
    public CohortSpec withSubjects(int count, int inconsistent) {
        return new CohortSpec(seed, count, images, wordCategories, wordsPerCategory, latentDim, codeDim, featureDim,
                minVoxels, maxVoxels, fmriRuns, tr, fmriSnr, minChannels, maxChannels, eegRepetitions, eegSnr,
                inconsistent);
    }

    /** This cohort with other stimulus counts. */
    public CohortSpec withStimuli(int imageCount, int categories, int perCategory) {
        return new CohortSpec(seed, subjects, imageCount, categories, perCategory, latentDim, codeDim, featureDim,
                minVoxels, maxVoxels, fmriRuns, tr, fmriSnr, minChannels, maxChannels, eegRepetitions, eegSnr,
                inconsistentSubject);
    }

    /** This cohort with other signal-to-noise ratios. */
    public CohortSpec withSnr(double fmri, double eeg) {
        return new CohortSpec(seed, subjects, images, wordCategories, wordsPerCategory, latentDim, codeDim, featureDim,
                minVoxels, maxVoxels, fmriRuns, tr, fmri, minChannels, maxChannels, eegRepetitions, eeg,
                inconsistentSubject);
    }

    /** How many stimuli in all (images, then words). */
    public int stimuli() {
        return images + wordCategories * wordsPerCategory;
    }

    private static void require(boolean ok, String field, String expected, Object found) {
        if (!ok) {
            throw new IllegalArgumentException("cohort " + field + ": expected " + expected + ", found " + found);
        }
    }
}
