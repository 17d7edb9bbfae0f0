package org.neurodec.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A model's named float32 tensors, in insertion order, with their seeded initialisation; saved and
 * read through {@link TensorFile}.
 */
final class Parameters {

    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    Parameters(NDManager manager) {
        this.manager = manager;
    }

    /** Adds a tensor drawn from N(0, scale²) with the given seed source, tracked for gradients. */
    NDArray gaussian(String name, Random random, double scale, long... shape) {
        int size = (int) new Shape(shape).size();
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (scale * random.nextGaussian());
        }
        return put(name, manager.create(values, new Shape(shape)));
    }

    /** Adds a tensor filled with a constant. */
    NDArray constant(String name, float value, long... shape) {
        return put(name, manager.full(new Shape(shape), value));
    }

    NDArray put(String name, NDArray array) {
        array.setRequiresGradient(true);
        NDArray old = arrays.put(name, array);
        if (old != null) {
            old.close();
        }
        return array;
    }

    /** Replaces a parameter by {@code array} (moved to this model's manager, tracked for gradients). */
    void replace(String name, NDArray array) {
        array.attach(manager);
        put(name, array);
    }

    NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new EncoderException("model has no parameter '" + name + "'");
        }
        return a;
    }

    boolean contains(String name) {
        return arrays.containsKey(name);
    }

    Map<String, NDArray> all() {
        return arrays;
    }

    /** Attaches every tensor to {@code scope} until it closes (so that intermediate results are freed with it). */
    void tempAttach(NDManager scope) {
        arrays.values().forEach(a -> a.tempAttach(scope));
    }

    /** Total number of values. */
    long size() {
        return arrays.values().stream().mapToLong(NDArray::size).sum();
    }

    void write(OutputStream stream) throws IOException {
        Map<String, TensorFile.Tensor> tensors = new LinkedHashMap<>();
        arrays.forEach((name, a) -> tensors.put(name, new TensorFile.Tensor(a.getShape().getShape(), a.toFloatArray())));
        TensorFile.write(stream, tensors);
    }

    /** Reads tensors written by {@link #write}, replacing those of the same name. */
    void read(InputStream stream, String source) throws IOException {
        TensorFile.read(stream, source).forEach((name, t) -> put(name, manager.create(t.values(), new Shape(t.shape()))));
    }
}
