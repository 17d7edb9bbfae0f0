package org.neurodec.ingest.eeg.eeglab;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.InflaterInputStream;
import org.neurodec.ingest.IngestException;

/**
 * Walks the element tags of a MATLAB v5 MAT file, streaming (compressed variables are inflated on
 * the fly, never held), and refuses a file whose tags claim more bytes than their enclosing element
 * or the file holds, or whose array dimensions claim more elements than their data can carry. The
 * MAT library allocates what tags claim, so a corrupt file of a few hundred kilobytes could otherwise
 * ask for gigabytes; after this check every allocation is bounded by the file's real content.
 */
final class Mat5Layout {

    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    private static final int SPARSE_CLASS = 5;
    private static final int MAX_DEPTH = 64;

    private final Path file;
    private InputStream in;
    private boolean littleEndian;
    private long position;

    private Mat5Layout(Path file) {
        this.file = file;
    }

    /** Checks {@code file}'s element layout; throws an {@link IngestException} naming the first bad tag. */
    static void check(Path file) {
        new Mat5Layout(file).walkFile();
    }

    private void walkFile() {
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long size = Files.size(file);
            byte[] header = stream.readNBytes(128);
            if (header.length < 128) {
                throw IngestException.truncated(file, "MAT header", 128, header.length);
            }
            littleEndian = header[126] == 'I' && header[127] == 'M';
            in = stream;
            position = 128;
            while (position < size) {
                long start = position;
                int type = int32();
                long bytes = uint32();
                if ((type >>> 16) != 0) {
                    continue; // a small element: its data sits in the rest of the tag
                }
                require(bytes <= size - position, "element at byte " + start, bytes + " bytes", size - position);
                if (type == MI_COMPRESSED) {
                    compressed(start, bytes);
                } else {
                    element(type, bytes, 0);
                    skip(padding(bytes, size - position));
                }
            }
        } catch (EOFException e) {
            throw new IngestException(file + ": truncated: an element ends after the end of the file", e);
        } catch (IOException e) {
            throw new IngestException(file + ": not a readable MATLAB v5 file: " + e.getMessage(), e);
        }
    }

    /** A compressed variable: its inflated content is one element, walked as it streams. */
    private void compressed(long start, long bytes) throws IOException {
        InputStream outer = in;
        long outerPosition = position;
        Bounded slice = new Bounded(outer, bytes);
        try (InputStream inflated = new InflaterInputStream(slice, new java.util.zip.Inflater(), 1 << 14)) {
            in = inflated;
            position = 0;
            int type = int32();
            element(type, uint32(), 0);
        } catch (EOFException e) {
            throw IngestException.badField(file, "compressed element at byte " + start, "as many inflated bytes as its"
                    + " tag claims", "fewer");
        } catch (IOException e) {
            throw IngestException.badField(file, "compressed element at byte " + start, "a zlib stream", e.getMessage());
        } finally {
            in = outer;
        }
        position = outerPosition + bytes - slice.left;
        skip(slice.left);
    }

    /** One element of {@code bytes} data bytes whose tag has been read. */
    private void element(int type, long bytes, int depth) throws IOException {
        if (type != MI_MATRIX || bytes == 0) {
            skip(bytes);
            return;
        }
        require(depth < MAX_DEPTH, "nested arrays", "at most " + MAX_DEPTH + " levels", depth);
        long end = position + bytes;
        int arrayClass = -1;
        for (int sub = 0; position < end; sub++) {
            long start = position;
            int subType = int32();
            if ((subType >>> 16) != 0) {
                require((subType >>> 16) <= 4, "small element at byte " + start, "at most 4 bytes", subType >>> 16);
                skip(4);
                continue;
            }
            long subBytes = uint32();
            require(subBytes <= end - position, "array part at byte " + start, "at most the " + (end - position)
                    + " bytes left in its array", subBytes);
            if (sub == 0) {
                arrayClass = subBytes >= 4 ? int32() & 0xFF : -1;
                skip(subBytes - Math.min(subBytes, 4));
            } else if (sub == 1) {
                long elements = 1;
                for (long d = 0; d < subBytes / 4; d++) {
                    long n = int32();
                    require(n >= 0, "array dimension at byte " + start, "0 or more", n);
                    elements = elements == 0 || n == 0 ? 0 : elements > Long.MAX_VALUE / n ? Long.MAX_VALUE : elements * n;
                }
                skip(subBytes % 4);
                require(arrayClass == SPARSE_CLASS || elements <= Math.max(bytes, 1 << 16), "array dimensions at byte " + start,
                        "no more elements than the array's " + bytes + " bytes can hold", elements + " elements");
            } else {
                element(subType, subBytes, depth + 1);
            }
            skip(padding(subBytes, end - position));
        }
        require(position == end, "array ending at byte " + end, "parts that end with it", "parts ending at " + position);
    }

    private static long padding(long bytes, long left) {
        return Math.min(left, (8 - bytes % 8) % 8);
    }

    private int int32() throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) {
            throw new EOFException();
        }
        position += 4;
        return littleEndian ? (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | b[3] << 24
                : b[0] << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private long uint32() throws IOException {
        return int32() & 0xFFFFFFFFL;
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
            position += skipped;
        }
    }

    private void require(boolean ok, String field, String expected, Object found) {
        if (!ok) {
            throw IngestException.badField(file, field, expected, found);
        }
    }

    /** At most {@code limit} bytes of an underlying stream, which is left open. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        long left;

        Bounded(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }

        @Override
        public void close() {
            // the underlying stream stays open for the elements after this one
        }
    }
}
