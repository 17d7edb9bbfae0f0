package org.neurodec.encoders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.neurodec.cohort.Cohort;
import org.neurodec.cohort.CohortSpec;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.sources.BidsTrialSource;

/**
 * The default synthetic cohort, generated once per test JVM into a temporary folder and taken from
 * its files through LSA single-trial betas; stimuli split into train (the first 80 %), validation and
 * test (the last 20 % in a seeded order) sets.
 */
final class CohortData {

    static final CohortData DEFAULT = new CohortData(CohortSpec.defaults());

    final Cohort cohort;
    final StimulusFeatures features;
    final List<TrialSet> subjects = new ArrayList<>();
    final List<TrialSet> eeg = new ArrayList<>();
    final List<List<String>> montages = new ArrayList<>();
    /** Each stimulus's class: its word category, or "image". */
    final java.util.Map<String, String> classes = new java.util.LinkedHashMap<>();
    final Set<String> test = new HashSet<>();
    final Set<String> validation = new HashSet<>();

    private CohortData(CohortSpec spec) {
        try {
            Path root = Files.createTempDirectory("neurodec-cohort");
            root.toFile().deleteOnExit();
            cohort = Cohort.generate(spec, root);
            features = StimulusFeatures.readCsv(root.resolve("stimuli/features.csv"));
            BidsTrialSource fmri = BidsTrialSource.of(root, Modality.FMRI);
            BidsTrialSource epochs = BidsTrialSource.of(root, Modality.EEG);
            for (Cohort.Subject s : cohort.subjects()) {
                subjects.add(fmri.load(s.id(), line -> { }).trials());
                SubjectTrials e = epochs.load(s.id(), line -> { });
                eeg.add(e.trials());
                montages.add(e.entry().channels());
            }
            for (int i = 0; i < cohort.stimuli().size(); i++) {
                String label = cohort.stimuli().label(i);
                classes.put(cohort.stimuli().ids().get(i), label.isEmpty() ? "image" : label);
            }
            List<String> ids = new ArrayList<>(cohort.stimuli().ids());
            java.util.Collections.shuffle(ids, new java.util.Random(spec.seed()));
            int n = ids.size();
            test.addAll(ids.subList(0, n / 5));
            validation.addAll(ids.subList(n / 5, n / 5 + n / 10));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The trials of subject {@code s} whose stimuli are (or are not) in {@code set}. */
    TrialSet trials(int s, Set<String> set, boolean inSet) {
        return trials(subjects.get(s), set, inSet);
    }

    /** The trials of {@code all} whose stimuli are (or are not) in {@code set}. */
    static TrialSet trials(TrialSet all, Set<String> set, boolean inSet) {
        int[] rows = IntStream.range(0, all.trials()).filter(t -> set.contains(all.stimuli().get(t)) == inSet).toArray();
        return all.select(rows);
    }

    /** Training trials: neither test nor validation stimuli. */
    TrialSet train(int s) {
        return train(subjects.get(s));
    }

    /** Training trials of {@code all}: neither test nor validation stimuli. */
    TrialSet train(TrialSet all) {
        Set<String> held = new HashSet<>(test);
        held.addAll(validation);
        return trials(all, held, false);
    }
}
