package org.neurodec;

/**
 * A configuration that cannot work: a job or config file, or a command's options, with a key or an
 * option of the wrong kind or out of range. Nothing has been read or computed when it is thrown, so
 * a caller (a notebook, a batch driver) can fix the configuration and try again.
 */
public class ConfigurationException extends NeurodecException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete message naming the file or option, the key, expected and found. */
    public ConfigurationException(String message) {
        super(message);
    }

    /** The same, with the failure that caused it. */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
