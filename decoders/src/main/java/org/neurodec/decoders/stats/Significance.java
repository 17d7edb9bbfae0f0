package org.neurodec.decoders.stats;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.neurodec.decoders.DecoderException;

/**
 * A decoding score with its uncertainty: a percentile bootstrap 95 % interval (trials resampled with
 * replacement) and a permutation p-value (the pairing of trials with their truth shuffled; p = (1 +
 * permutations scoring at least the observed) / (1 + permutations)), both seeded.
 */
public final class Significance {

    /**
     * A metric over a set of trials: {@code rows} are the trials scored (with repeats in a bootstrap
     * sample) and trial i is paired with the truth of trial {@code truth[i]} (the identity, or a
     * permutation under the null hypothesis).
     */
    @FunctionalInterface
    public interface TrialMetric {
        double score(int[] rows, int[] truth);
    }

    /**
     * One metric's value beside chance, its 95 % interval and its p-value.
     *
     * @param metric the metric's name
     * @param value the score on all trials
     * @param chance the score expected by chance
     * @param low the bootstrap interval's 2.5th percentile
     * @param high the bootstrap interval's 97.5th percentile
     * @param pValue the permutation p-value (one-sided, in the metric's better direction)
     * @param trials how many trials were scored
     */
    public record Score(String metric, double value, double chance, double low, double high, double pValue, int trials) {
    }

    private Significance() {
    }

    /** Scores {@code trials} trials with {@code metric}, {@code resamples} bootstrap samples and as many permutations. */
    public static Score of(String name, double chance, int trials, TrialMetric metric, int resamples, long seed) {
        return of(name, chance, trials, metric, resamples, seed, true);
    }

    /** The same for a metric where lower is better (an error) when {@code higherIsBetter} is false. */
    public static Score of(String name, double chance, int trials, TrialMetric metric, int resamples, long seed,
            boolean higherIsBetter) {
        if (trials < 1 || resamples < 1) {
            throw new DecoderException(name + ": expected at least one trial and one resample, found " + trials + " and "
                    + resamples);
        }
        int[] identity = new int[trials];
        Arrays.setAll(identity, i -> i);
        double value = metric.score(identity, identity);
        RandomGenerator random = new Well19937c(seed);
        double[] boot = new double[resamples];
        int[] rows = new int[trials];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < trials; i++) {
                rows[i] = random.nextInt(trials);
            }
            boot[r] = metric.score(rows, identity);
        }
        double[] finite = Arrays.stream(boot).filter(Double::isFinite).toArray();
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double low = finite.length == 0 ? Double.NaN : percentile.evaluate(finite, 2.5);
        double high = finite.length == 0 ? Double.NaN : percentile.evaluate(finite, 97.5);
        int atLeast = 0;
        int[] permutation = identity.clone();
        for (int r = 0; r < resamples; r++) {
            for (int i = trials - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
            double permuted = metric.score(identity, permutation);
            if (higherIsBetter ? permuted >= value : permuted <= value) {
                atLeast++;
            }
        }
        return new Score(name, value, chance, low, high, (1.0 + atLeast) / (1.0 + resamples), trials);
    }
}
