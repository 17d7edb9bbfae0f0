package org.neurodec.subjects.sources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.epochs.Epochs;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.SubjectsException;
import org.neurodec.subjects.TrialInfo;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.TrialSource;

/**
 * Each subject's EEG recordings (any format {@link EegRecording} opens) through a preprocessing
 * pipeline into epochs of the EEG channels, in volts; a trial's label and stimulus id are its epoch's
 * condition, its run the file it came from. Every file of every subject must have the same EEG channels.
 * A step the data cannot take (a cutoff above a file's Nyquist frequency) throws the pipeline's
 * {@link PreprocessException} with the file named, for the caller to name the setting that asked for it.
 */
public final class EegFileSource implements TrialSource {

    private final Map<String, List<Path>> files;
    private final Pipeline pipeline;
    private final java.util.OptionalDouble sfreq;
    private final Map<Path, String> inputs = new LinkedHashMap<>();
    private List<String> channels;

    /** The recordings of each subject (id → files, in order; one subject "" when they name none), through {@code pipeline}. */
    public EegFileSource(Map<String, List<Path>> files, Pipeline pipeline) {
        this(files, pipeline, java.util.OptionalDouble.empty());
    }

    /** The same, CSV exports read at {@code sfreq} Hz (see {@link EegRecording#open(Path, java.util.OptionalDouble)}). */
    public EegFileSource(Map<String, List<Path>> files, Pipeline pipeline, java.util.OptionalDouble sfreq) {
        this.sfreq = sfreq;
        if (files.isEmpty() || files.values().stream().anyMatch(List::isEmpty)) {
            throw new SubjectsException("EEG files: expected at least one file per subject, found " + files);
        }
        this.files = new LinkedHashMap<>(files);
        this.pipeline = pipeline;
    }

    @Override
    public List<String> subjects() {
        return List.copyOf(files.keySet());
    }

    @Override
    public SubjectTrials load(String subject, Consumer<String> progress) {
        List<Path> these = files.get(subject);
        if (these == null) {
            throw new SubjectsException("subject " + subject + ": expected one of the subjects " + subjects() + ", found none");
        }
        List<double[][]> epochs = new ArrayList<>();
        List<TrialInfo> info = new ArrayList<>();
        double tmin = 0;
        double sfreq = 0;
        double seconds = 0;
        for (Path file : these) {
            progress.accept("reading and preprocessing " + file.getFileName());
            inputs.put(file, "recording");
            EegRecording recording = EegRecording.open(file, this.sfreq);
            seconds += recording.times() / recording.sfreq();
            Epochs cut;
            try {
                cut = pipeline.run(recording).epochs();
            } catch (PreprocessException e) {
                throw new PreprocessException(e.getMessage() + " (on " + file + ")", e);
            }
            int[] eeg = IntStream.range(0, recording.channels().size())
                    .filter(c -> recording.channels().get(c).type() == ChannelType.EEG).toArray();
            List<String> names = IntStream.of(eeg).mapToObj(c -> recording.channels().get(c).name()).toList();
            if (channels != null && !channels.equals(names)) {
                throw new SubjectsException(file + ": expected the EEG channels " + channels + " of the files before it, found "
                        + names);
            }
            channels = names;
            tmin = cut.tmin();
            sfreq = cut.sfreq();
            String name = file.getFileName().toString();
            for (int e = 0; e < cut.size(); e++) {
                double[][] all = cut.epoch(e);
                double[][] kept = new double[eeg.length][];
                for (int c = 0; c < eeg.length; c++) {
                    kept[c] = all[eeg[c]];
                }
                epochs.add(kept);
                String condition = cut.info().get(e).condition();
                info.add(new TrialInfo(subject, "", name, condition, condition, name, false));
            }
        }
        if (epochs.isEmpty()) {
            throw new SubjectsException("subject " + (subject.isEmpty() ? "(unnamed)" : subject)
                    + ": expected epochs of the pipeline's conditions in " + these.size() + " files, found none");
        }
        int times = epochs.get(0)[0].length;
        float[] values = new float[epochs.size() * channels.size() * times];
        int i = 0;
        for (double[][] epoch : epochs) {
            for (double[] channel : epoch) {
                for (double v : channel) {
                    values[i++] = (float) v;
                }
            }
        }
        TrialSet trials = TrialSet.wrapEeg(subject, channels.size(), times, values,
                info.stream().map(TrialInfo::stimulus).toList());
        return new SubjectTrials(trials, Subject.of(trials.withSubject(subject.isEmpty() ? "all" : subject), channels), info,
                tmin, sfreq, null, seconds / epochs.size());
    }

    @Override
    public Map<Path, String> inputs() {
        return new LinkedHashMap<>(inputs);
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("eeg_subjects", subjects());
        return p;
    }
}
