package org.neurodec.subjects.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.neurodec.ingest.bids.BidsDataset;
import org.neurodec.ingest.bids.BidsRecording;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.epochs.Epochs;
import org.neurodec.preprocess.fmri.FmriPipeline;
import org.neurodec.preprocess.fmri.RunBetas;
import org.neurodec.preprocess.fmri.TrialBetas;
import org.neurodec.preprocess.pipeline.EpochStep;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.SubjectsException;
import org.neurodec.subjects.TrialInfo;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.TrialSource;

/**
 * Subjects' trials from a BIDS dataset: fMRI runs through LSA/LSS single-trial betas inside each
 * subject's mask ({@code mask} is a path pattern under the root in which {@code {subject}} stands for
 * the label), z-scored per run; or EEG recordings cut into epochs around each stimulus event. A
 * trial's stimulus id is the stem of its event's {@code stim_file}, else its trial type; its label is
 * the trial type; its session and run are the recording's. EEG keeps the recordings' EEG channels, as
 * {@link EegFileSource} does.
 *
 * EEG options: the epoch window (s), baseline before 0 s, rejection above a peak-to-peak amplitude
 * (µV; null keeps all), decimation. The dataset's layout is scanned once per source.
 */
public final class BidsTrialSource implements TrialSource {

    /** The default mask pattern, where {@code neurodec cohort} writes masks. */
    public static final String DEFAULT_MASK = "derivatives/masks/sub-{subject}_mask.nii.gz";

    private final Path root;
    private final Modality modality;
    private final String mask;
    private final String betas;
    private final double highPass;
    private final double[] window;
    private final boolean baseline;
    private final Double rejectMicrovolts;
    private final int decimate;
    /** EEG: the job's preprocessing (filters, then its epochs around the events.tsv events), or null for the window options. */
    private final Pipeline pipeline;
    /** The dataset's layout, scanned once on first use (the recordings themselves are read by {@link #load}). */
    private BidsDataset dataset;

    /** Checks the options; reads nothing. */
    public BidsTrialSource(Path root, Modality modality, String mask, String betas, double highPass, double[] window,
            boolean baseline, Double rejectMicrovolts, int decimate) {
        this(root, modality, mask, betas, highPass, window, baseline, rejectMicrovolts, decimate, null);
    }

    /**
     * The same with EEG recordings run through {@code pipeline} (continuous steps, then its epoch
     * step's window, baseline, rejection and decimation around each recording's events.tsv events,
     * its conditions naming trial types); the window options are then unused.
     */
    public BidsTrialSource(Path root, Modality modality, String mask, String betas, double highPass, double[] window,
            boolean baseline, Double rejectMicrovolts, int decimate, Pipeline pipeline) {
        if (pipeline != null && (modality != Modality.EEG || pipeline.epochStep().isEmpty())) {
            throw new SubjectsException(root + ": a preprocessing pipeline is for EEG recordings and must end in epochs");
        }
        if (modality == Modality.FEATURES) {
            throw new SubjectsException(root + ": expected fMRI or EEG recordings, found a request for a trial matrix");
        }
        if (window.length != 2 || window[1] <= window[0]) {
            throw new SubjectsException("window: expected TMIN,TMAX with TMIN < TMAX, found " + Arrays.toString(window));
        }
        if (decimate < 1) {
            throw new SubjectsException("decimate: expected 1 or more, found " + decimate);
        }
        this.root = root;
        this.modality = modality;
        this.mask = mask;
        this.betas = betas;
        this.highPass = highPass;
        this.window = window.clone();
        this.baseline = baseline;
        this.rejectMicrovolts = rejectMicrovolts;
        this.decimate = decimate;
        this.pipeline = pipeline;
    }

    /** The dataset's root folder. */
    public Path root() {
        return root;
    }

    /** fMRI: the mask path pattern ({@code {subject}} stands for the label). */
    public String mask() {
        return mask;
    }

    /** fMRI: lsa or lss. */
    public String betas() {
        return betas;
    }

    /** fMRI: cosine drift regressors below this frequency (Hz). */
    public double highPass() {
        return highPass;
    }

    /** EEG: epoch start and end (s). */
    public double[] window() {
        return window.clone();
    }

    /** fMRI with LSA betas and the default mask; EEG epochs −0.1…0.6 s with baseline. */
    public static BidsTrialSource of(Path root, Modality modality) {
        return new BidsTrialSource(root, modality, DEFAULT_MASK, "lsa", 0.01, new double[] {-0.1, 0.6}, true, null, 1);
    }

