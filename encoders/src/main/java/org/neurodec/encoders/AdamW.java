package org.neurodec.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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

    /** One update of the named parameters with the given gradients; names in {@code frozen} are left alone. */
    void update(Parameters parameters, Map<String, NDArray> gradients, Set<String> frozen, NDManager scope) {
        double lr = rate();
        step++;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        for (Map.Entry<String, NDArray> e : gradients.entrySet()) {
            if (frozen.contains(e.getKey())) {
                continue;
            }
            NDArray p = parameters.get(e.getKey());
            NDArray[] m = moments.computeIfAbsent(e.getKey(), k -> new NDArray[] {
                manager.zeros(p.getShape()), manager.zeros(p.getShape())});
            m[0].tempAttach(scope);
            m[1].tempAttach(scope);
            NDArray g = e.getValue();
            m[0].muli(BETA1).addi(g.mul(1 - BETA1));
            m[1].muli(BETA2).addi(g.square().muli(1 - BETA2));
            NDArray delta = m[0].div(c1).divi(m[1].div(c2).sqrt().addi(EPSILON)).muli(lr);
            if (decays(e.getKey())) {
                p.muli(1 - lr * weightDecay);
            }
            p.subi(delta);
        }
    }

    private static boolean decays(String name) {
        return name.endsWith(".weight");
    }
}
