package org.neurodec.subjects.sources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.neurodec.NeurodecException;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.SubjectsException;
import org.neurodec.subjects.TrialInfo;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.TrialSource;

/**
 * Epochs as {@code neurodec preprocess} writes them, several files at once: each file's {@code data}
 * (epochs × channels × times, volts), {@code epochs/condition} (a trial's label and stimulus id),
 * {@code ch_names}, {@code ch_types} and the root attributes {@code sfreq} and {@code tmin}. The EEG
 * channels are kept, as {@link EegFileSource} keeps them; a trial's duration, for calibration
 * minutes, is the mean gap between the file's {@code epochs/event_sample} events, so a job on these files decodes the trials a
 * job on the recordings through the same pipeline would. A trial's session and run are the file
 * name's BIDS {@code ses-} and {@code run-} entities, the run else the file name; when the files are
 * not given per subject, a file name's {@code sub-} entity names its subject. Every file of a subject
 * must have the same channels, rate and window.
 */
public final class PreprocessedSource implements TrialSource {

    private static final Pattern ENTITY = Pattern.compile("(?:^|_)(sub|ses|run)-([A-Za-z0-9]+)");

    private final Map<String, List<Path>> files;
    private final Map<Path, String> inputs = new LinkedHashMap<>();

    /**
     * The files of each subject (id → files, in order); one subject "" when the job names none, whose
     * files are then grouped by their {@code sub-} entity when every file name has one.
     */
    public PreprocessedSource(Map<String, List<Path>> files) {
        if (files.isEmpty() || files.values().stream().anyMatch(List::isEmpty)) {
            throw new SubjectsException("preprocessed files: expected at least one file per subject, found " + files);
        }
        List<Path> unnamed = files.get("");
        if (files.size() == 1 && unnamed != null && unnamed.stream().allMatch(f -> entity(f, "sub") != null)) {
            Map<String, List<Path>> bySubject = new LinkedHashMap<>();
            unnamed.forEach(f -> bySubject.computeIfAbsent(entity(f, "sub"), k -> new ArrayList<>()).add(f));
            this.files = bySubject;
        } else {
            this.files = new LinkedHashMap<>(files);
        }
    }

