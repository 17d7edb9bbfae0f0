package org.neurodec.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter 2019): Adam moments with bias correction, and weight decay applied to
 * the weights directly, not through the gradient; biases and normalisation gains are not decayed.
 * The learning rate follows a linear warm-up then a cosine decay to 0 over the planned steps.
 */
final class AdamW {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final NDManager manager;
    private final double peak;
    private final double weightDecay;
    private final long totalSteps;
    private final Map<String, NDArray[]> moments = new HashMap<>();
    private long step;

    AdamW(NDManager manager, double peak, double weightDecay, long totalSteps) {
        this.manager = manager;
        this.peak = peak;
        this.weightDecay = weightDecay;
        this.totalSteps = Math.max(1, totalSteps);
    }

    /** The learning rate at the current step. */
    double rate() {
        long warmup = Math.max(1, totalSteps / 20);
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        double progress = Math.min(1.0, (step - warmup) / (double) Math.max(1, totalSteps - warmup));
        return peak * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /**
     * One update of the named parameters with the given gradients. Each updated parameter is a new
     * array (a fresh leaf with no gradient yet), never the old one changed in place.
     */
    void update(Parameters parameters, Map<String, NDArray> gradients, NDManager scope) {
        double lr = rate();
        step++;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        for (Map.Entry<String, NDArray> e : gradients.entrySet()) {
            NDArray p = parameters.get(e.getKey());
            NDArray[] m = moments.computeIfAbsent(e.getKey(), k -> new NDArray[] {
                manager.zeros(p.getShape()), manager.zeros(p.getShape())});
            m[0].tempAttach(scope);
            m[1].tempAttach(scope);
            NDArray g = e.getValue();
            m[0].muli(BETA1).addi(g.mul(1 - BETA1));
            m[1].muli(BETA2).addi(g.square().muli(1 - BETA2));
            NDArray delta = m[0].div(c1).divi(m[1].div(c2).sqrt().addi(EPSILON)).muli(lr);
            NDArray next = decays(e.getKey()) ? p.mul(1 - lr * weightDecay).subi(delta) : p.sub(delta);
            parameters.replace(e.getKey(), next);
        }
    }

    /** Steps taken so far. */
    long steps() {
        return step;
    }

    /** Both moments of every parameter updated so far, named {@code m.NAME} and {@code v.NAME}. */
    Map<String, TensorFile.Tensor> state() {
        Map<String, TensorFile.Tensor> out = new java.util.TreeMap<>();
        moments.forEach((name, m) -> {
            out.put("m." + name, new TensorFile.Tensor(m[0].getShape().getShape(), m[0].toFloatArray()));
            out.put("v." + name, new TensorFile.Tensor(m[1].getShape().getShape(), m[1].toFloatArray()));
        });
        return out;
    }

    /** Restores the step count and moments written by {@link #state()}. */
    void restore(long steps, Map<String, TensorFile.Tensor> state) {
        step = steps;
        moments.clear();
        state.forEach((key, t) -> {
            if (key.startsWith("m.")) {
                TensorFile.Tensor v = state.get("v." + key.substring(2));
                moments.put(key.substring(2), new NDArray[] {
                    manager.create(t.values(), new ai.djl.ndarray.types.Shape(t.shape())),
                    manager.create(v.values(), new ai.djl.ndarray.types.Shape(v.shape()))});
            }
        });
    }

    private static boolean decays(String name) {
        return name.endsWith(".weight");
    }
}
