package org.neurodec;

/**
 * The root of every exception neurodec throws for a reason a user can act on: a bad file, a bad
 * parameter, a job that cannot run. Each module has its own subclass ({@code IngestException},
 * {@code PreprocessException}, {@code SubjectsException}, {@code EncoderException},
 * {@code DecoderException}), and a few subclasses mark cases a caller treats differently
 * ({@link org.neurodec.ingest.UnsupportedFormatException}, {@link ConfigurationException},
 * {@code TrainingDivergedException}). The message always says what was expected and what was found;
 * the command line prints it as one line and exits with status 1.
 */
public class NeurodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete message. */
    public NeurodecException(String message) {
        super(message);
    }

    /** An error with a complete message and the failure that caused it. */
    public NeurodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
