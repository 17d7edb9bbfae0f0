package org.neurodec.ingest.eeg.fif;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.neurodec.ingest.IngestException;

/**
 * The tags of a FIF file (Elekta/Neuromag's format, MNE-Python's native one) arranged in their
 * blocks. A tag is a big-endian header (kind, type, size, next) followed by {@code size} bytes;
 * {@code FIFF_BLOCK_START}/{@code FIFF_BLOCK_END} tags open and close nested blocks. The file is
 * scanned tag by tag from its start (as MNE does when a file has no tag directory); only headers
 * are read here, values on demand.
 */
final class FifTree {

    /** More tags than any recording has (a one-second buffer for six weeks is 3.6 million); beyond, the file is refused. */
    static final long MAX_TAGS = 4_000_000;

    static final int FILE_ID = 100;
    static final int DIR_POINTER = 101;
    static final int BLOCK_START = 104;
    static final int BLOCK_END = 105;

    static final int TYPE_SHORT = 2;
    static final int TYPE_INT = 3;
    static final int TYPE_FLOAT = 4;
    static final int TYPE_DOUBLE = 5;
    static final int TYPE_STRING = 10;
    static final int TYPE_DAU_PACK16 = 16;
    static final int TYPE_COMPLEX_FLOAT = 20;
    static final int TYPE_COMPLEX_DOUBLE = 21;
    static final int TYPE_CH_INFO = 30;
    static final int TYPE_ID = 31;

    /**
     * One tag's header and where its value lies.
     *
     * @param kind what the tag holds (FIFF_NCHAN, FIFF_DATA_BUFFER, …)
     * @param type how its value is stored (int, float, string, channel info, …)
     * @param size bytes of the value
     * @param position the byte where the value starts
     */
    record Tag(int kind, int type, int size, long position) {
    }

    /** A block: its kind, its own tags in file order, and the blocks nested in it. */
    static final class Block {
        final int kind;
        final List<Tag> tags = new ArrayList<>();
        final List<Block> children = new ArrayList<>();

        Block(int kind) {
            this.kind = kind;
        }

        /** Every block of {@code kind} at or below this one, depth first in file order. */
        List<Block> find(int wanted) {
            List<Block> out = new ArrayList<>();
            collect(wanted, out);
            return out;
        }

        private void collect(int wanted, List<Block> out) {
            if (kind == wanted) {
                out.add(this);
            }
            for (Block child : children) {
                child.collect(wanted, out);
            }
        }

        /** The first of this block's own tags of {@code tagKind}. */
        Optional<Tag> tag(int tagKind) {
            return tags.stream().filter(t -> t.kind() == tagKind).findFirst();
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final long length;
    final Block root = new Block(0);

    private FifTree(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.length = channel.size();
    }

    /** Scans every tag header of {@code channel}, the open file {@code file}. */
    static FifTree read(Path file, FileChannel channel) throws IOException {
        FifTree tree = new FifTree(file, channel);
        tree.scan();
        return tree;
    }

    private void scan() throws IOException {
        if (length < 16) {
            throw IngestException.truncated(file, "FIF file id tag", 16, length);
        }
        Deque<Block> open = new ArrayDeque<>();
        open.push(root);
        long position = 0;
        boolean first = true;
        boolean last = false;
        long count = 0;
        while (position + 16 <= length) {
            if (++count > MAX_TAGS) {
                throw IngestException.badField(file, "tags", "at most " + MAX_TAGS + " tags", "more");
            }
            ByteBuffer header = bytes(position, 16);
            int kind = header.getInt();
            int type = header.getInt();
            int size = header.getInt();
            int next = header.getInt();
            if (first && (kind != FILE_ID || type != TYPE_ID || size != 20)) {
                throw IngestException.badField(file, "first tag", "a FIF file id tag (kind 100, type 31, 20 bytes)",
                        "kind " + kind + ", type " + type + ", " + size + " bytes");
            }
            first = false;
            if (size < 0 || position + 16 + size > length) {
                throw IngestException.truncated(file, "FIF tag of kind " + kind + " at byte " + position,
                        position + 16L + Math.max(size, 0), length);
            }
            Tag tag = new Tag(kind, type, size, position + 16);
            if (kind == BLOCK_START) {
                Block block = new Block(intValue(tag));
                open.peek().children.add(block);
                open.push(block);
            } else if (kind == BLOCK_END) {
                if (open.size() == 1) {
                    throw IngestException.badField(file, "block end at byte " + position, "a block to close", "none open");
                }
                open.pop();
            } else {
                open.peek().tags.add(tag);
            }
            if (next < 0) {
                last = true;
                break;
            }
            long following = next == 0 ? position + 16 + size : next;
            if (following <= position) {
                throw IngestException.badField(file, "next-tag pointer at byte " + position, "a position after it",
                        following);
            }
            position = following;
        }
        if (!last && position < length) {
            throw IngestException.truncated(file, "FIF tag header at byte " + position, position + 16, length);
        }
    }

    /** {@code count} bytes from {@code position}, big-endian. */
    ByteBuffer bytes(long position, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count).order(ByteOrder.BIG_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw IngestException.truncated(file, "FIF data", position + count, length);
            }
        }
        return buffer.flip();
    }

    /** A tag's whole value, big-endian. */
    ByteBuffer value(Tag tag) throws IOException {
        return bytes(tag.position(), tag.size());
    }

    /** The first int of an int tag. */
    int intValue(Tag tag) throws IOException {
        expect(tag, TYPE_INT, 4);
        return bytes(tag.position(), 4).getInt();
    }

    /** Every int of an int tag. */
    int[] ints(Tag tag) throws IOException {
        expect(tag, TYPE_INT, 0);
        ByteBuffer b = value(tag);
        int[] out = new int[tag.size() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getInt();
        }
        return out;
    }

    /** Every value of a float or double tag, as doubles. */
    double[] reals(Tag tag) throws IOException {
        ByteBuffer b = value(tag);
        if (tag.type() == TYPE_FLOAT) {
            double[] out = new double[tag.size() / 4];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getFloat();
            }
            return out;
        }
        expect(tag, TYPE_DOUBLE, 0);
        double[] out = new double[tag.size() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getDouble();
        }
        return out;
    }

    /** A string tag, decoded as Latin-1 (the FIF standard). */
    String string(Tag tag) throws IOException {
        expect(tag, TYPE_STRING, 0);
        return new String(value(tag).array(), StandardCharsets.ISO_8859_1);
    }

    private void expect(Tag tag, int type, int minBytes) {
        if (tag.type() != type || tag.size() < minBytes) {
            throw IngestException.badField(file, "FIF tag of kind " + tag.kind(), "type " + type + " with " + minBytes
                    + " bytes or more", "type " + tag.type() + " with " + tag.size() + " bytes");
        }
    }
}
