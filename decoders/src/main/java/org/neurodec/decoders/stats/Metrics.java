package org.neurodec.decoders.stats;

import org.neurodec.encoders.ClassMetrics;
import org.neurodec.decoders.DecoderException;

/**
 * The metrics papers report, each as a {@link Significance.TrialMetric} with its chance level, so that
 * every score comes with a bootstrap interval and a permutation p-value.
 */
public final class Metrics {

    private Metrics() {
    }

    /** The fraction of trials whose predicted class is the true one; chance is the largest class's share. */
    public static Significance.Score accuracy(int[] truth, int[] predicted, int resamples, long seed) {
        check(truth.length, predicted.length, "accuracy");
        int[] counts = new int[max(truth) + 1];
        for (int t : truth) {
            counts[t]++;
        }
        double chance = java.util.Arrays.stream(counts).max().orElse(0) / (double) truth.length;
        return Significance.of("accuracy", chance, truth.length, (rows, pair) -> {
            int right = 0;
            for (int row : rows) {
                right += predicted[row] == truth[pair[row]] ? 1 : 0;
            }
            return right / (double) rows.length;
        }, resamples, seed);
    }

    /** The mean of the per-class recalls over the classes present; chance is 1 / classes. */
    public static Significance.Score balancedAccuracy(int[] truth, int[] predicted, int classes, int resamples, long seed) {
        check(truth.length, predicted.length, "balanced accuracy");
        return Significance.of("balanced accuracy", 1.0 / classes, truth.length, (rows, pair) -> {
            int[] t = new int[rows.length];
            int[] p = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                t[i] = truth[pair[rows[i]]];
                p[i] = predicted[rows[i]];
            }
            return ClassMetrics.balancedAccuracy(t, p, classes);
        }, resamples, seed);
    }

    /** The area under the ROC curve of {@code scores} for the positive trials; chance 0.5. */
    public static Significance.Score auc(double[] scores, boolean[] positive, int resamples, long seed) {
        check(scores.length, positive.length, "AUC");
        return Significance.of("AUC", 0.5, scores.length, (rows, pair) -> {
            double[] s = new double[rows.length];
            boolean[] y = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) {
                s[i] = scores[rows[i]];
                y[i] = positive[pair[rows[i]]];
            }
            return ClassMetrics.auc(s, y);
        }, resamples, seed);
    }

    /**
     * Top-k retrieval: trial i's prediction is compared by cosine similarity with every candidate
     * (rows of {@code candidates}); it counts when candidate {@code truth[i]} is among the k most
     * similar. Chance is k / candidates.
     */
    public static Significance.Score topK(double[][] predicted, double[][] candidates, int[] truth, int k, int resamples,
            long seed) {
        check(predicted.length, truth.length, "top-" + k);
        double[][] similarity = cosines(predicted, candidates);
        return Significance.of("top-" + k, Math.min(1.0, k / (double) candidates.length), predicted.length, (rows, pair) -> {
            int found = 0;
            for (int row : rows) {
                double own = similarity[row][truth[pair[row]]];
                int better = 0;
                for (int c = 0; c < candidates.length; c++) {
                    if (c != truth[pair[row]] && similarity[row][c] > own) {
                        better++;
                    }
                }
                found += Double.isNaN(own) || better >= k ? 0 : 1;
            }
            return found / (double) rows.length;
        }, resamples, seed);
    }

    /**
     * Two-way identification (as MindEye reports it): for each trial, the share of other candidates
     * its prediction is more similar to its own candidate than to. Chance 0.5.
     */
    public static Significance.Score twoWay(double[][] predicted, double[][] candidates, int[] truth, int resamples,
            long seed) {
        check(predicted.length, truth.length, "2-way");
        double[][] similarity = cosines(predicted, candidates);
        return Significance.of("2-way", 0.5, predicted.length, (rows, pair) -> {
            double sum = 0;
            for (int row : rows) {
                int own = truth[pair[row]];
                int wins = 0;
                for (int c = 0; c < candidates.length; c++) {
                    if (c != own && similarity[row][own] > similarity[row][c]) {
                        wins++;
                    }
                }
                sum += wins / (double) (candidates.length - 1);
            }
            return sum / rows.length;
        }, resamples, seed);
    }

    /**
     * N-way retrieval as MindEye2 reports it: {@code repeats} times, draw {@code way} of the trials at
     * random; within the draw, a trial counts when its prediction is more similar (cosine) to its own
     * truth than to the other {@code way − 1} truths ({@code brainToStimulus}), or when its truth is
     * more similar to its own prediction than to the others' (stimulus to brain). The value is the
     * mean over draws (all trials, once, when {@code way} is at least their number: the zero-shot
     * protocol of THINGS-EEG's 200 test concepts). Chance is 1 / way.
     */
    public static Significance.Score nWay(double[][] predicted, double[][] truth, int way, int repeats, boolean brainToStimulus,
            int resamples, long seed) {
        check(predicted.length, truth.length, way + "-way");
        double[][] similarity = cosines(predicted, truth);
        int size = Math.min(way, predicted.length);
        String name = size + "-way top-1 " + (brainToStimulus ? "brain→stimulus" : "stimulus→brain");
        return Significance.of(name, 1.0 / size, predicted.length, (rows, pair) -> {
            java.util.Random random = new java.util.Random(seed);
            int draws = size >= rows.length ? 1 : repeats;
            double sum = 0;
            for (int d = 0; d < draws; d++) {
                int[] pick = rows.clone();
                for (int i = 0; i < size; i++) {
                    int j = i + random.nextInt(pick.length - i);
                    int swap = pick[i];
                    pick[i] = pick[j];
                    pick[j] = swap;
                }
                int found = 0;
                for (int a = 0; a < size; a++) {
                    boolean best = true;
                    double own = similarity[pick[a]][pair[pick[a]]];
                    for (int b = 0; b < size && best; b++) {
                        if (b != a && pick[b] != pick[a]) {
                            double other = brainToStimulus ? similarity[pick[a]][pair[pick[b]]]
                                    : similarity[pick[b]][pair[pick[a]]];
                            best = own > other;
                        }
                    }
                    found += best ? 1 : 0;
                }
                sum += found / (double) size;
            }
            return sum / draws;
        }, resamples, seed);
    }

    /**
     * 2-vs-2 identification (Mitchell et al. 2008): over every pair of trials, the share whose two
     * predictions are matched to their own truths with a smaller summed cosine distance than
     * crosswise. Chance 0.5.
     */
    public static Significance.Score twoVsTwo(double[][] predicted, double[][] truth, int resamples, long seed) {
        check(predicted.length, truth.length, "2-vs-2");
        double[][] similarity = cosines(predicted, truth);
        return Significance.of("2-vs-2", 0.5, predicted.length, (rows, pair) -> {
            long right = 0;
            long pairs = 0;
            for (int a = 0; a < rows.length; a++) {
                for (int b = a + 1; b < rows.length; b++) {
                    int i = rows[a];
                    int j = rows[b];
                    if (pair[i] == pair[j]) {
                        continue;
                    }
                    double matched = (1 - similarity[i][pair[i]]) + (1 - similarity[j][pair[j]]);
                    double crossed = (1 - similarity[i][pair[j]]) + (1 - similarity[j][pair[i]]);
                    right += matched < crossed ? 1 : 0;
                    pairs++;
                }
            }
            return pairs == 0 ? Double.NaN : right / (double) pairs;
        }, resamples, seed);
    }

    /** The mean Pearson correlation between each reconstruction and its true image (pixels flattened); chance 0. */
    public static Significance.Score pixelCorrelation(double[][] reconstructed, double[][] truth, int resamples, long seed) {
        check(reconstructed.length, truth.length, "pixel correlation");
        return Significance.of("pixel correlation", 0, reconstructed.length, (rows, pair) -> {
            double sum = 0;
            for (int row : rows) {
                sum += pearson(reconstructed[row], truth[pair[row]]);
            }
            return sum / rows.length;
        }, resamples, seed);
    }

    /**
     * The mean squared error between each reconstruction and its true image; {@code chance} is the
     * error of a reconstruction that knows nothing of the trial (the training images' mean).
     */
    public static Significance.Score mse(double[][] reconstructed, double[][] truth, double chance, int resamples, long seed) {
        check(reconstructed.length, truth.length, "MSE");
        return Significance.of("MSE", chance, reconstructed.length, (rows, pair) -> {
            double sum = 0;
            for (int row : rows) {
                sum += squaredError(reconstructed[row], truth[pair[row]]);
            }
            return sum / rows.length;
        }, resamples, seed, false);
    }

    /** The mean squared difference of two vectors of one length. */
    public static double squaredError(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum / a.length;
    }

    /**
     * The mean structural similarity of each reconstruction with its true image (grey levels in
     * [0, 1], row-major {@code width} × height), as scikit-image's {@code structural_similarity} with
     * its defaults: 7 × 7 uniform windows, sample covariances, K1 = 0.01, K2 = 0.03, data range 1, the
     * mean over the windows that lie inside the image. Chance 0.
     */
    public static Significance.Score ssim(double[][] reconstructed, double[][] truth, int width, int resamples, long seed) {
        check(reconstructed.length, truth.length, "SSIM");
        return Significance.of("SSIM", 0, reconstructed.length, (rows, pair) -> {
            double sum = 0;
            for (int row : rows) {
                sum += ssim(reconstructed[row], truth[pair[row]], width);
            }
            return sum / rows.length;
        }, resamples, seed);
    }

    /** The structural similarity of two grey-level images of one size (see {@link #ssim(double[][], double[][], int, int, long)}). */
    public static double ssim(double[] a, double[] b, int width) {
        int height = a.length / width;
        int win = 7;
        if (width < win || height < win || a.length != b.length || a.length != width * height) {
            throw new DecoderException("SSIM: expected two images of one size, at least 7 × 7, found " + a.length + " and "
                    + b.length + " pixels, width " + width);
        }
        double c1 = 0.01 * 0.01;
        double c2 = 0.03 * 0.03;
        double n = win * win;
        double norm = n / (n - 1);
        double sum = 0;
        int count = 0;
        for (int y = 0; y + win <= height; y++) {
            for (int x = 0; x + win <= width; x++) {
                double ma = 0;
                double mb = 0;
                double aa = 0;
                double bb = 0;
                double ab = 0;
                for (int dy = 0; dy < win; dy++) {
                    for (int dx = 0; dx < win; dx++) {
                        double u = a[(y + dy) * width + x + dx];
                        double v = b[(y + dy) * width + x + dx];
                        ma += u;
                        mb += v;
                        aa += u * u;
                        bb += v * v;
                        ab += u * v;
                    }
                }
                ma /= n;
                mb /= n;
                double va = norm * (aa / n - ma * ma);
                double vb = norm * (bb / n - mb * mb);
                double cov = norm * (ab / n - ma * mb);
                sum += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
                count++;
            }
        }
        return sum / count;
    }

    /** Pearson's correlation of two vectors of one length (NaN when either is constant). */
    public static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static double[][] cosines(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int k = 0; k < a[i].length; k++) {
                    dot += a[i][k] * b[j][k];
                    na += a[i][k] * a[i][k];
                    nb += b[j][k] * b[j][k];
                }
                out[i][j] = dot / Math.sqrt(na * nb);
            }
        }
        return out;
    }

    private static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            if (v < 0) {
                throw new DecoderException("labels: expected classes numbered from 0, found " + v);
            }
            m = Math.max(m, v);
        }
        return m;
    }

    private static void check(int a, int b, String metric) {
        if (a != b || a == 0) {
            throw new DecoderException(metric + ": expected one prediction per trial, found " + a + " predictions and "
                    + b + " truths");
        }
    }
}
