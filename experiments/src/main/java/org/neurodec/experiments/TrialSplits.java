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

    private TrialSplits(Set<String> test, Set<String> validation, double testFraction, double validationFraction, long seed) {
        this.test = test;
        this.validation = validation;
        this.testFraction = testFraction;
        this.validationFraction = validationFraction;
        this.seed = seed;
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
        if (byStimulus()) {
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
        return Map.of("by", byStimulus() ? "stimulus" : "trial", "test_fraction", testFraction,
                "validation_fraction", validationFraction, "seed", seed);
    }
}
