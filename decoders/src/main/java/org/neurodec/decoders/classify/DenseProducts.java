package org.neurodec.decoders.classify;

import java.util.stream.IntStream;

/**
 * The two matrix products a linear model's loss and gradient need, on flat row-major arrays: scores
 * X·W (trials × outputs) and the gradient Xᵀ·R (features × outputs), where the outputs are few (one
 * per class). Each output column is accumulated four at a time in registers and blocks of rows run on
 * all cores; on 792 × 530 × 8 this is faster than a BLAS call through ND4J, whose per-call cost
 * dominates at these sizes.
 */
final class DenseProducts {

    private static final int BLOCK = 64;

    private DenseProducts() {
    }

    /** {@code out} (n × k) = {@code a} (n × m, row-major) times {@code b} (m × k, row-major). */
    static void times(double[] a, int n, int m, double[] b, int k, double[] out) {
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
            for (int i = block * BLOCK; i < Math.min(n, (block + 1) * BLOCK); i++) {
                int row = i * m;
                int c = 0;
                for (; c + 4 <= k; c += 4) {
                    double a0 = 0;
                    double a1 = 0;
                    double a2 = 0;
                    double a3 = 0;
                    for (int j = 0; j < m; j++) {
                        double v = a[row + j];
                        int o = j * k + c;
                        a0 += v * b[o];
                        a1 += v * b[o + 1];
                        a2 += v * b[o + 2];
                        a3 += v * b[o + 3];
                    }
                    out[i * k + c] = a0;
                    out[i * k + c + 1] = a1;
                    out[i * k + c + 2] = a2;
                    out[i * k + c + 3] = a3;
                }
                for (; c < k; c++) {
                    double sum = 0;
                    for (int j = 0; j < m; j++) {
                        sum += a[row + j] * b[j * k + c];
                    }
                    out[i * k + c] = sum;
                }
            }
        });
    }

    /** The transpose of an n × m row-major matrix, m × n row-major. */
    static double[] transpose(double[] a, int n, int m) {
        double[] out = new double[a.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[j * n + i] = a[i * m + j];
            }
        }
        return out;
    }
}
