package org.neurodec.ingest.eeg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.neurodec.ingest.FileFormat;
import org.neurodec.ingest.FileFormats;
import org.neurodec.ingest.IngestException;

/**
 * An opened EEG recording: channels with their types, units and rates, annotations, and access to
 * the samples by channel and time range, read from disk on each call. Values are in volts for
 * voltage channels, as MNE-Python gives them.
 */
public final class EegRecording {

    private static final int CHUNK = 1 << 15;

    private final Path file;
    private final String format;
    private final List<Channel> channels;
    private final List<Annotation> annotations;
    private final List<String> warnings;
    private final SampleSource source;
    private final double sfreq;
    private final long times;
    private final boolean uniformRate;
    private final long firstSample;

    /** The lowest sampling rate that makes physical sense (one sample in about 11 days). */
    public static final double MIN_SFREQ = 1e-6;
    /** The highest: 10 MHz, far above any EEG or MEG amplifier. */
    public static final double MAX_SFREQ = 1e7;

    /**
     * A recording made by a reader.
     *
     * @param warnings things the reader had to assume or repair, in words (empty when none)
     */
    public EegRecording(Path file, String format, List<Channel> channels, List<Annotation> annotations,
            List<String> warnings, SampleSource source) {
        this(file, format, channels, annotations, warnings, source, 0);
    }

    /**
     * A recording whose first stored sample is sample {@code firstSample} of its acquisition (MNE's
     * {@code first_samp}: event files of FIF recordings count samples from there).
     */
    public EegRecording(Path file, String format, List<Channel> channels, List<Annotation> annotations,
            List<String> warnings, SampleSource source, long firstSample) {
        if (channels.isEmpty()) {
            throw new IngestException(file + ": no signal channels");
        }
        for (Channel c : channels) {
            if (!(c.sfreq() >= MIN_SFREQ && c.sfreq() <= MAX_SFREQ)) {
                throw IngestException.badField(file, "sampling rate of channel " + c.name(), "a rate from " + MIN_SFREQ
                        + " to " + MAX_SFREQ + " Hz (as its header states it)", c.sfreq() + " Hz");
            }
        }
        if (firstSample < 0) {
            throw IngestException.badField(file, "first sample", "0 or more", firstSample);
        }
        this.firstSample = firstSample;
        this.file = file;
        this.format = format;
        this.channels = List.copyOf(channels);
        this.annotations = List.copyOf(annotations);
        this.warnings = List.copyOf(warnings);
        this.source = source;
        this.sfreq = channels.stream().mapToDouble(Channel::sfreq).max().orElseThrow();
        this.times = channels.stream().filter(c -> c.sfreq() == sfreq).mapToLong(Channel::samples).max().orElseThrow();
        this.uniformRate = channels.stream().mapToDouble(Channel::sfreq).distinct().count() == 1;
    }

    /** Opens an EEG file of any supported format, found from its first bytes, then its suffix. */
    public static EegRecording open(Path file) {
        FileFormat format = FileFormats.detect(file);
        if (format instanceof EegFormat eeg) {
            return eeg.open(file);
        }
        throw new IngestException(file + ": a " + format.name() + " file, not an EEG recording");
    }

    /**
     * The same, with the sampling rate given when the file's own says none: a CSV export is read at
     * {@code sfreq} Hz instead of the rate estimated from its timestamps; any other format keeps its
     * header's rate, and a different {@code sfreq} is refused. Empty: as {@link #open(Path)}.
     */
    public static EegRecording open(Path file, java.util.OptionalDouble sfreq) {
        if (sfreq.isEmpty()) {
            return open(file);
        }
        FileFormat format = FileFormats.detect(file);
        if (format instanceof org.neurodec.ingest.eeg.csv.CsvFormat) {
            return new org.neurodec.ingest.eeg.csv.CsvFormat(org.neurodec.ingest.eeg.csv.CsvOptions.defaults()
                    .withSfreq(sfreq.getAsDouble())).open(file);
        }
        EegRecording recording = open(file);
        if (Math.abs(recording.sfreq() - sfreq.getAsDouble()) > 1e-9 * recording.sfreq()) {
            throw new IngestException(file + ": sampling rate: expected the " + sfreq.getAsDouble() + " Hz given, found "
                    + recording.sfreq() + " Hz in its " + recording.format() + " header (a given rate is for CSV exports)");
        }
        return recording;
    }

    /** The file the recording was opened from. */
    public Path file() {
        return file;
    }

    /** The format's name, for example {@code "edf"} or {@code "brainvision"}. */
    public String format() {
        return format;
    }

    /** The signal channels (annotation channels are not among them). */
    public List<Channel> channels() {
        return channels;
    }

    /** The channel names, in order. */
    public List<String> channelNames() {
        return channels.stream().map(Channel::name).toList();
    }

