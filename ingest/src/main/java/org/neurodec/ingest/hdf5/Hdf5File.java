package org.neurodec.ingest.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.neurodec.ingest.IngestException;

/**
 * An open HDF5 file (read with jhdf, pure Java): datasets by path with their shape and type,
 * whole or as hyperslabs, attributes, and the tree of groups. Every failure, from a missing dataset
 * to a corrupt file, is an {@link IngestException} naming the file and the path inside it.
 */
public final class Hdf5File implements AutoCloseable {

    private final Path file;
    private final HdfFile hdf;

    private Hdf5File(Path file, HdfFile hdf) {
        this.file = file;
        this.hdf = hdf;
    }

    /** Opens {@code file} for reading. */
    public static Hdf5File open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IngestException(file + ": not found or not a regular file");
        }
        try {
            return new Hdf5File(file, new HdfFile(file));
        } catch (RuntimeException e) {
            throw new IngestException(file + ": not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    /** The file this was opened from. */
    public Path file() {
        return file;
    }

    /** Bytes before the HDF5 superblock (512 for MATLAB v7.3 files, usually 0). */
    public long userBlockSize() {
        return guarded("/", hdf::getUserBlockSize);
    }

    /** The shape of the dataset at {@code path} (C order). */
    public long[] shape(String path) {
        return guarded(path, () -> checkedShape(path, dataset(path)));
    }

    /** The element type of the dataset at {@code path}, as NumPy names it. */
    public String dtype(String path) {
        return guarded(path, () -> dtypeName(dataset(path)));
    }

    /** The whole dataset at {@code path}. */
    public Hdf5Array read(String path) {
        return guarded(path, () -> {
            Dataset d = dataset(path);
            checkReadable(path, d);
            Object flat = d.isScalar() ? scalarArray(d.getData()) : d.getDataFlat();
            return new Hdf5Array(d.getPath(), checkedShape(path, d), dtypeName(d), flat);
        });
    }

    /** A hyperslab of the dataset at {@code path}: {@code count} elements per dimension from {@code offset}. */
    public Hdf5Array read(String path, long[] offset, int[] count) {
        return guarded(path, () -> {
            Dataset d = dataset(path);
            long[] shape = checkedShape(path, d);
            if (offset.length != shape.length || count.length != shape.length) {
                throw IngestException.badField(file, path, "a slab of " + shape.length + " dimensions",
                        offset.length + " offsets and " + count.length + " counts");
            }
            long[] slabShape = new long[count.length];
            for (int i = 0; i < shape.length; i++) {
                if (offset[i] < 0 || count[i] < 0 || offset[i] + count[i] > shape[i]) {
                    throw IngestException.badField(file, path + " dimension " + i, "a slab inside [0, "
                            + shape[i] + ")", "offset " + offset[i] + " count " + count[i]);
                }
                slabShape[i] = count[i];
            }
            long elements = 1;
            for (int c : count) {
                elements = Math.multiplyExact(elements, (long) c);
            }
            requireHeap(path, Math.multiplyExact(elements, (long) Math.max(1, d.getDataType().getSize())));
            return new Hdf5Array(d.getPath(), slabShape, dtypeName(d), flatten(d.getData(offset, count)));
        });
    }

    /** The attributes of the group or dataset at {@code path}, as JSON-ready values. */
    public Map<String, Object> attributes(String path) {
        return guarded(path, () -> attributesOf(path.equals("/") || path.isEmpty() ? hdf : hdf.getByPath(path)));
    }

    /** The tree of groups and datasets with shapes, types and attributes, as JSON-ready values. */
    public Map<String, Object> tree() {
        return guarded("/", () -> describe(hdf));
    }

    @Override
    public void close() {
        hdf.close();
    }

    private Dataset dataset(String path) {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            throw new IngestException(file + ": dataset '" + path + "' not found; datasets here: "
                    + String.join(", ", datasetPaths(hdf, new ArrayList<>())), e);
        }
        if (node.isGroup()) {
            throw IngestException.badField(file, path, "a dataset", "a group");
        }
        return (Dataset) node;
    }

    private void checkReadable(String path, Dataset d) {
        long bytes = d.getSizeInBytes();
        if (bytes < 0 || bytes > Integer.MAX_VALUE - 64L || d.getSize() > Integer.MAX_VALUE - 64L) {
            throw IngestException.badField(file, path, "a dataset that fits one Java array (read it in slabs)",
                    d.getSize() + " elements");
        }
        requireHeap(path, bytes);
    }

    /** Refuses, before allocating, a read that the heap cannot hold (a corrupt shape claims any size). */
    private void requireHeap(String path, long bytes) {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > free / 2) {
            throw IngestException.badField(file, path, String.format(java.util.Locale.ROOT, "a dataset that fits the free heap"
                    + " (%.1f MB; read it in slabs or raise -Xmx)", free / 1e6), String.format(java.util.Locale.ROOT,
                    "%.1f MB", bytes / 1e6));
        }
    }

    /** A dataset's shape, refused when a size is negative (a corrupt dataspace). */
    private long[] checkedShape(String path, Dataset d) {
        long[] shape = d.getDimensionsAsLong();
        for (long n : shape) {
            if (n < 0) {
                throw IngestException.badField(file, path, "a shape of sizes 0 or more", java.util.Arrays.toString(shape));
            }
        }
        return shape;
    }

    private static List<String> datasetPaths(Group group, List<String> out) {
        for (Node child : group) {
            if (child.isGroup()) {
                datasetPaths((Group) child, out);
            } else {
                out.add(pathOf(child));
            }
        }
        return out;
    }

    private Map<String, Object> describe(Node node) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", node.getName());
        out.put("path", pathOf(node));
        out.put("type", node.isGroup() ? "group" : "dataset");
        if (!node.isGroup()) {
            Dataset d = (Dataset) node;
            out.put("shape", checkedShape(pathOf(node), d));
            out.put("dtype", dtypeName(d));
            out.put("layout", d.getDataLayout().name().toLowerCase(Locale.ROOT));
        }
        Map<String, Object> attributes = attributesOf(node);
        if (!attributes.isEmpty()) {
            out.put("attributes", attributes);
        }
        if (node.isGroup()) {
            List<Object> children = new ArrayList<>();
            for (Node child : new TreeMap<>(((Group) node).getChildren()).values()) {
                children.add(describe(child));
            }
            out.put("children", children);
        }
        return out;
    }

    /** The node's absolute path as h5py writes it: no trailing slash except for the root. */
    private static String pathOf(Node node) {
        String path = node.getPath();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private Map<String, Object> attributesOf(Node node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> entry : new TreeMap<>(node.getAttributes()).entrySet()) {
            out.put(entry.getKey(), jsonReady(entry.getValue().getData()));
        }
        return out;
    }

    static String dtypeName(Dataset d) {
        DataType t = d.getDataType();
        if (t instanceof FixedPoint f) {
            return (f.isSigned() ? "int" : "uint") + f.getSize() * 8;
        }
        if (t instanceof FloatingPoint f) {
            return "float" + f.getSize() * 8;
        }
        if (d.getJavaType() == String.class) {
            return "string";
        }
        return t.getClass().getSimpleName().replace("DataType", "").toLowerCase(Locale.ROOT);
    }

    private static Object jsonReady(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value.getClass().isArray()) {
            if (value.getClass().getComponentType().isPrimitive()) {
                return value;
            }
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(jsonReady(Array.get(value, i)));
            }
            return list;
        }
        return String.valueOf(value);
    }

    private static Object scalarArray(Object scalar) {
        Object array = Array.newInstance(unbox(scalar.getClass()), 1);
        Array.set(array, 0, scalar);
        return array;
    }

    private static Class<?> unbox(Class<?> type) {
        if (type == Integer.class) {
            return int.class;
        } else if (type == Long.class) {
            return long.class;
        } else if (type == Float.class) {
            return float.class;
        } else if (type == Double.class) {
            return double.class;
        } else if (type == Short.class) {
            return short.class;
        } else if (type == Byte.class) {
            return byte.class;
        }
        return type;
    }

    /** Flattens a (possibly nested) Java array into one array of its leaf component type, row-major. */
    static Object flatten(Object array) {
        Class<?> leaf = array.getClass();
        while (leaf.isArray()) {
            leaf = leaf.getComponentType();
        }
        List<Object> leaves = new ArrayList<>();
        collectLeaves(array, leaves);
        int total = leaves.stream().mapToInt(Array::getLength).sum();
        Object out = Array.newInstance(leaf, total);
        int position = 0;
        for (Object part : leaves) {
            int n = Array.getLength(part);
            System.arraycopy(part, 0, out, position, n);
            position += n;
        }
        return out;
    }

    private static void collectLeaves(Object array, List<Object> leaves) {
        if (!array.getClass().getComponentType().isArray()) {
            leaves.add(array);
            return;
        }
        for (int i = 0; i < Array.getLength(array); i++) {
            collectLeaves(Array.get(array, i), leaves);
        }
    }

    private <T> T guarded(String path, Supplier<T> action) {
        try {
            return action.get();
        } catch (IngestException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new IngestException(file + ": could not read '" + path + "': " + e, e);
        }
    }
}
