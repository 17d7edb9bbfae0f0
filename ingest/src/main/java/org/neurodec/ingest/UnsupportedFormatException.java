package org.neurodec.ingest;

/**
 * A file whose format neurodec does not read (no known signature or suffix, or a version or data
 * type it does not support), as opposed to a file of a known format that is broken: a caller may
 * try another reader or convert the file.
 */
public class UnsupportedFormatException extends IngestException {

    private static final long serialVersionUID = 1L;

    /** An error naming the file and what was found. */
    public UnsupportedFormatException(String message) {
        super(message);
    }
}
