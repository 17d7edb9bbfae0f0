package org.neurodec.ingest.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.neurodec.ingest.IngestException;

/**
 * Where a NIfTI image's header and data are: one {@code .nii[.gz]} file, or a {@code .hdr[.gz]} and
 * {@code .img[.gz]} pair. Reads and validates the header, counts its extensions and checks that the
 * data the header promises can be in the data file.
 */
final class NiftiFiles {

    /** Extensions are looked at in at most this many bytes after the header. */
    private static final int EXTENSION_SCAN_LIMIT = 1 << 24;
    /** Deflate cannot expand data by more than about this factor. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private final Path headerFile;
    private final Path data;
    private final NiftiHeader header;
    private final long dataOffset;
    private final int extensionCount;
    private final boolean dataGzipped;

    private NiftiFiles(Path headerFile, Path data, NiftiHeader header, long dataOffset, int extensionCount) {
        this.headerFile = headerFile;
        this.data = data;
        this.dataGzipped = isGzip(data);
        this.header = header;
        this.dataOffset = dataOffset;
        this.extensionCount = extensionCount;
    }

    static NiftiFiles locate(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IngestException(file + ": not found or not a regular file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String bare = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        Path headerFile = bare.endsWith(".img") ? companion(file, ".hdr") : file;
        try {
            byte[] head = readHead(headerFile, NiftiHeader.NIFTI2_SIZE + 4);
            NiftiHeader header = NiftiHeaderReader.parse(headerFile, ByteBuffer.wrap(head));
            boolean pairName = bare.endsWith(".hdr") || bare.endsWith(".img");
            if (header.singleFile() && pairName) {
                throw IngestException.badField(headerFile, "magic", "'ni" + header.version()
                        + "' in the header of a .hdr/.img pair", "'n+" + header.version() + "' (a single-file magic)");
            }
            if (!header.singleFile() && !pairName) {
                throw IngestException.badField(headerFile, "magic", "'n+" + header.version()
                        + "' in a single .nii file", "'ni" + header.version() + "' (the magic of a .hdr/.img pair)");
            }
            long limit = header.singleFile() && header.voxOffset() > 0
                    ? Math.min(header.voxOffset(), EXTENSION_SCAN_LIMIT) : EXTENSION_SCAN_LIMIT;
            if (head.length > header.headerSize() && head[header.headerSize()] != 0) {
                head = readHead(headerFile, (int) limit);
            }
            int[] count = new int[1];
            long extensionEnd = countExtensions(headerFile, header,
                    ByteBuffer.wrap(head).order(header.byteOrder()), Math.min(limit, head.length), count);
            long offset;
            Path data;
            if (header.singleFile()) {
                data = headerFile;
                offset = header.voxOffset() == 0 ? extensionEnd : header.voxOffset();
                if (header.voxOffset() != 0 && header.voxOffset() < header.headerSize()) {
                    throw IngestException.badField(headerFile, "vox_offset", "0 or at least "
                            + header.headerSize() + " in a single file", header.voxOffset());
                }
            } else {
                data = bare.endsWith(".img") ? file : companion(file, ".img");
                offset = header.voxOffset();
            }
            NiftiFiles files = new NiftiFiles(headerFile, data, header, offset, count[0]);
            files.checkDataSize();
            return files;
        } catch (IOException e) {
            throw new IngestException(headerFile + ": could not read the header: " + e.getMessage(), e);
        }
    }

    Path headerFile() {
        return headerFile;
    }

    Path data() {
        return data;
    }

    NiftiHeader header() {
        return header;
    }

    long dataOffset() {
        return dataOffset;
    }

    int extensionCount() {
        return extensionCount;
    }

    boolean dataGzipped() {
        return dataGzipped;
    }

    private void checkDataSize() throws IOException {
        long needed = dataOffset + header.volumeCount() * header.bytesPerVolume();
        long size = Files.size(data);
        if (dataGzipped()) {
            if (size * MAX_DEFLATE_RATIO + 4096 < needed) {
                throw IngestException.badField(data, "dim", "data that a gzip file of " + size
                        + " bytes can hold (at most about " + size * MAX_DEFLATE_RATIO + " bytes)",
                        needed + " bytes for shape " + java.util.Arrays.toString(header.shape()));
            }
        } else if (size < needed) {
            throw IngestException.truncated(data, "data (shape " + java.util.Arrays.toString(header.shape())
                    + " of " + header.dataType().name().toLowerCase(Locale.ROOT) + " from offset " + dataOffset + ")",
                    needed, size);
        }
    }

    /** Counts the extensions after the header; returns the offset where they end. */
    private static long countExtensions(Path file, NiftiHeader header, ByteBuffer b, long limit, int[] count) {
        int position = header.headerSize();
        if (limit < position + 4 || b.get(position) == 0) {
            return position + 4L;
        }
        position += 4;
        while (position + 8 <= limit) {
            int esize = b.getInt(position);
            if (esize < 16 || position + (long) esize > limit) {
                throw IngestException.badField(file, "extension " + count[0] + " esize",
                        "a size of at least 16 bytes ending before byte " + limit, esize);
            }
            count[0]++;
            position += esize;
        }
        return position;
    }

    private static byte[] readHead(Path file, int max) throws IOException {
        try (InputStream in = isGzip(file) ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IngestException(file + ": corrupt gzip stream in the header: " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1F && in.read() == 0x8B;
        } catch (IOException e) {
            throw new IngestException(file + ": could not be read: " + e.getMessage(), e);
        }
    }

    private static Path companion(Path file, String suffix) {
        String name = file.getFileName().toString();
        boolean gz = name.toLowerCase(Locale.ROOT).endsWith(".gz");
        String stem = name.substring(0, name.length() - (gz ? 7 : 4));
        boolean upper = name.substring(stem.length()).equals(name.substring(stem.length()).toUpperCase(Locale.ROOT));
        String ext = upper ? suffix.toUpperCase(Locale.ROOT) : suffix;
        for (String candidate : new String[] {stem + ext, stem + ext + ".gz", stem + ext + ".GZ"}) {
            Path path = file.resolveSibling(candidate);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        throw new IngestException(file + ": the companion file " + file.resolveSibling(stem + ext)
                + " (or " + stem + ext + ".gz) is missing");
    }
}
