package org.neurodec.decoders.classify;

import com.fasterxml.jackson.databind.JsonNode;
import org.neurodec.ingest.hdf5.Hdf5File;

/** Reading golden JSON values, and the trial rows of an HDF5 matrix. */
public final class Golden {

    private Golden() {
    }

    /** A JSON array of arrays of numbers as a matrix. */
    public static double[][] matrix(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[node.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = node.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    /** An HDF5 dataset's first axis as rows, the rest flattened (trials × features). */
    public static double[][] rows(Hdf5File h5, String path) {
        long[] shape = h5.shape(path);
        double[] flat = h5.read(path).toDoubles();
        int n = (int) shape[0];
        int width = flat.length / n;
        double[][] out = new double[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * width, out[i], 0, width);
        }
        return out;
    }
}
