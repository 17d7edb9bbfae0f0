package org.neurodec.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded oddball study in eeg-notebooks' Muse layout, at the size of a real multi-subject P300 study:
 * each subject a folder of CSV runs ({@code timestamps, TP9, AF7, AF8, TP10, Right AUX, Marker0} at
 * 256 Hz, µV; marker 1 a standard, 2 a target, one in six), a stimulus every 0.4–0.6 s. Background EEG
 * is 1/f-like noise with alpha; every stimulus evokes an N1/P2, targets add a P300 whose size and
 * scalp distribution differ between subjects (and whose polarity at the frontal sensors does, as the
 * Muse's reference near Fpz makes it). Used by {@link TransferBenchmark}.
 */
final class P300Study {

    static final double RATE = 256;

    private P300Study() {
    }

    /** Writes {@code subjects} subjects with {@code runs} runs of {@code stimuli} stimuli each under {@code folder}. */
    static void write(Path folder, int subjects, int runs, int stimuli, long seed) throws IOException {
        Random random = new Random(seed);
        for (int s = 1; s <= subjects; s++) {
            double[] gain = new double[4];
            for (int c = 0; c < 4; c++) {
                gain[c] = (c == 0 || c == 3 ? 1 : random.nextBoolean() ? 0.6 : -0.6) * (0.6 + 0.8 * random.nextDouble());
            }
            double latency = 0.30 + 0.08 * random.nextDouble();
            double size = 3 + 3 * random.nextDouble();
            Path dir = Files.createDirectories(folder.resolve("subject" + s).resolve("session1"));
            for (int r = 0; r < runs; r++) {
                writeRun(dir.resolve("run" + (r + 1) + ".csv"), stimuli, gain, latency, size, 1000.0 * s + 100 * r, random);
            }
        }
    }

    private static void writeRun(Path file, int stimuli, double[] gain, double latency, double size, double t0, Random random)
            throws IOException {
        double[] onsets = new double[stimuli];
        boolean[] target = new boolean[stimuli];
        double t = 2;
        for (int i = 0; i < stimuli; i++) {
            onsets[i] = t;
            target[i] = random.nextInt(6) == 0;
            t += 0.4 + 0.2 * random.nextDouble();
        }
        int samples = (int) Math.ceil((t + 1.5) * RATE);
        double[][] x = new double[4][samples];
        for (int c = 0; c < 4; c++) {
            double a = 0;
            double b = 0;
            double phase = random.nextDouble() * 2 * Math.PI;
            for (int n = 0; n < samples; n++) {
                a = 0.98 * a + random.nextGaussian();
                b = 0.6 * b + random.nextGaussian();
                x[c][n] = 1.2 * a + 3 * b + 4 * Math.sin(2 * Math.PI * 10 * n / RATE + phase);
            }
        }
        int[] marker = new int[samples];
        for (int i = 0; i < stimuli; i++) {
            int at = (int) Math.round(onsets[i] * RATE);
            marker[at] = target[i] ? 2 : 1;
            double trialSize = size * (0.5 + random.nextDouble());
            for (int n = 0; n < (int) (0.8 * RATE) && at + n < samples; n++) {
                double s = n / RATE;
                double n1 = -2 * bump(s, 0.10, 0.025) + 2 * bump(s, 0.18, 0.03);
                double p3 = target[i] ? trialSize * bump(s, latency, 0.07) : 0;
                for (int c = 0; c < 4; c++) {
                    x[c][at + n] += n1 * Math.abs(gain[c]) + p3 * gain[c];
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("timestamps,TP9,AF7,AF8,TP10,Right AUX,Marker0\n");
            for (int n = 0; n < samples; n++) {
                w.write(String.format(Locale.ROOT, "%.4f,%.3f,%.3f,%.3f,%.3f,%.3f,%d%n", t0 + n / RATE, x[0][n], x[1][n], x[2][n],
                        x[3][n], 0.0, marker[n]));
            }
        }
    }

    private static double bump(double t, double centre, double width) {
        double z = (t - centre) / width;
        return Math.exp(-0.5 * z * z);
    }
}
