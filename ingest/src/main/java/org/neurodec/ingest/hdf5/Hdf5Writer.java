package org.neurodec.ingest.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neurodec.ingest.AtomicFile;

/**
 * Writes neurodec's own outputs as HDF5 that h5py reads: numeric arrays (any rank) and text, in
 * groups created from their paths, with attributes on any group or dataset. The file is written to
 * a temporary name and moved into place when complete.
 *
 * <pre>{@code
 * Hdf5Writer.create()
 *     .dataset("epochs/data", values, trials, channels, times)
 *     .attribute("epochs/data", "units", "V")
 *     .attribute("/", "sfreq", 256.0)
 *     .write(path);
 * }</pre>
 */
public final class Hdf5Writer {

    private final Map<String, Object> datasets = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> attributes = new LinkedHashMap<>();

    private Hdf5Writer() {
    }

    /** An empty file to fill. */
    public static Hdf5Writer create() {
        return new Hdf5Writer();
    }

    /** A dataset from a Java array of any rank ({@code float[][]}, {@code int[]}, {@code String[]}, …). */
    public Hdf5Writer dataset(String path, Object array) {
        if (array == null || !array.getClass().isArray()) {
            throw new IllegalArgumentException("dataset " + path + " needs an array, got " + array);
        }
        datasets.put(normalise(path), array);
        return this;
    }

    /** A dataset from a flat row-major array and its shape (C order). */
    public Hdf5Writer dataset(String path, Object flat, long... shape) {
        if (shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("dataset " + path + ": shape must have sizes of at least 1, got "
                    + Arrays.toString(shape));
        }
        long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (Array.getLength(flat) != size) {
            throw new IllegalArgumentException("dataset " + path + ": " + Array.getLength(flat)
                    + " values do not fill shape " + Arrays.toString(shape));
        }
        return dataset(path, reshape(flat, 0, shape, 0));
    }

    /** An attribute on the group or dataset at {@code path} ("/" for the root). */
    public Hdf5Writer attribute(String path, String name, Object value) {
        attributes.computeIfAbsent(normalise(path), p -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** Writes the file. */
    public void write(Path file) {
        AtomicFile.writeVia(file, temporary -> {
            try (WritableHdfFile hdf = HdfFile.write(temporary)) {
                Map<String, WritableNode> nodes = new LinkedHashMap<>();
                nodes.put("", hdf);
                for (String path : attributes.keySet()) {
                    if (!datasets.containsKey(path)) {
                        group(hdf, nodes, path);
                    }
                }
                for (Map.Entry<String, Object> entry : datasets.entrySet()) {
                    String path = entry.getKey();
                    int slash = path.lastIndexOf('/');
                    WritableGroup parent = group(hdf, nodes, slash < 0 ? "" : path.substring(0, slash));
                    nodes.put(path, parent.putDataset(path.substring(slash + 1), entry.getValue()));
                }
                for (Map.Entry<String, Map<String, Object>> entry : attributes.entrySet()) {
                    WritableNode node = nodes.get(entry.getKey());
                    entry.getValue().forEach(node::putAttribute);
                }
            }
        });
    }

    private static WritableGroup group(WritableHdfFile hdf, Map<String, WritableNode> nodes, String path) {
        WritableNode existing = nodes.get(path);
        if (existing != null) {
            return (WritableGroup) existing;
        }
        int slash = path.lastIndexOf('/');
        WritableGroup parent = group(hdf, nodes, slash < 0 ? "" : path.substring(0, slash));
        WritableGroup created = parent.putGroup(path.substring(slash + 1));
        nodes.put(path, created);
        return created;
    }

    private static String normalise(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static Object reshape(Object flat, int offset, long[] shape, int dim) {
        int n = (int) shape[dim];
        if (dim == shape.length - 1) {
            Object leaf = Array.newInstance(flat.getClass().getComponentType(), n);
            System.arraycopy(flat, offset, leaf, 0, n);
            return leaf;
        }
        int stride = (int) Arrays.stream(shape, dim + 1, shape.length).reduce(1, (a, b) -> a * b);
        Object first = reshape(flat, offset, shape, dim + 1);
        Object out = Array.newInstance(first.getClass(), n);
        Array.set(out, 0, first);
        for (int i = 1; i < n; i++) {
            Array.set(out, i, reshape(flat, offset + i * stride, shape, dim + 1));
        }
        return out;
    }
}
