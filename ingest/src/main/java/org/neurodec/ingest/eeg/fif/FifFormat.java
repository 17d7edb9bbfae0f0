package org.neurodec.ingest.eeg.fif;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurodec.ingest.FileHead;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.eeg.Annotation;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegFormat;
import org.neurodec.ingest.eeg.EegRecording;

/**
 * Raw FIF recordings ({@code *_raw.fif}, {@code *_eeg.fif}, …), read as MNE-Python's
 * {@code read_raw_fif} reads them: the measurement info (channel names — the extended names when
 * the file carries them — kinds, units, {@code range × cal} calibration, sampling rate, measurement
 * date), data buffers of every sample type MNE writes (short, int, float, double, DAU pack16),
 * skips filled with zeros and annotated {@code BAD_ACQ_SKIP}, the first sample, and MNE's
 * annotations block. Annotation onsets are in seconds from the first stored sample. Split files
 * ({@code -1.fif} continuations) are not followed.
 */
public final class FifFormat implements EegFormat {

    static final int MEAS = 100;
    static final int MEAS_INFO = 101;
    static final int RAW_DATA = 102;
    static final int CONTINUOUS_DATA = 112;
    static final int CH_INFO_BLOCK = 113;
    static final int ANNOTATIONS = 3810;

    static final int NCHAN = 200;
    static final int SFREQ = 201;
    static final int CH_INFO = 203;
    static final int MEAS_DATE = 204;
    static final int COMMENT = 206;
    static final int FIRST_SAMPLE = 208;
    static final int CH_DACQ_NAME = 258;
    static final int DATA_BUFFER = 300;
    static final int DATA_SKIP = 301;
    static final int BASELINE_MIN = 3568;
    static final int BASELINE_MAX = 3569;

    private static final byte[] MAGIC = {0, 0, 0, 100, 0, 0, 0, 31, 0, 0, 0, 20};

    @Override
    public String name() {
        return "fif";
    }

    @Override
    public boolean matchesMagic(FileHead head) {
        return head.rawHas(0, MAGIC);
    }

