package org.neurodec.cli;

import org.neurodec.encoders.EncoderConfig;
import picocli.CommandLine.Option;

/** The encoder's size and training options, each defaulting to {@link EncoderConfig#defaults()}. */
final class TrainingOptions {

    private static final EncoderConfig DEFAULTS = EncoderConfig.defaults();

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "seed of the weights, batch order and split (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "most epochs (default: 60)")
    Integer epochs;

    @Option(names = "--dim", paramLabel = "D", description = "shared space dimension (default: 64)")
    Integer dim;

    @Option(names = "--blocks", paramLabel = "N", description = "residual blocks of the backbone (default: 2)")
    Integer blocks;

    @Option(names = "--hidden", paramLabel = "N", description = "hidden width of each block (default: 128)")
    Integer hidden;

    @Option(names = "--conv", split = ",", paramLabel = "C,F,K,S,P",
            description = "EEG front end: common channels, temporal filters per channel, kernel samples (odd), spatial"
                    + " filters, pooling window (default: 16,4,9,16,4)")
    int[] conv;

    @Option(names = "--batch-size", paramLabel = "N", description = "trials per batch (default: 64)")
    Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "AdamW peak learning rate (default: 0.002)")
    Double learningRate;

    @Option(names = "--patience", paramLabel = "N", description = "epochs without a better validation score before"
            + " stopping early (default: 10)")
    Integer patience;

    @Option(names = "--gradient-surgery", description = "project each subject's backbone gradient off the others'"
            + " conflicting ones (PCGrad)")
    boolean gradientSurgery;

    /** The defaults with every option given replacing its field. */
    EncoderConfig config() {
        EncoderConfig c = DEFAULTS.withSeed(seed).withGradientSurgery(gradientSurgery);
        c = c.withShape(dim == null ? c.sharedDim() : dim, blocks == null ? c.blocks() : blocks,
                hidden == null ? c.hidden() : hidden);
        if (conv != null) {
            if (conv.length != 5) {
                throw new org.neurodec.encoders.EncoderException("--conv: expected 5 numbers C,F,K,S,P, found " + conv.length);
            }
            c = c.withConv(new EncoderConfig.Conv(conv[0], conv[1], conv[2], conv[3], conv[4]));
        }
        c = c.withTraining(learningRate == null ? c.learningRate() : learningRate,
                batchSize == null ? c.batchSize() : batchSize, patience == null ? c.patience() : patience);
        return epochs == null ? c : c.withEpochs(epochs);
    }
}
