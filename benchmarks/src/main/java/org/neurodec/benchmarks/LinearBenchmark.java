package org.neurodec.benchmarks;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import org.neurodec.decoders.classify.LinearSvm;
import org.neurodec.decoders.classify.LogisticRegression;
import org.neurodec.decoders.classify.Standardizer;

/**
 * Linear classifiers at the size of nilearn's Haxby tutorial: 864 volumes × 530 voxels, 8 categories,
 * 12 runs, leave-one-run-out, C = 1, features z-scored on each training part. The matrix is seeded
 * (a category pattern plus a run offset plus noise) and written as CSV (label, run, voxels) so that
 * {@code benchmarks/linear_bench.py} times scikit-learn's {@code LogisticRegression} and
 * {@code LinearSVC} on the very same numbers. Prints each model's total time over the 12 folds (median
 * of REPEATS after one warm-up) and its accuracy. Usage: {@code LinearBenchmark CSV [REPEATS]}.
 */
public final class LinearBenchmark {

    static final int VOLUMES = 864;
    static final int VOXELS = 530;
    static final int CLASSES = 8;
    static final int RUNS = 12;

    private LinearBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args.length > 0 ? args[0] : "linear-bench.csv");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Random random = new Random(20261202);
        double[][] patterns = new double[CLASSES][VOXELS];
        double[][] runs = new double[RUNS][VOXELS];
        for (double[] p : patterns) {
            for (int j = 0; j < VOXELS; j++) {
                p[j] = 0.12 * random.nextGaussian();
            }
        }
        for (double[] r : runs) {
            for (int j = 0; j < VOXELS; j++) {
                r[j] = 0.5 * random.nextGaussian();
            }
        }
        double[][] x = new double[VOLUMES][VOXELS];
        int[] y = new int[VOLUMES];
        int[] run = new int[VOLUMES];
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (int i = 0; i < VOLUMES; i++) {
                run[i] = i / (VOLUMES / RUNS);
                y[i] = (i % (VOLUMES / RUNS)) % CLASSES;
                StringBuilder line = new StringBuilder().append(y[i]).append(',').append(run[i]);
                for (int j = 0; j < VOXELS; j++) {
                    x[i][j] = patterns[y[i]][j] + runs[run[i]][j] + random.nextGaussian();
                    line.append(',').append(x[i][j]);
                }
                out.write(line.append('\n').toString());
            }
        }
        time("logistic regression", x, y, run, repeats, (train, labels) -> {
            LogisticRegression m = LogisticRegression.fit(train, labels, CLASSES, 1.0, LogisticRegression.DEFAULT_TOL,
                    LogisticRegression.DEFAULT_MAX_ITER);
            return m::probabilities;
        });
        time("linear SVM (dual)", x, y, run, repeats, (train, labels) -> {
            LinearSvm m = LinearSvm.fit(train, labels, CLASSES, 1.0, 1e-4, 1000, 1.0, true);
            return m::decision;
        });
        time("linear SVM (primal)", x, y, run, repeats, (train, labels) -> {
            LinearSvm m = LinearSvm.fit(train, labels, CLASSES, 1.0, 1e-4, 1000, 1.0, false);
            return m::decision;
        });
    }

    private static void time(String name, double[][] x, int[] y, int[] run, int repeats,
            BiFunction<double[][], int[], java.util.function.Function<double[][], double[][]>> fit) {
        double[] seconds = new double[repeats];
        double accuracy = 0;
        for (int r = -1; r < repeats; r++) {
            long start = System.nanoTime();
            int correct = 0;
            for (int held = 0; held < RUNS; held++) {
                int h = held;
                int[] train = java.util.stream.IntStream.range(0, x.length).filter(i -> run[i] != h).toArray();
                int[] test = java.util.stream.IntStream.range(0, x.length).filter(i -> run[i] == h).toArray();
                double[][] trainX = rows(x, train);
                Standardizer scaling = Standardizer.fit(trainX);
                int[] labels = java.util.Arrays.stream(train).map(i -> y[i]).toArray();
                double[][] scores = fit.apply(scaling.apply(trainX), labels).apply(scaling.apply(rows(x, test)));
                for (int i = 0; i < test.length; i++) {
                    int best = 0;
                    for (int k = 1; k < scores[i].length; k++) {
                        best = scores[i][k] > scores[i][best] ? k : best;
                    }
                    correct += best == y[test[i]] ? 1 : 0;
                }
            }
            if (r >= 0) {
                seconds[r] = (System.nanoTime() - start) / 1e9;
            }
            accuracy = correct / (double) x.length;
        }
        java.util.Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "neurodec %-20s %7.2f s for 12 folds (median of %d)  accuracy %.4f%n", name,
                seconds[repeats / 2], repeats, accuracy);
    }

    private static double[][] rows(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }
}
