package org.neurodec.subjects;

import java.util.List;
import java.util.Map;

/**
 * A subject in a registry: who, which modality, and the data space its adapter reads — a voxel count
 * with the mask and affine it came from (fMRI), or a channel montage and the samples per epoch (EEG)
 * — and named splits of its stimulus ids.
 *
 * @param id the subject's label (as in BIDS, without "sub-")
 * @param modality fMRI or EEG
 * @param features adapter inputs: voxels, or channels (EEG)
 * @param times samples per trial (1 for fMRI)
 * @param channels channel names in order (EEG; empty for fMRI)
 * @param mask the mask file the voxels came from ("" when none)
 * @param affine the mask's voxel-to-world affine, 4 × 4 (empty when none)
 * @param splits named lists of stimulus ids, for example "train" and "test"
 */
public record Subject(String id, Modality modality, int features, int times, List<String> channels, String mask,
        List<List<Double>> affine, Map<String, List<String>> splits) {

    /** Checks the sizes and keeps unmodifiable copies. */
    public Subject {
        if (id == null || id.isBlank() || features < 1 || times < 1) {
            throw new SubjectsException("subject " + id + ": expected an id, features >= 1 and times >= 1, found "
                    + features + " features × " + times + " times");
        }
        if (modality == Modality.EEG && channels.size() != features) {
            throw SubjectsException.shape("subject " + id + " channels", features + " names", channels.size() + "");
        }
        channels = List.copyOf(channels);
        affine = affine.stream().map(List::copyOf).toList();
        splits = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(splits));   // one key order in every JVM
    }

    /** The space of a trial set, with no mask, affine or splits recorded. */
    public static Subject of(TrialSet trials, List<String> channelNames) {
        return new Subject(trials.subject(), trials.modality(), trials.channels(), trials.times(),
                trials.modality() == Modality.EEG ? channelNames : List.of(), "", List.of(), Map.of());
    }

    /** The fMRI subject of {@code trials}, recording the mask file its voxels came from and the mask's affine. */
    public static Subject fmri(TrialSet trials, String mask, double[][] affine) {
        List<List<Double>> rows = java.util.Arrays.stream(affine)
                .map(r -> java.util.Arrays.stream(r).boxed().toList()).toList();
        return new Subject(trials.subject(), Modality.FMRI, trials.channels(), 1, List.of(), mask, rows, Map.of());
    }

    /** This subject with other named splits of its stimulus ids. */
    public Subject withSplits(Map<String, List<String>> value) {
        return new Subject(id, modality, features, times, channels, mask, affine, value);
    }
}
