package org.neurodec.decoders;

/** A decoder was given data it cannot use; the message names what was expected and found. */
public class DecoderException extends org.neurodec.NeurodecException {

    private static final long serialVersionUID = 1L;

    /** With a message naming the input, what was expected and what was found. */
    public DecoderException(String message) {
        super(message);
    }

    /** With a message and the failure that caused it. */
    public DecoderException(String message, Throwable cause) {
        super(message, cause);
    }
}