    /** The value of a BIDS entity ({@code sub}, {@code ses}, {@code run}) in the file's name, or null. */
    static String entity(Path file, String key) {
        Matcher m = ENTITY.matcher(file.getFileName().toString());
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return m.group(2);
            }
        }
        return null;
    }

    @Override
    public List<String> subjects() {
        return List.copyOf(files.keySet());
    }

    /** One file's EEG epochs and what they need to agree on. */
    private record Part(List<String> channels, double sfreq, double tmin, int times, float[] values, String[] conditions,
            double seconds, int gaps) {
    }

    @Override
    public SubjectTrials load(String subject, Consumer<String> progress) {
        List<Path> these = files.get(subject);
        if (these == null) {
            throw new SubjectsException("subject " + subject + ": expected one of the subjects " + subjects() + ", found none");
        }
        List<Part> parts = new ArrayList<>();
        List<TrialInfo> info = new ArrayList<>();
        for (Path file : these) {
            progress.accept("reading " + file.getFileName());
            inputs.put(file, "epochs");
            Part part = read(file);
            if (!parts.isEmpty()) {
                Part first = parts.get(0);
                if (!first.channels.equals(part.channels) || first.sfreq != part.sfreq || first.tmin != part.tmin
                        || first.times != part.times) {
                    throw new SubjectsException(file + ": expected the EEG channels " + first.channels + ", " + first.sfreq
                            + " Hz and " + first.times + " samples from " + first.tmin + " s of " + these.get(0).getFileName()
                            + ", found " + part.channels + ", " + part.sfreq + " Hz and " + part.times + " samples from "
                            + part.tmin + " s");
                }
            }
            parts.add(part);
            String name = file.getFileName().toString();
            String session = entity(file, "ses");
            String run = entity(file, "run");
            for (String condition : part.conditions) {
                info.add(new TrialInfo(subject, session == null ? "" : session, run == null ? name : run, condition, condition,
                        name, false));
            }
        }
        Part first = parts.get(0);
        double seconds = parts.stream().mapToDouble(Part::seconds).sum();
        int gaps = parts.stream().mapToInt(Part::gaps).sum();
        float[] values = new float[info.size() * first.channels.size() * first.times];
        int at = 0;
        for (Part part : parts) {
            System.arraycopy(part.values, 0, values, at, part.values.length);
            at += part.values.length;
        }
        TrialSet trials = TrialSet.wrapEeg(subject, first.channels.size(), first.times, values,
                info.stream().map(TrialInfo::stimulus).toList());
        return new SubjectTrials(trials, Subject.of(trials.withSubject(subject.isEmpty() ? "all" : subject), first.channels), info,
                first.tmin, first.sfreq, null, gaps == 0 ? Double.NaN : seconds / gaps);
    }

    private static Part read(Path file) {
        try (Hdf5File h5 = Hdf5File.open(file)) {
            long[] shape = h5.shape("data");
            if (shape.length != 3) {
                throw new SubjectsException(file + ": dataset data: expected epochs × channels × times as neurodec preprocess"
                        + " writes them with an epochs step, found " + (shape.length == 2 ? "continuous channels × times"
                        : Arrays.toString(shape)));
            }
            int epochs = (int) shape[0];
            int channels = (int) shape[1];
            int times = (int) shape[2];
            String[] names = h5.read("ch_names").toStrings();
            String[] types = h5.read("ch_types").toStrings();
            String[] conditions = h5.read("epochs/condition").toStrings();
            if (names.length != channels || types.length != channels) {
                throw new SubjectsException(file + ": datasets ch_names and ch_types: expected " + channels
                        + " channels (as data), found " + names.length + " and " + types.length);
            }
            if (conditions.length != epochs) {
                throw new SubjectsException(file + ": dataset epochs/condition: expected " + epochs + " labels, found "
                        + conditions.length);
            }
            Map<String, Object> root = h5.attributes("/");
            double sfreq = number(file, root, "sfreq");
            double tmin = number(file, root, "tmin");
            int[] eeg = IntStream.range(0, channels).filter(c -> types[c].equals("eeg")).toArray();
            if (eeg.length == 0) {
                throw new SubjectsException(file + ": dataset ch_types: expected EEG channels, found " + Arrays.toString(types));
            }
            double[] data = h5.read("data").toDoubles();
            float[] values = new float[epochs * eeg.length * times];
            for (int e = 0, i = 0; e < epochs; e++) {
                for (int c : eeg) {
                    int from = (e * channels + c) * times;
                    for (int t = 0; t < times; t++) {
                        values[i++] = (float) data[from + t];
                    }
                }
            }
            // the mean gap between the kept epochs' events: the time a trial takes, for calibration minutes
            long[] samples = h5.read("epochs/event_sample").toLongs();
            long[] sorted = samples.clone();
            Arrays.sort(sorted);
            double seconds = sorted.length < 2 ? 0 : (sorted[sorted.length - 1] - sorted[0]) / sfreq;
            return new Part(IntStream.of(eeg).mapToObj(c -> names[c]).toList(), sfreq, tmin, times, values, conditions, seconds,
                    Math.max(0, sorted.length - 1));
        } catch (NeurodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SubjectsException(file + ": expected epochs written by neurodec preprocess: " + e.getMessage(), e);
        }
    }

    private static double number(Path file, Map<String, Object> attributes, String key) {
        Object value = attributes.get(key);
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0);
        } else if (value != null && value.getClass().isArray() && java.lang.reflect.Array.getLength(value) == 1) {
            value = java.lang.reflect.Array.get(value, 0);
        }
        if (!(value instanceof Number n)) {
            throw new SubjectsException(file + ": attribute /" + key + ": expected a number, found " + value);
        }
        return n.doubleValue();
    }

    @Override
    public Map<Path, String> inputs() {
        return new LinkedHashMap<>(inputs);
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("preprocessed_subjects", subjects());
        return p;
    }
}
