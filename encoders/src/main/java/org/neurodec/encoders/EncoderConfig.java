package org.neurodec.encoders;

/**
 * The shape and training of a shared encoder.
 *
 * @param sharedDim width d of the shared space the adapters map into
 * @param blocks residual MLP blocks of the backbone
 * @param hidden width of each block's hidden layer
 * @param temperature softmax temperature of the contrastive (InfoNCE) head
 * @param mseWeight weight of the regression head's MSE beside the contrastive loss
 * @param learningRate AdamW peak learning rate (warm-up over the first 5 % of steps, cosine decay after)
 * @param weightDecay AdamW decoupled weight decay
 * @param epochs most epochs
 * @param batchSize trials per batch, mixed across subjects
 * @param patience epochs without a better validation score before stopping
 * @param seed seed of initialisation and batch order
 * @param gradientSurgery project each subject's backbone gradient off the others' conflicting ones (PCGrad)
 */
public record EncoderConfig(int sharedDim, int blocks, int hidden, double temperature, double mseWeight,
        double learningRate, double weightDecay, int epochs, int batchSize, int patience, long seed,
        boolean gradientSurgery) {

    /** Checks the values. */
    public EncoderConfig {
        if (sharedDim < 1 || blocks < 0 || hidden < 1 || !(temperature > 0) || mseWeight < 0 || !(learningRate > 0)
                || weightDecay < 0 || epochs < 1 || batchSize < 2 || patience < 1) {
            throw new EncoderException("encoder config: expected positive sizes, temperature and learning rate, batch >= 2,"
                    + " found " + this);
        }
    }

    /** Defaults for the synthetic cohort: d = 64, two blocks of 128, 60 epochs of batches of 64. */
    public static EncoderConfig defaults() {
        return new EncoderConfig(64, 2, 128, 0.1, 1.0, 2e-3, 1e-2, 60, 64, 10, 42L, false);
    }

    /** This config with another seed. */
    public EncoderConfig withSeed(long value) {
        return new EncoderConfig(sharedDim, blocks, hidden, temperature, mseWeight, learningRate, weightDecay, epochs,
                batchSize, patience, value, gradientSurgery);
    }

    /** This config with another epoch budget. */
    public EncoderConfig withEpochs(int value) {
        return new EncoderConfig(sharedDim, blocks, hidden, temperature, mseWeight, learningRate, weightDecay, value,
                batchSize, patience, seed, gradientSurgery);
    }

    /** This config with gradient surgery on or off. */
    public EncoderConfig withGradientSurgery(boolean value) {
        return new EncoderConfig(sharedDim, blocks, hidden, temperature, mseWeight, learningRate, weightDecay, epochs,
                batchSize, patience, seed, value);
    }
}