    /** The dataset, its layout scanned on the first call only (recordings are read by {@link #load}). */
    public synchronized BidsDataset open() {
        if (dataset == null) {
            if (!Files.isDirectory(root)) {
                throw new SubjectsException(root + ": expected a BIDS dataset folder, found " + (Files.exists(root) ? "a file"
                        : "nothing"));
            }
            dataset = BidsDataset.open(root);
        }
        return dataset;
    }

    private String datatype() {
        return modality == Modality.FMRI ? "func" : "eeg";
    }

    /** The subjects with recordings of the modality, in the dataset's order. */
    @Override
    public List<String> subjects() {
        BidsDataset dataset = open();
        List<String> found = dataset.subjects().stream()
                .filter(s -> dataset.recordings(s).stream().anyMatch(r -> r.datatype().equals(datatype()))).toList();
        if (found.isEmpty()) {
            throw new SubjectsException(root + ": expected subjects with " + datatype() + " recordings, found none");
        }
        return found;
    }

    @Override
    public SubjectTrials load(String subject, Consumer<String> progress) {
        progress.accept("reading subject " + subject);
        BidsDataset dataset = open();
        List<BidsRecording> recordings = dataset.recordings(subject).stream()
                .filter(r -> r.datatype().equals(datatype())).toList();
        if (recordings.isEmpty()) {
            throw new SubjectsException(root + ": subject " + subject + " has no " + (modality == Modality.FMRI
                    ? "functional runs" : "EEG recordings"));
        }
        return modality == Modality.FMRI ? fmri(subject, recordings) : eeg(subject, recordings);
    }

    private SubjectTrials fmri(String subject, List<BidsRecording> recordings) {
        Path maskFile = root.resolve(mask.replace("{subject}", subject));
        if (!Files.isRegularFile(maskFile)) {
            throw new SubjectsException("subject " + subject + ": mask: expected a mask image at " + maskFile + ", found none");
        }
        FmriPipeline pipeline = new FmriPipeline(maskFile, new RunBetas(betas, highPass, "zscore"), true, false);
        List<TrialBetas> runs = new ArrayList<>();
        List<TrialInfo> info = new ArrayList<>();
        for (BidsRecording recording : recordings) {
            Map<String, String> labels = new HashMap<>();
            Events events = relabel(recording.events(), labels);
            String run = recording.run().orElse("1");
            TrialBetas betas = pipeline.run(NiftiImage.open(recording.data()), events, recording.repetitionTime(), run);
            runs.add(betas);
            for (String stimulus : betas.stimuli()) {
                info.add(new TrialInfo(subject, recording.session().orElse(""), run, labels.getOrDefault(stimulus, stimulus),
                        stimulus, recording.data().getFileName().toString(), false));
            }
        }
        int voxels = runs.get(0).voxels();
        float[] values = new float[info.size() * voxels];
        int i = 0;
        for (TrialBetas run : runs) {
            for (int t = 0; t < run.trials(); t++) {
                for (int v = 0; v < voxels; v++) {
                    values[i++] = (float) run.get(t, v);
                }
            }
        }
        TrialSet trials = TrialSet.wrapFmri(subject, voxels, values, info.stream().map(TrialInfo::stimulus).toList());
        Subject entry = Subject.fmri(trials, maskFile.toString(), NiftiImage.open(maskFile).header().affine());
        return new SubjectTrials(trials, entry, info, Double.NaN, Double.NaN, null, secondsPerTrial(recordings));
    }