    @Override
    public boolean matchesSuffix(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".fif");
    }

    /**
     * A raw recording's EEG fields with its first sample; an MNE events file ({@code -eve.fif}) as
     * its event count and the count of each code.
     */
    @Override
    public Map<String, Object> describe(Path file) {
        boolean raw;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FifTree tree = FifTree.read(file, channel);
            raw = !tree.root.find(MEAS_INFO).isEmpty();
            if (!raw && !tree.root.find(FifEvents.EVENTS_BLOCK).isEmpty()) {
                int[][] events = FifEvents.read(file, tree);
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                out.put("format", "fif");
                out.put("file", file.toString());
                out.put("kind", "events");
                out.put("n_events", events.length);
                Map<String, Integer> codes = new java.util.TreeMap<>();
                for (int[] e : events) {
                    codes.merge(Integer.toString(e[2]), 1, Integer::sum);
                }
                out.put("event_counts", codes);
                return out;
            }
        } catch (IOException e) {
            throw new IngestException(file + ": could not be read: " + e.getMessage(), e);
        }
        EegRecording recording = open(file);
        Map<String, Object> out = new java.util.LinkedHashMap<>(EegFormat.describe(recording));
        out.put("first_samp", recording.firstSample());
        return out;
    }

    @Override
    public EegRecording open(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FifTree tree = FifTree.read(file, channel);
            return open(file, tree);
        } catch (IOException e) {
            throw new IngestException(file + ": could not be read: " + e.getMessage(), e);
        }
    }

    /** A channel as the measurement info describes it. */
    record ChannelInfo(String name, int kind, double calibration, int unit) {
    }

    private static EegRecording open(Path file, FifTree tree) throws IOException {
        List<FifTree.Block> infos = tree.root.find(MEAS_INFO);
        if (infos.isEmpty()) {
            throw IngestException.badField(file, "measurement info", "a FIF measurement-info block (101)", "none");
        }
        FifTree.Block info = infos.get(0);
        int declared = -1;
        double sfreq = Double.NaN;
        Double measDate = null;
        List<ChannelInfo> channels = new ArrayList<>();
        for (FifTree.Tag tag : info.tags) {
            switch (tag.kind()) {
                case NCHAN -> declared = tree.intValue(tag);
                case SFREQ -> sfreq = tree.reals(tag)[0];
                case CH_INFO -> channels.add(channelInfo(file, tree, tag));
                case MEAS_DATE -> {
                    int[] stamp = tree.ints(tag);
                    measDate = stamp.length == 0 ? null : stamp[0] + (stamp.length > 1 ? stamp[1] * 1e-6 : 0);
                }
                default -> {
                }
            }
        }
        if (declared != channels.size()) {
            throw IngestException.badField(file, "number of channels", declared + " channel records (FIFF_NCHAN)",
                    channels.size());
        }
        List<FifTree.Block> extended = info.find(CH_INFO_BLOCK);
        if (!extended.isEmpty()) {
            if (extended.size() != channels.size()) {
                throw IngestException.badField(file, "extended channel information", channels.size() + " blocks",
                        extended.size());
            }
            for (int c = 0; c < channels.size(); c++) {
                var name = extended.get(c).tag(CH_DACQ_NAME);
                if (name.isPresent()) {
                    ChannelInfo old = channels.get(c);
                    channels.set(c, new ChannelInfo(tree.string(name.get()), old.kind(), old.calibration(), old.unit()));
                }
            }
        }
        FifTree.Block raw = rawBlock(file, tree);
        FifSamples.Layout layout = FifSamples.Layout.of(file, tree, raw, channels.size());
        List<Channel> out = new ArrayList<>();
        double[] cals = new double[channels.size()];
        for (int c = 0; c < channels.size(); c++) {
            ChannelInfo ch = channels.get(c);
            ChannelType type = type(ch);
            String unit = unitName(ch.unit());
            out.add(new Channel(ch.name(), type, type.isVoltage() ? "V" : unit, unit, sfreq, layout.times()));
            cals[c] = ch.calibration();
        }
        List<Annotation> annotations = new ArrayList<>(annotations(file, tree, layout.firstSample() / sfreq, measDate));
        for (long[] skip : layout.skips()) {
            annotations.add(new Annotation(skip[0] / sfreq, skip[1] / sfreq, "BAD_ACQ_SKIP"));
        }
        annotations.sort(Comparator.comparingDouble(Annotation::onset));
        List<String> warnings = new ArrayList<>();
        if (measDate == null) {
            warnings.add("no measurement date: annotation onsets are relative to the first sample");
        }
        return new EegRecording(file, "fif", out, annotations, warnings, new FifSamples(file, layout, cals),
                layout.firstSample());
    }

    private static FifTree.Block rawBlock(Path file, FifTree tree) {
        List<FifTree.Block> raw = tree.root.find(RAW_DATA);
        if (raw.isEmpty()) {
            raw = tree.root.find(CONTINUOUS_DATA);
        }
        if (raw.isEmpty()) {
            throw IngestException.badField(file, "raw data", "a FIF raw-data block (102 or 112)",
                    "none (an epochs, evoked or MaxShield file is not a raw recording)");
        }
        return raw.get(0);
    }

    private static ChannelInfo channelInfo(Path file, FifTree tree, FifTree.Tag tag) throws IOException {
        if (tag.type() != FifTree.TYPE_CH_INFO || tag.size() < 96) {
            throw IngestException.badField(file, "channel record", "a 96-byte channel-info struct", tag.size() + " bytes of type "
                    + tag.type());
        }
        ByteBuffer b = tree.value(tag);
        b.getInt(); // scan number
        b.getInt(); // logical number
        int kind = b.getInt();
        float range = b.getFloat();
        float cal = b.getFloat();
        b.getInt(); // coil type
        b.position(b.position() + 48); // location
        int unit = b.getInt();
        b.getInt(); // unit multiplier: MNE does not apply it to the data
        byte[] name = new byte[16];
        b.get(name);
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        double calibration = (double) range * (double) cal;
        if (!Double.isFinite(calibration)) {
            throw IngestException.badField(file, "calibration of channel " + new String(name, 0, end, StandardCharsets.ISO_8859_1),
                    "a finite range × cal", calibration);
        }
        return new ChannelInfo(new String(name, 0, end, StandardCharsets.ISO_8859_1), kind, calibration, unit);
    }

    /** MNE's annotations block: onsets (s), ends (s) and descriptions joined by ':' ({COLON} for a colon). */
    private static List<Annotation> annotations(Path file, FifTree tree, double firstTime, Double measDate)
            throws IOException {
        List<FifTree.Block> blocks = tree.root.find(ANNOTATIONS);
        if (blocks.isEmpty()) {
            return List.of();
        }
        FifTree.Block block = blocks.get(0);
        double[] onsets = block.tag(BASELINE_MIN).isPresent() ? tree.reals(block.tag(BASELINE_MIN).get()) : new double[0];
        double[] ends = block.tag(BASELINE_MAX).isPresent() ? tree.reals(block.tag(BASELINE_MAX).get()) : new double[0];
        String joined = block.tag(COMMENT).isPresent() ? tree.string(block.tag(COMMENT).get()) : "";
        List<String> descriptions = joined.isEmpty() ? List.of()
                : java.util.Arrays.stream(joined.split(":", -1)).map(d -> d.replace("{COLON}", ":")).toList();
        if (onsets.length != ends.length || onsets.length != descriptions.size()) {
            throw IngestException.badField(file, "annotations", "as many onsets, ends and descriptions",
                    onsets.length + ", " + ends.length + " and " + descriptions.size());
        }
        // onsets count from the measurement date (or, with none, from sample 0): the first stored sample is first_samp
        boolean fromMeasDate = block.tag(MEAS_DATE).isPresent() || measDate == null;
        double shift = fromMeasDate ? firstTime : 0;
        List<Annotation> out = new ArrayList<>();
        for (int i = 0; i < onsets.length; i++) {
            out.add(new Annotation(onsets[i] - shift, ends[i] - onsets[i], descriptions.get(i)));
        }
        return out;
    }

    private static ChannelType type(ChannelInfo ch) {
        return switch (ch.kind()) {
            case 1 -> ch.unit() == 201 ? ChannelType.GRAD : ChannelType.MAG;
            case 2 -> ChannelType.EEG;
            case 3 -> ChannelType.STIM;
            case 202 -> ChannelType.EOG;
            case 302 -> ChannelType.EMG;
            case 402 -> ChannelType.ECG;
            case 802 -> ChannelType.SEEG;
            case 902 -> ChannelType.ECOG;
            default -> ChannelType.MISC;
        };
    }

    private static final Map<Integer, String> UNITS = Map.ofEntries(Map.entry(-1, ""), Map.entry(0, ""), Map.entry(1, "m"),
            Map.entry(2, "kg"), Map.entry(3, "s"), Map.entry(4, "A"), Map.entry(5, "K"), Map.entry(101, "Hz"),
            Map.entry(102, "N"), Map.entry(103, "Pa"), Map.entry(104, "J"), Map.entry(105, "W"), Map.entry(106, "C"),
            Map.entry(107, "V"), Map.entry(108, "F"), Map.entry(109, "Ohm"), Map.entry(110, "S"), Map.entry(111, "Wb"),
            Map.entry(112, "T"), Map.entry(113, "H"), Map.entry(114, "Cel"), Map.entry(201, "T/m"), Map.entry(202, "Am"));

    private static String unitName(int code) {
        return UNITS.getOrDefault(code, "unit " + code);
    }
}
