package org.neurodec.subjects;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurodec.ingest.bids.BidsDataset;
import org.neurodec.ingest.bids.BidsRecording;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.epochs.Epochs;
import org.neurodec.preprocess.fmri.FmriPipeline;
import org.neurodec.preprocess.fmri.TrialBetas;

/**
 * A subject's trials from a BIDS dataset, labelled with stimulus ids (the stem of each event's
 * {@code stim_file}, else its trial type): fMRI runs through an {@link FmriPipeline} into single-trial
 * betas, z-scored per run; EEG recordings cut into epochs around each stimulus event.
 */
public final class BidsTrials {

    private BidsTrials() {
    }

    /** Single-trial betas of every functional run of {@code subject}, runs concatenated. */
    public static TrialSet fmri(BidsDataset dataset, String subject, FmriPipeline pipeline) {
        List<TrialBetas> runs = new ArrayList<>();
        for (BidsRecording recording : dataset.recordings(subject)) {
            if (recording.datatype().equals("func")) {
                runs.add(pipeline.run(NiftiImage.open(recording.data()), relabel(recording.events()),
                        recording.repetitionTime(), recording.run().orElse("1")));
            }
        }
        if (runs.isEmpty()) {
            throw new SubjectsException(dataset.root() + ": subject " + subject + " has no functional runs");
        }
        int voxels = runs.get(0).voxels();
        int trials = runs.stream().mapToInt(TrialBetas::trials).sum();
        float[] values = new float[trials * voxels];
        List<String> stimuli = new ArrayList<>();
        int i = 0;
        for (TrialBetas betas : runs) {
            for (int t = 0; t < betas.trials(); t++) {
                for (int v = 0; v < voxels; v++) {
                    values[i++] = (float) betas.get(t, v);
                }
            }
            stimuli.addAll(betas.stimuli());
        }
        return TrialSet.wrapFmri(subject, voxels, values, stimuli);
    }

    /** The registry entry of {@code trials} taken through {@code pipeline}: its mask file and that file's affine. */
    public static Subject fmriSubject(TrialSet trials, FmriPipeline pipeline) {
        return Subject.fmri(trials, pipeline.mask().toString(), NiftiImage.open(pipeline.mask()).header().affine());
    }

    /** Epochs of every EEG recording of {@code subject} around its stimulus events, with the channel names. */
    public static Map.Entry<TrialSet, List<String>> eeg(BidsDataset dataset, String subject, EpochSpec spec) {
        List<Epochs> parts = new ArrayList<>();
        List<String> channels = null;
        for (BidsRecording recording : dataset.recordings(subject)) {
            if (!recording.datatype().equals("eeg")) {
                continue;
            }
            EegRecording eeg = EegRecording.open(recording.data());
            Events events = relabel(recording.events());
            Map<String, String> conditions = new HashMap<>();
            events.trialTypes().forEach(t -> conditions.put(t, t));
            parts.add(Epochs.extract(eeg.readAll(), eeg.channels(), events, conditions, spec, Map.of("subject", subject)));
            channels = eeg.channels().stream().map(c -> c.name()).toList();
        }
        if (parts.isEmpty()) {
            throw new SubjectsException(dataset.root() + ": subject " + subject + " has no EEG recordings");
        }
        Epochs epochs = Epochs.concatenate(parts);
        float[] values = new float[epochs.size() * epochs.channels() * epochs.times()];
        List<String> stimuli = new ArrayList<>();
        for (int e = 0, i = 0; e < epochs.size(); e++) {
            for (int c = 0; c < epochs.channels(); c++) {
                for (int t = 0; t < epochs.times(); t++) {
                    values[i++] = (float) epochs.get(e, c, t);
                }
            }
            stimuli.add(epochs.info().get(e).condition());
        }
        return Map.entry(TrialSet.wrapEeg(subject, epochs.channels(), epochs.times(), values, stimuli), channels);
    }

    /** Events whose trial type is the stimulus id: the stem of stim_file when there is one. */
    static Events relabel(Events events) {
        List<Event> out = new ArrayList<>();
        for (Event e : events.list()) {
            String id = e.stimFile().isEmpty() ? e.trialType() : stem(e.stimFile());
            out.add(new Event(e.onset(), e.duration(), id, e.value(), id, e.extra()));
        }
        return Events.of(out);
    }

    private static String stem(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
