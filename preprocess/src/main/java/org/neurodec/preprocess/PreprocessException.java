package org.neurodec.preprocess;

/**
 * The one unchecked exception of the preprocess module: parameters that cannot work with the data
 * (a cutoff at or above Nyquist, a signal shorter than a filter's padding), reported before any
 * work starts, with the parameter, what was expected and what was found.
 */
public class PreprocessException extends org.neurodec.NeurodecException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete message. */
    public PreprocessException(String message) {
        super(message);
    }

    /** An error with a complete message and the failure that caused it. */
    public PreprocessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A parameter has a value that cannot work: names it, what was expected and what was found. */
    public static PreprocessException badParameter(String parameter, String expected, Object found) {
        return new PreprocessException("parameter '" + parameter + "': expected " + expected + ", found " + found);
    }
}
