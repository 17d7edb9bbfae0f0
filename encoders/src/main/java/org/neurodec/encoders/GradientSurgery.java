package org.neurodec.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Interference between subjects on the shared backbone: the pairwise cosine of their gradients, and
 * PCGrad (Yu et al. 2020), which removes from each subject's gradient its component along any other
 * subject's gradient it conflicts with (negative dot product), others taken in random order.
 */
final class GradientSurgery {

    private GradientSurgery() {
    }

    /** Subjects × subjects cosine of the backbone gradients. */
    static double[][] cosines(List<Map<String, NDArray>> perSubject, List<String> backbone) {
        NDList rows = new NDList();
        perSubject.forEach(g -> rows.add(flatten(g, backbone)));
        NDArray stacked = NDArrays.stack(rows);
        int n = perSubject.size();
        float[] gram = stacked.matMul(stacked.transpose()).toFloatArray();
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double norms = Math.sqrt((double) gram[i * n + i] * gram[j * n + j]);
                c[i][j] = norms > 0 ? gram[i * n + j] / norms : 0;
            }
        }
        return c;
    }

    /** The summed gradients; with {@code surgery}, the backbone part is the sum of PCGrad-projected ones. */
    static Map<String, NDArray> combine(List<Map<String, NDArray>> perSubject, List<String> backbone, boolean surgery,
            Random random) {
        Map<String, NDArray> sum = new HashMap<>();
        for (Map<String, NDArray> g : perSubject) {
            g.forEach((k, v) -> sum.merge(k, v, NDArray::add));
        }
        if (!surgery || perSubject.size() < 2 || backbone.isEmpty()) {
            return sum;
        }
        List<NDArray> flat = perSubject.stream().map(g -> flatten(g, backbone)).toList();
        NDArray combined = null;
        for (int i = 0; i < flat.size(); i++) {
            NDArray gi = flat.get(i).duplicate();
            List<Integer> others = new ArrayList<>();
            for (int j = 0; j < flat.size(); j++) {
                if (j != i) {
                    others.add(j);
                }
            }
            Collections.shuffle(others, random);
            for (int j : others) {
                NDArray gj = flat.get(j);
                float dot = gi.dot(gj).getFloat();
                if (dot < 0) {
                    gi = gi.sub(gj.mul(dot / Math.max(gj.dot(gj).getFloat(), 1e-20f)));
                }
            }
            combined = combined == null ? gi : combined.add(gi);
        }
        long offset = 0;
        for (String name : backbone) {
            NDArray template = sum.get(name);
            long size = template.size();
            sum.put(name, combined.get(offset + ":" + (offset + size)).reshape(template.getShape()));
            offset += size;
        }
        return sum;
    }

    /** The named gradients, flattened and concatenated in the order of {@code names}. */
    static NDArray flatten(Map<String, NDArray> grads, List<String> names) {
        NDList parts = new NDList();
        for (String n : names) {
            parts.add(grads.get(n).flatten());
        }
        return NDArrays.concat(parts);
    }
}
