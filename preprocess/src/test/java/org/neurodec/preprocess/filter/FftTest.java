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

    /** X_k = Σ x_j e^{-sign 2πi jk/n}, with the angle reduced modulo n for accuracy. */
    private static double[][] direct(double[] re, double[] im, int sign) {
        int n = re.length;
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double angle = -sign * 2 * Math.PI * ((long) j * k % n) / n;
                double c = Math.cos(angle);
                double s = Math.sin(angle);
                outRe[k] += re[j] * c - im[j] * s;
                outIm[k] += re[j] * s + im[j] * c;
            }
        }
        return new double[][] {outRe, outIm};
    }
}
