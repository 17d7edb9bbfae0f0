package org.neurodec.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FFT against a direct DFT at every power of two up to 2^13, forward and inverse. */
class FftTest {

    @Test
    void matchesTheDirectTransformAtEveryLength() {
        Random random = new Random(7);
        for (int n = 1; n <= 8192; n *= 2) {
            double[] re = random.doubles(n, -1, 1).toArray();
            double[] im = random.doubles(n, -1, 1).toArray();
            for (int sign : new int[] {1, -1}) {
                double[][] expected = direct(re, im, sign);
                double[] r = re.clone();
                double[] i = im.clone();
                Fft fft = new Fft(n);
                if (sign == 1) {
                    fft.forward(r, i);
                } else {
                    fft.inverseUnscaled(r, i);
                }
                for (int k = 0; k < n; k++) {
                    assertEquals(expected[0][k], r[k], 1e-9 * n, "n=" + n + " sign=" + sign + " re[" + k + "]");
                    assertEquals(expected[1][k], i[k], 1e-9 * n, "n=" + n + " sign=" + sign + " im[" + k + "]");
                }
            }
        }
    }

    @Test
    void refusesLengthsThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new Fft(12));
    }

    /** X_k = Σ x_j e^{-sign 2πi jk/n}, the angle reduced modulo n and looked up in a table of n values. */
    private static double[][] direct(double[] re, double[] im, int sign) {
        int n = re.length;
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int i = 0; i < n; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = -sign * Math.sin(2 * Math.PI * i / n);
        }
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                int index = (int) ((long) j * k % n);
                double c = cos[index];
                double s = sin[index];
                outRe[k] += re[j] * c - im[j] * s;
                outIm[k] += re[j] * s + im[j] * c;
            }
        }
        return new double[][] {outRe, outIm};
    }
}
