package org.neurodec.encoders;

/**
 * The shape and training of a shared encoder.
 *
 * @param sharedDim width d of the shared space the backbone works in
 * @param blocks residual MLP blocks of the backbone
 * @param hidden width of each block's hidden layer
 * @param conv the EEG front end (ignored for fMRI)
 * @param temperature softmax temperature of the contrastive (InfoNCE) head
 * @param mseWeight weight of the regression head's MSE beside the contrastive loss
 * @param classWeight weight of the classification head's cross-entropy
 * @param learningRate AdamW peak learning rate (warm-up over the first 5 % of steps, cosine decay after)
 * @param weightDecay AdamW decoupled weight decay
 * @param epochs most epochs
 * @param batchSize trials per batch, mixed across subjects
 * @param patience epochs without a better validation score before stopping
 * @param seed seed of initialisation and batch order
 * @param gradientSurgery project each subject's backbone gradient off the others' conflicting ones (PCGrad)
 */
public record EncoderConfig(int sharedDim, int blocks, int hidden, Conv conv, double temperature, double mseWeight,
        double classWeight, double learningRate, double weightDecay, int epochs, int batchSize, int patience, long seed,
        boolean gradientSurgery) implements java.io.Serializable {

    /**
     * The EEG front end: each subject's adapter mixes its channels into {@code channels} common ones;
     * the backbone then filters each common channel in time ({@code filters} kernels of {@code kernel}
     * samples, depthwise), mixes the filtered signals across channels ({@code spatial} pointwise
     * kernels), averages over windows of {@code pool} samples and projects the result to d.
     *
     * @param channels common channels the adapters map into
     * @param filters temporal filters per common channel
     * @param kernel temporal kernel length in samples (odd)
     * @param spatial spatial filters after the temporal ones
     * @param pool average-pooling window in samples
     */
    public record Conv(int channels, int filters, int kernel, int spatial, int pool) implements java.io.Serializable {

        /** Checks the values. */
        public Conv {
            if (channels < 1 || filters < 1 || kernel < 1 || kernel % 2 == 0 || spatial < 1 || pool < 1) {
                throw new EncoderException("encoder config conv: expected positive sizes and an odd kernel, found " + this);
            }
        }
    }

    /** Checks the values. */
    public EncoderConfig {
        if (sharedDim < 1 || blocks < 0 || hidden < 1 || conv == null || !(temperature > 0) || mseWeight < 0
                || classWeight < 0 || !(learningRate > 0) || weightDecay < 0 || epochs < 1 || batchSize < 2 || patience < 1) {
            throw new EncoderException("encoder config: expected positive sizes, temperature and learning rate, batch >= 2,"
                    + " found " + this);
        }
    }

    /** Defaults for the synthetic cohort: d = 64, two blocks of 128, 60 epochs of batches of 64. */
    public static EncoderConfig defaults() {
        return new EncoderConfig(64, 2, 128, new Conv(16, 4, 9, 16, 4), 0.1, 1.0, 1.0, 2e-3, 1e-2, 60, 64, 10, 42L, false);
    }

    /** This config with another AdamW decoupled weight decay (≥ 0). */
    public EncoderConfig withWeightDecay(double value) {
        if (!(value >= 0)) {
            throw new EncoderException("weight decay: expected 0 or more, found " + value);
        }
        return new EncoderConfig(sharedDim, blocks, hidden, conv, temperature, mseWeight, classWeight, learningRate,
                value, epochs, batchSize, patience, seed, gradientSurgery);
    }

    /** This config with another seed. */
    public EncoderConfig withSeed(long value) {
        return new EncoderConfig(sharedDim, blocks, hidden, conv, temperature, mseWeight, classWeight, learningRate,
                weightDecay, epochs, batchSize, patience, value, gradientSurgery);
    }

    /** This config with another epoch budget (and patience no longer than it). */
    public EncoderConfig withEpochs(int value) {
        return new EncoderConfig(sharedDim, blocks, hidden, conv, temperature, mseWeight, classWeight, learningRate,
                weightDecay, value, batchSize, Math.min(patience, value), seed, gradientSurgery);
    }

    /** This config with gradient surgery on or off. */
    public EncoderConfig withGradientSurgery(boolean value) {
        return new EncoderConfig(sharedDim, blocks, hidden, conv, temperature, mseWeight, classWeight, learningRate,
                weightDecay, epochs, batchSize, patience, seed, value);
    }

    /** This config with another shared width, block count and hidden width. */
    public EncoderConfig withShape(int d, int blockCount, int hiddenWidth) {
        return new EncoderConfig(d, blockCount, hiddenWidth, conv, temperature, mseWeight, classWeight, learningRate,
                weightDecay, epochs, batchSize, patience, seed, gradientSurgery);
    }

    /** This config with another EEG front end. */
    public EncoderConfig withConv(Conv value) {
        return new EncoderConfig(sharedDim, blocks, hidden, value, temperature, mseWeight, classWeight, learningRate,
                weightDecay, epochs, batchSize, patience, seed, gradientSurgery);
    }

    /** This config with another peak learning rate, batch size and patience. */
    public EncoderConfig withTraining(double rate, int batch, int patienceEpochs) {
        return new EncoderConfig(sharedDim, blocks, hidden, conv, temperature, mseWeight, classWeight, rate, weightDecay,
                epochs, batch, patienceEpochs, seed, gradientSurgery);
    }
}
