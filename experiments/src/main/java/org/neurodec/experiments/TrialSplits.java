package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.neurodec.subjects.TrialSet;

/**
 * How the encoder commands and the transfer job divide trials into train, validation and test parts, from a seed. With stimulus
 * features the split is by stimulus, so test stimuli are never seen in training (zero-shot retrieval)
 * and every subject shares it; with classes only it is by trial, in each subject's own seeded order.
 */
public final class TrialSplits {

    public static final List<String> PARTS = List.of("train", "validation", "test");

    private final Set<String> test;
    private final Set<String> validation;
    private final double testFraction;
    private final double validationFraction;
    private final long seed;
    /** Explicit rows by subject (test and validation; the rest trains), or null. */
    private final Map<String, int[][]> given;

    private TrialSplits(Set<String> test, Set<String> validation, double testFraction, double validationFraction, long seed) {
        this(test, validation, testFraction, validationFraction, seed, null);
    }

    private TrialSplits(Set<String> test, Set<String> validation, double testFraction, double validationFraction, long seed,
            Map<String, int[][]> given) {
        this.test = test;
        this.validation = validation;
        this.testFraction = testFraction;
        this.validationFraction = validationFraction;
        this.seed = seed;
        this.given = given;
    }

    /** A split of the distinct {@code stimuli} (sorted, then shuffled by {@code seed}). */
    public static TrialSplits byStimulus(Collection<String> stimuli, double testFraction, double validationFraction, long seed) {
        List<String> ids = new ArrayList<>(new TreeSet<>(stimuli));
        Collections.shuffle(ids, new Random(seed));
        int n = ids.size();
        int nTest = (int) Math.round(n * testFraction);
        int nValidation = (int) Math.round(n * validationFraction);
        return new TrialSplits(new HashSet<>(ids.subList(0, nTest)), new HashSet<>(ids.subList(nTest, nTest + nValidation)),
                testFraction, validationFraction, seed);
    }

    /** A split of each subject's trials. */
    public static TrialSplits byTrial(double testFraction, double validationFraction, long seed) {
        return new TrialSplits(null, null, testFraction, validationFraction, seed);
    }

    /**
     * Split {@code index} of a shuffle-split protocol, for each subject of {@code trials}: the test rows
     * are scikit-learn's {@code ShuffleSplit(splits, test_size, random_state=seed)} of that subject's
     * trials, drawn exactly; the validation rows are the first {@code round(n · validationFraction)} of
     * the remaining rows in a seeded order; the rest trains.
     */
    public static TrialSplits shuffleSplit(List<TrialSet> trials, int splits, int index, double testSize,
            double validationFraction, long seed) {
        Map<String, int[][]> given = new java.util.LinkedHashMap<>();
        for (TrialSet t : trials) {
            CrossValidation.Split split = CrossValidation.shuffleSplit(t.trials(), splits, testSize, seed).get(index);
            List<Integer> rest = new ArrayList<>(java.util.Arrays.stream(split.train()).boxed().sorted().toList());
            Collections.shuffle(rest, new Random(seed * 31 + index));
            int nValidation = (int) Math.round(t.trials() * validationFraction);
            int[] held = rest.subList(0, nValidation).stream().mapToInt(Integer::intValue).sorted().toArray();
            given.put(t.subject(), new int[][] {split.test(), held});
        }
        return new TrialSplits(null, null, testSize, validationFraction, seed, given);
    }

    /** Whether the split is by stimulus. */
    public boolean byStimulus() {
        return test != null;
    }

    /** The test stimuli (by-stimulus splits only). */
    public Set<String> testStimuli() {
        return Collections.unmodifiableSet(test);
    }

    /** The trials of {@code all} in {@code part}: train, validation or test. */
    public TrialSet part(TrialSet all, String part) {
        return all.select(rows(all, part));
    }

    /** The indices, in recording order, of {@code all}'s trials in {@code part}. */
    public int[] rows(TrialSet all, String part) {
        int[] rows;
        if (given != null) {
            int[][] parts = given.get(all.subject());
            if (parts == null) {
                throw new IllegalArgumentException("subject " + all.subject() + ": not in this split's subjects " + given.keySet());
            }
            Set<Integer> taken = new HashSet<>();
            java.util.Arrays.stream(parts[0]).forEach(taken::add);
            java.util.Arrays.stream(parts[1]).forEach(taken::add);
            rows = switch (part) {
                case "test" -> parts[0].clone();
                case "validation" -> parts[1].clone();
                default -> IntStream.range(0, all.trials()).filter(t -> !taken.contains(t)).toArray();
            };
        } else if (byStimulus()) {
            rows = IntStream.range(0, all.trials()).filter(t -> partOf(all.stimuli().get(t)).equals(part)).toArray();
        } else {
            List<Integer> order = new ArrayList<>(IntStream.range(0, all.trials()).boxed().toList());
            Collections.shuffle(order, new Random(seed * 31 + all.subject().hashCode()));
            int nTest = (int) Math.round(all.trials() * testFraction);
            int nValidation = (int) Math.round(all.trials() * validationFraction);
            int from = switch (part) {
                case "test" -> 0;
                case "validation" -> nTest;
                default -> nTest + nValidation;
            };
            int to = switch (part) {
                case "test" -> nTest;
                case "validation" -> nTest + nValidation;
                default -> all.trials();
            };
            rows = order.subList(from, to).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return rows;
    }

    private String partOf(String stimulus) {
        return test.contains(stimulus) ? "test" : validation.contains(stimulus) ? "validation" : "train";
    }

    /** The stimulus ids of each part, for a subject's registry entry (empty for a by-trial split). */
    public Map<String, List<String>> registryEntry(TrialSet all) {
        if (!byStimulus()) {
            return Map.of();
        }
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String part : PARTS) {
            out.put(part, part(all, part).stimuli().stream().distinct().sorted().toList());
        }
        return out;
    }

    /** The split's parameters, for provenance. */
    public Map<String, Object> provenance() {
        if (given != null) {
            return org.neurodec.Ordered.map("by", "shuffle-split", "test_size", testFraction, "validation_fraction", validationFraction, "seed", seed);
        }
        return org.neurodec.Ordered.map("by", byStimulus() ? "stimulus" : "trial", "test_fraction", testFraction,
                "validation_fraction", validationFraction, "seed", seed);
    }
}
