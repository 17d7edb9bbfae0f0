package org.neurodec.ingest;

import java.nio.file.Path;

/**
 * The one unchecked exception of the ingest module: a file could not be read or written.
 *
 * <p>Messages name the file, the field and what was expected versus what was found, so that a user
 * can fix the input without reading code.
 */
public class IngestException extends org.neurodec.NeurodecException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete message. */
    public IngestException(String message) {
        super(message);
    }

    /** An error caused by another, which is kept as the cause. */
    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A field of a file holds a value that is not allowed: names the file, the field, expected and found. */
    public static IngestException badField(Path file, String field, String expected, Object found) {
        return new IngestException(
                file + ": field '" + field + "': expected " + expected + ", found " + found);
    }

    /** The file ended before the named part of it could be read. */
    public static IngestException truncated(Path file, String part, long expectedBytes, long foundBytes) {
        return new IngestException(file + ": truncated in '" + part + "': expected " + expectedBytes
                + " bytes, found " + foundBytes);
    }
}