    private SubjectTrials eeg(String subject, List<BidsRecording> recordings) {
        Pipeline steps = pipeline != null ? pipeline : Pipeline.empty().epochs(new EpochStep(windowSpec(), "annotations", Map.of()));
        Map<String, String> wanted = steps.epochStep().orElseThrow().conditions();
        List<Epochs> parts = new ArrayList<>();
        List<TrialInfo> info = new ArrayList<>();
        List<String> channels = null;
        int[] eegChannels = null;
        List<String> layout = null;
        for (BidsRecording recording : recordings) {
            EegRecording eeg = EegRecording.open(recording.data());
            List<Event> chosen = recording.events().list().stream()
                    .filter(e -> wanted.isEmpty() || wanted.containsKey(e.trialType())).toList();
            Map<String, String> labels = new HashMap<>();
            Events events = relabel(Events.of(chosen), labels);
            Map<String, String> conditions = new LinkedHashMap<>();
            events.trialTypes().forEach(t -> conditions.put(t, t));
            Epochs epochs;
            try {
                epochs = steps.run(eeg, events, conditions).epochs();
            } catch (PreprocessException e) {
                throw new PreprocessException(e.getMessage() + " (on " + recording.data() + ")", e);
            }
            // the EEG channels, as for data.eeg files (EOG, stimulus and other channels are left out)
            eegChannels = java.util.stream.IntStream.range(0, eeg.channels().size())
                    .filter(c -> eeg.channels().get(c).type() == ChannelType.EEG).toArray();
            List<String> names = java.util.stream.IntStream.of(eegChannels).mapToObj(c -> eeg.channels().get(c).name()).toList();
            if (names.isEmpty()) {
                throw new SubjectsException(recording.data() + ": expected EEG channels, found none among "
                        + eeg.channels().stream().map(c -> c.name() + " (" + c.type().mneName() + ")").toList());
            }
            List<String> all = eeg.channels().stream().map(c -> c.name()).toList();
            if (layout != null && !layout.equals(all)) {
                throw new SubjectsException(recording.data() + ": expected the channels " + layout
                        + " of the subject's recordings before it, found " + all);
            }
            layout = all;
            channels = names;
            parts.add(epochs);
            for (Epochs.Info e : epochs.info()) {
                String type = labels.getOrDefault(e.condition(), e.condition());
                info.add(new TrialInfo(subject, recording.session().orElse(""), recording.run().orElse(""),
                        wanted.getOrDefault(type, type), e.condition(), recording.data().getFileName().toString(), false));
            }
        }
        if (parts.stream().allMatch(p -> p.size() == 0)) {
            throw new SubjectsException(root + ": subject " + subject + ": expected epochs around the events.tsv events of "
                    + recordings.size() + " EEG recordings, found none (every epoch outside its recording or rejected)");
        }
        Epochs epochs = Epochs.concatenate(parts);
        float[] values = new float[epochs.size() * eegChannels.length * epochs.times()];
        for (int e = 0, i = 0; e < epochs.size(); e++) {
            for (int c : eegChannels) {
                for (int t = 0; t < epochs.times(); t++) {
                    values[i++] = (float) epochs.get(e, c, t);
                }
            }
        }
        TrialSet trials = TrialSet.wrapEeg(subject, eegChannels.length, epochs.times(), values,
                info.stream().map(TrialInfo::stimulus).toList());
        return new SubjectTrials(trials, Subject.of(trials, channels), info, epochs.tmin(), epochs.sfreq(), null,
                secondsPerTrial(recordings));
    }

    /** The epochs of the window options: baseline before 0 s, rejection in µV, decimation. */
    private EpochSpec windowSpec() {
        EpochSpec spec = EpochSpec.of(window[0], window[1]);
        if (baseline && window[0] < 0) {
            spec = spec.withBaseline(window[0], 0);
        }
        if (rejectMicrovolts != null) {
            spec = spec.rejecting(ChannelType.EEG, rejectMicrovolts * 1e-6);
        }
        return decimate > 1 ? spec.decimatedBy(decimate) : spec;
    }

    /** The mean gap between a subject's event onsets, over its recordings (NaN with fewer than two events). */
    private static double secondsPerTrial(List<BidsRecording> recordings) {
        double span = 0;
        int gaps = 0;
        for (BidsRecording r : recordings) {
            List<Event> events = r.events().list();
            if (events.size() > 1) {
                span += events.get(events.size() - 1).onset() - events.get(0).onset();
                gaps += events.size() - 1;
            }
        }
        return gaps == 0 ? Double.NaN : span / gaps;
    }

    /** Events whose trial type is the stimulus id (the stem of stim_file when there is one); fills each id's trial type. */
    static Events relabel(Events events, Map<String, String> trialTypeOf) {
        List<Event> out = new ArrayList<>();
        for (Event e : events.list()) {
            String id = e.stimFile().isEmpty() ? e.trialType() : stem(e.stimFile());
            trialTypeOf.putIfAbsent(id, e.trialType());
            out.add(new Event(e.onset(), e.duration(), id, e.value(), id, e.extra()));
        }
        return Events.of(out);
    }

    private static String stem(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The recordings are read from the dataset's root, which is in {@link #provenance()}; no file is hashed. */
    @Override
    public Map<Path, String> inputs() {
        return Map.of();
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bids", root.toAbsolutePath().normalize().toString());
        p.put("modality", modality.name().toLowerCase(Locale.ROOT));
        if (modality == Modality.FMRI) {
            p.put("mask", mask);
            p.put("betas", betas);
            p.put("high_pass_hz", highPass);
        } else if (pipeline != null) {
            p.put("preprocess", pipeline.steps().stream().map(step -> step.name()).toList());
            EpochSpec spec = pipeline.epochStep().orElseThrow().spec();
            p.put("window_s", List.of(spec.tmin(), spec.tmax()));
            p.put("decimate", spec.decim());
        } else {
            p.put("window_s", List.of(window[0], window[1]));
            p.put("baseline", baseline && window[0] < 0);
            p.put("reject_uv", rejectMicrovolts);
            p.put("decimate", decimate);
        }
        return p;
    }
}
