package org.neurodec.encoders;

/**
 * Training stopped because the loss became NaN or infinite: a caller may retry with a lower learning
 * rate or another seed; the weights of the best epoch before it are not saved as a model.
 */
public class TrainingDivergedException extends EncoderException {

    private static final long serialVersionUID = 1L;

    /** An error naming the epoch, the batch and the loss. */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
