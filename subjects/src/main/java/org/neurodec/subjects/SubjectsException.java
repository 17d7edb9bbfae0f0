package org.neurodec.subjects;

/** The root of the subjects module's errors: a registry, trial set or adapter fit that cannot be used. */
public class SubjectsException extends org.neurodec.NeurodecException {

    private static final long serialVersionUID = 1L;

    /** An error with its message. */
    public SubjectsException(String message) {
        super(message);
    }

    /** An error with its message and cause. */
    public SubjectsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A shape that does not fit: what, expected and found. */
    public static SubjectsException shape(String what, String expected, String found) {
        return new SubjectsException(what + ": expected " + expected + ", found " + found);
    }
}
