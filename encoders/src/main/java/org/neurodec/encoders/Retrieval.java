package org.neurodec.encoders;

import java.util.List;

/**
 * Top-k retrieval by cosine similarity: a trial counts as found when its true stimulus is among the k
 * candidates whose features are most similar to the trial's predicted features (a prediction that is
 * not a number finds nothing). Chance is k / candidates.
 */
public final class Retrieval {

    private Retrieval() {
    }

    /** The fraction of trials whose stimulus ranks in the top k among {@code candidates}. */
    public static double topK(float[][] predicted, List<String> truth, StimulusFeatures features, List<String> candidates,
            int k) {
        float[][] bank = new float[candidates.size()][];
        for (int c = 0; c < bank.length; c++) {
            bank[c] = normalised(features.get(candidates.get(c)));
        }
        int found = 0;
        for (int t = 0; t < predicted.length; t++) {
            float[] p = normalised(predicted[t]);
            int target = candidates.indexOf(truth.get(t));
            if (target < 0) {
                throw new EncoderException("trial " + t + ": stimulus '" + truth.get(t) + "' is not among the candidates");
            }
            double score = dot(p, bank[target]);
            if (Double.isNaN(score)) {
                continue;
            }
            int better = 0;
            for (int c = 0; c < bank.length; c++) {
                if (c != target && dot(p, bank[c]) > score) {
                    better++;
                }
            }
            if (better < k) {
                found++;
            }
        }
        return found / (double) predicted.length;
    }

    private static float[] normalised(float[] v) {
        double norm = Math.sqrt(dot(v, v)) + 1e-12;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
