package org.neurodec.experiments;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.neurodec.encoders.EncoderConfig;
import org.neurodec.encoders.SharedEncoder;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.encoders.Targets;
import org.neurodec.encoders.Trainer;
import org.neurodec.encoders.TrainingReport;
import org.neurodec.decoders.stimuli.StimulusSets;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;

/**
 * The one place the shared encoder is trained on a cohort: subjects' trials and registry entries,
 * their targets and a split ({@link Cohort}), then an encoder created for them, trained on the train
 * part with the validation part choosing the epoch, and its stimulus prototypes stored
 * ({@link #train}). {@code train}, {@code run} (shared-encoder jobs), {@code transfer} and the
 * benchmarks all go through here; what they do with the trained encoder (score the test part, adapt a
 * new subject, save it) is theirs.
 */
public final class SharedEncoderWorkflow {

    private SharedEncoderWorkflow() {
    }

    /**
     * Targets from a features file (CSV, HDF5 or .npy, see {@link StimulusSets#read}) and a class table
     * (either may be null), or each stimulus id as its own class ({@code stimulusClasses}, from the trials' {@code stimuli}).
     */
    public static Targets targets(Path features, Path classes, String classColumn, boolean stimulusClasses,
            List<String> stimuli) {
        return targets(features == null ? null : StimulusSets.read(features), classes, classColumn, stimulusClasses, stimuli);
    }

    /** The same with the features already read (or computed), or null. */
    public static Targets targets(StimulusFeatures features, Path classes, String classColumn, boolean stimulusClasses,
            List<String> stimuli) {
        if (features == null && classes == null && !stimulusClasses) {
            throw new org.neurodec.decoders.DecoderException("no targets: give stimulus features, a class table or stimulus classes");
        }
        Targets targets = features == null ? null : Targets.of(features);
        Map<String, String> classOf = new LinkedHashMap<>();
        if (classes != null) {
            classOf.putAll(Targets.readClassTable(classes, classColumn));
        } else if (stimulusClasses) {
            stimuli.forEach(s -> classOf.put(s, s));
        }
        if (classOf.isEmpty()) {
            return targets;
        }
        return targets == null ? Targets.classes(classOf) : targets.withClasses(classOf);
    }

    /**
     * Subjects ready to train on: each one's trials (only those whose stimuli have targets) and its
     * registry entry with its split recorded, the targets, and the split itself.
     *
     * @param trials each subject's trials
     * @param subjects each subject's registry entry, with the split's stimuli
     * @param targets what the encoder learns from each stimulus id
     * @param splits the train, validation and test parts
     */
    public record Cohort(List<TrialSet> trials, List<Subject> subjects, Targets targets, TrialSplits splits) {

        /**
         * The cohort of {@code loaded} subjects: trials of stimuli without features are left out (said on
         * {@code log}), and the split is by stimulus when there are features (test stimuli are never trained
         * on), else by trial.
         */
        public static Cohort of(List<Map.Entry<TrialSet, Subject>> loaded, Targets targets, double testFraction,
                double validationFraction, long seed, Consumer<String> log) {
            List<TrialSet> trials = new ArrayList<>();
            List<String> stimuli = new ArrayList<>();
            for (Map.Entry<TrialSet, Subject> e : loaded) {
                TrialSet t = EncoderData.targeted(e.getKey(), targets, log);
                trials.add(t);
                stimuli.addAll(t.stimuli());
            }
            TrialSplits splits = targets.hasFeatures()
                    ? TrialSplits.byStimulus(stimuli, testFraction, validationFraction, seed)
                    : TrialSplits.byTrial(testFraction, validationFraction, seed);
            List<Subject> subjects = new ArrayList<>();
            for (int s = 0; s < loaded.size(); s++) {
                subjects.add(loaded.get(s).getValue().withSplits(splits.registryEntry(trials.get(s))));
            }
            return new Cohort(List.copyOf(trials), List.copyOf(subjects), targets, splits);
        }

        /** The same subjects and trials under another split (their registry entries re-made for it). */
        public Cohort withSplits(TrialSplits other) {
            List<Subject> entries = new ArrayList<>();
            for (int s = 0; s < subjects.size(); s++) {
                entries.add(subjects.get(s).withSplits(other.registryEntry(trials.get(s))));
            }
            return new Cohort(trials, List.copyOf(entries), targets, other);
        }

        /** The same cohort restricted to the subjects {@code ids}, in that order (a transfer fold's training subjects). */
        public Cohort only(List<String> ids) {
            List<TrialSet> t = new ArrayList<>();
            List<Subject> s = new ArrayList<>();
            for (String id : ids) {
                int i = index(id);
                t.add(trials.get(i));
                s.add(subjects.get(i));
            }
            return new Cohort(List.copyOf(t), List.copyOf(s), targets, splits);
        }

        /** The subject {@code id}'s trials. */
        public TrialSet trialsOf(String id) {
            return trials.get(index(id));
        }

        /** Every subject's trials of one part ({@code train}, {@code validation} or {@code test}). */
        public List<TrialSet> part(String name) {
            return trials.stream().map(t -> splits.part(t, name)).toList();
        }

        private int index(String id) {
            for (int i = 0; i < trials.size(); i++) {
                if (trials.get(i).subject().equals(id)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("subject " + id + ": expected one of the cohort's "
                    + trials.stream().map(TrialSet::subject).toList() + ", found none");
        }
    }

    /**
     * A trained encoder, which the caller closes, and its training report.
     *
     * @param encoder the trained encoder with its prototypes stored
     * @param report the loss and validation history and the best epoch
     */
    public record Trained(SharedEncoder encoder, TrainingReport report) implements AutoCloseable {
        @Override
        public void close() {
            encoder.close();
        }
    }

    /** Trains a new encoder on {@code cohort}'s train part, the validation part choosing the epoch. */
    public static Trained train(Cohort cohort, EncoderConfig config, Device device, Consumer<String> progress) {
        return train(cohort, config, device, progress, null, false);
    }

    /** The same, rewriting a resumable checkpoint in {@code checkpoint} (when not null) after every epoch. */
    public static Trained train(Cohort cohort, EncoderConfig config, Device device, Consumer<String> progress, Path checkpoint,
            boolean resume) {
        return train(cohort.part("train"), cohort.part("validation"), cohort.subjects(), cohort.targets(), config, device,
                progress, checkpoint, resume);
    }

    /**
     * Trains a new encoder for {@code subjects} on {@code train}, with {@code validation} (the same
     * subjects' other trials, possibly none) choosing the epoch, and stores the stimulus prototypes of
     * {@code train}: for callers with splits of their own (the benchmarks).
     */
    public static Trained train(List<TrialSet> train, List<TrialSet> validation, List<Subject> subjects, Targets targets,
            EncoderConfig config, Device device, Consumer<String> progress, Path checkpoint, boolean resume) {
        SharedEncoder encoder = SharedEncoder.create(config, targets, subjects, device);
        progress.accept(String.format(java.util.Locale.ROOT, "training on %s: %d subjects, %d trials, %d parameters",
                encoder.device(), subjects.size(), train.stream().mapToInt(TrialSet::trials).sum(), encoder.parameterCount()));
        try (Trainer trainer = new Trainer(encoder, targets, progress)) {
            if (checkpoint != null) {
                trainer.checkpoints(checkpoint, resume);
            }
            TrainingReport report = trainer.train(train, validation, Set.of());
            trainer.storePrototypes(train);
            return new Trained(encoder, report);
        } catch (RuntimeException | Error e) {
            encoder.close();
            throw e;
        }
    }
}
