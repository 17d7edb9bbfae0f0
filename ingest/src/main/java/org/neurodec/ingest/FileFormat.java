package org.neurodec.ingest;

import java.nio.file.Path;
import java.util.Map;

/**
 * A file format that neurodec can recognise and describe; implementations are found with
 * {@link java.util.ServiceLoader} (see {@link FileFormats}).
 */
public interface FileFormat {

    /** Short lower-case name, for example {@code "nifti"} or {@code "hdf5"}. */
    String name();

    /** Whether the file's first bytes carry this format's signature. */
    boolean matchesMagic(FileHead head);

    /** Whether the file name ends with one of this format's usual suffixes (the fallback after magic). */
    boolean matchesSuffix(Path file);

    /**
     * What a user needs to trust the file, as an ordered tree of JSON-ready values (maps, lists,
     * strings, numbers, booleans). Streams through the data; never holds the whole file in memory.
     */
    Map<String, Object> describe(Path file);
}
