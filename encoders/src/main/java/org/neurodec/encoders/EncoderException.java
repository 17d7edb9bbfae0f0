package org.neurodec.encoders;

/** The root of the encoders module's errors: a config, model folder or training input that cannot be used. */
public class EncoderException extends org.neurodec.NeurodecException {

    private static final long serialVersionUID = 1L;

    /** An error with its message. */
    public EncoderException(String message) {
        super(message);
    }

    /** An error with its message and cause. */
    public EncoderException(String message, Throwable cause) {
        super(message, cause);
    }
}
