package org.neurodec.decoders.classify;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading golden JSON values. */
final class Golden {

    private Golden() {
    }

    /** A JSON array of arrays of numbers as a matrix. */
    static double[][] matrix(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[node.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = node.get(i).get(j).asDouble();
            }
        }
        return out;
    }
}
