package org.neurodec.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the {@link FileFormat} of a file: magic bytes first, then the file name's suffix. */
public final class FileFormats {

    private static final List<FileFormat> FORMATS = ServiceLoader.load(FileFormat.class).stream()
            .map(ServiceLoader.Provider::get)
            .collect(Collectors.toUnmodifiableList());

    private FileFormats() {
    }

    /** Every format on the class path. */
    public static List<FileFormat> all() {
        return FORMATS;
    }

    /** The format of {@code file}; throws {@link IngestException} naming the file if none matches. */
    public static FileFormat detect(Path file) {
        FileHead head = FileHead.read(file);
        Optional<FileFormat> byMagic = FORMATS.stream().filter(f -> f.matchesMagic(head)).findFirst();
        if (byMagic.isPresent()) {
            return byMagic.get();
        }
        return FORMATS.stream().filter(f -> f.matchesSuffix(file)).findFirst()
                .orElseThrow(() -> new UnsupportedFormatException(file + ": unknown format: no signature of "
                        + FORMATS.stream().map(FileFormat::name).collect(Collectors.joining(", "))
                        + " in its first bytes, and no known suffix"));
    }
}