    /** The index of the channel called {@code name}. */
    public int indexOf(String name) {
        for (int c = 0; c < channels.size(); c++) {
            if (channels.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(file + " has no channel '" + name + "'; channels: " + channelNames());
    }

    /** The acquisition's index of the first stored sample (MNE's {@code first_samp}; 0 for most formats). */
    public long firstSample() {
        return firstSample;
    }

    /** Annotations, in the file's order. */
    public List<Annotation> annotations() {
        return annotations;
    }

    /** What the reader had to assume or repair, in words. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether every channel has the same sampling rate. */
    public boolean uniformRate() {
        return uniformRate;
    }

    /** The highest sampling rate among the channels (the rate of all of them when {@link #uniformRate()}). */
    public double sfreq() {
        return sfreq;
    }

    /** Samples per channel at {@link #sfreq()}. */
    public long times() {
        return times;
    }

    /** Samples {@code start} to {@code start + count} of one channel, at that channel's own rate. */
    public double[] read(int channel, long start, int count) {
        Channel c = channels.get(channel);
        checkRange(c, start, count);
        double[] out = new double[count];
        try {
            source.read(channel, start, count, out, 0);
        } catch (IOException e) {
            throw new IngestException(file + ": could not read channel " + c.name() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Samples {@code start} to {@code start + count} of every channel; all channels must share one rate. */
    public Signals read(long start, int count) {
        requireUniformRate();
        checkRange(channels.get(0), start, count);
        double[][] out = new double[channels.size()][count];
        try {
            source.readAll(start, count, out);
        } catch (IOException e) {
            throw new IngestException(file + ": could not read samples: " + e.getMessage(), e);
        }
        return Signals.wrap(out, sfreq());
    }

    /**
     * Reads {@code out[0].length} samples of every channel from {@code start} into arrays the caller
     * owns ({@code out[c]} for channel c), so that a large recording is held once, not copied.
     */
    public void readInto(long start, double[][] out) {
        requireUniformRate();
        if (out.length != channels.size()) {
            throw new IllegalArgumentException(out.length + " arrays for " + channels.size() + " channels");
        }
        int count = out.length == 0 ? 0 : out[0].length;
        checkRange(channels.get(0), start, count);
        try {
            source.readAll(start, count, out);
        } catch (IOException e) {
            throw new IngestException(file + ": could not read samples: " + e.getMessage(), e);
        }
    }

    /** Every sample of every channel (channels must share one rate). */
    public Signals readAll() {
        if (times() > Integer.MAX_VALUE - 64) {
            throw new IngestException(file + ": " + times() + " samples per channel do not fit one array; read ranges");
        }
        return read(0, (int) times());
    }

    /**
     * Mean and population standard deviation of each channel, streamed in chunks (all channels at
     * once when they share a rate, so that interleaved formats read each byte once).
     */
    public ChannelStats stats() {
        int n = channels.size();
        double[] mean = new double[n];
        double[] m2 = new double[n];
        long[] counts = new long[n];
        if (uniformRate()) {
            for (long start = 0; start < times(); start += CHUNK) {
                Signals chunk = read(start, (int) Math.min(CHUNK, times() - start));
                for (int c = 0; c < n; c++) {
                    accumulate(c, chunk.channel(c), mean, m2, counts);
                }
            }
        } else {
            for (int c = 0; c < n; c++) {
                long samples = channels.get(c).samples();
                for (long start = 0; start < samples; start += CHUNK) {
                    accumulate(c, read(c, start, (int) Math.min(CHUNK, samples - start)), mean, m2, counts);
                }
            }
        }
        double[] std = new double[n];
        for (int c = 0; c < n; c++) {
            std[c] = counts[c] == 0 ? Double.NaN : Math.sqrt(m2[c] / counts[c]);
            mean[c] = counts[c] == 0 ? Double.NaN : mean[c];
        }
        return new ChannelStats(mean, std);
    }

    private static void accumulate(int c, double[] values, double[] mean, double[] m2, long[] counts) {
        for (double x : values) {
            counts[c]++;
            double delta = x - mean[c];
            mean[c] += delta / counts[c];
            m2[c] += delta * (x - mean[c]);
        }
    }

    private void requireUniformRate() {
        if (!uniformRate()) {
            throw new IllegalStateException(file + ": channels are sampled at different rates "
                    + channels.stream().map(c -> c.name() + "=" + c.sfreq() + " Hz").toList()
                    + "; read them one by one with read(channel, start, count)");
        }
    }

    private void checkRange(Channel c, long start, int count) {
        if (start < 0 || count < 0 || start + count > c.samples()) {
            throw new IndexOutOfBoundsException("samples [" + start + ", " + (start + count) + ") outside [0, "
                    + c.samples() + ") of channel " + c.name() + " in " + file);
        }
    }

    @Override
    public String toString() {
        return "EegRecording[" + file + ", " + format + ", " + channels.size() + " channels, " + sfreq() + " Hz, "
                + times() + " samples]";
    }
}
