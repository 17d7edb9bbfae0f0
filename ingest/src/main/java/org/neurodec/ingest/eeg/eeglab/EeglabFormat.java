package org.neurodec.ingest.eeg.eeglab;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurodec.ingest.FileHead;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.eeg.Annotation;
import org.neurodec.ingest.eeg.BinarySamples;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegFormat;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.SampleSource;

/**
 * EEGLAB {@code .set} files, saved as MATLAB v5 (read with MFL) or v7.3 (HDF5, read with jhdf),
 * with the samples inside the {@code .set} or in the {@code .fdt} file that {@code datfile} names.
 * Continuous data only; values in µV become volts and events become annotations at
 * (latency − 1) / srate, as MNE's {@code read_raw_eeglab} gives them.
 */
public final class EeglabFormat implements EegFormat {

    private static final double MICROVOLT = 1e-6;

    @Override
    public String name() {
        return "eeglab";
    }

    @Override
    public boolean matchesMagic(FileHead head) {
        return head.rawHas(0, "MATLAB ".getBytes(StandardCharsets.US_ASCII)) && matchesSuffix(head.file());
    }

    @Override
    public boolean matchesSuffix(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".set");
    }

    @Override
    public EegRecording open(Path file) {
        FileHead head = FileHead.read(file);
        boolean hdf5 = head.rawHas(0, "MATLAB 7.3".getBytes(StandardCharsets.US_ASCII))
                || new org.neurodec.ingest.hdf5.Hdf5Format().matchesMagic(head);
        EeglabHeader header = hdf5 ? Mat73Headers.read(file) : Mat5Headers.read(file);
        if (header.trials() != 1) {
            throw IngestException.badField(file, "EEG.trials", "1 (continuous data; epoched files are not supported)",
                    header.trials());
        }
        if (header.nbchan() < 1 || !(header.srate() > 0) || header.pnts() < 1) {
            throw IngestException.badField(file, header.nbchan() < 1 ? "EEG.nbchan" : header.srate() > 0 ? "EEG.pnts" : "EEG.srate",
                    "a positive number", header.nbchan() < 1 ? header.nbchan() : header.srate() > 0 ? header.pnts() : header.srate());
        }
        List<String> warnings = new ArrayList<>();
        List<Channel> channels = channels(file, header, warnings);
        double[] scale = channels.stream().mapToDouble(c -> c.type().isVoltage() ? MICROVOLT : 1).toArray();
        return new EegRecording(file, "eeglab", channels, annotations(header), warnings, samples(file, header, scale));
    }

    private static List<Channel> channels(Path file, EeglabHeader header, List<String> warnings) {
        List<Channel> channels = new ArrayList<>();
        boolean named = header.labels().size() == header.nbchan();
        if (!header.labels().isEmpty() && !named) {
            warnings.add("chanlocs has " + header.labels().size() + " entries for " + header.nbchan()
                    + " channels; using default names");
        }
        for (int c = 0; c < header.nbchan(); c++) {
            String name = named ? header.labels().get(c) : String.format(Locale.ROOT, "EEG %03d", c);
            ChannelType type = named ? type(header.types().size() > c ? header.types().get(c) : "", name) : ChannelType.EEG;
            channels.add(new Channel(name, type, type.isVoltage() ? "V" : "", "\u00b5V", header.srate(), header.pnts()));
        }
        return channels;
    }

    private static ChannelType type(String stored, String name) {
        for (ChannelType t : ChannelType.values()) {
            if (t.mneName().equals(stored.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return name.toUpperCase(Locale.ROOT).contains("EOG") ? ChannelType.EOG : ChannelType.EEG;
    }

    private static List<Annotation> annotations(EeglabHeader header) {
        List<Annotation> out = new ArrayList<>();
        for (EeglabHeader.Event e : header.events()) {
            if (Double.isFinite(e.latency())) {
                double duration = Double.isFinite(e.duration()) && e.duration() >= 0 ? e.duration() / header.srate() : 0;
                out.add(new Annotation((e.latency() - 1) / header.srate(), duration, e.type()));
            }
        }
        return out;
    }

    private static SampleSource samples(Path file, EeglabHeader header, double[] scale) {
        long times = header.pnts();
        if (header.data() instanceof EeglabHeader.External external) {
            long needed = times * header.nbchan() * 4L;
            try {
                long size = Files.size(external.file());
                if (size < needed) {
                    throw IngestException.truncated(external.file(), "data (" + header.nbchan() + " channels x "
                            + times + " float32 samples named by " + file.getFileName() + ")", needed, size);
                }
            } catch (IOException e) {
                throw new IngestException(external.file() + ": could not be read: " + e.getMessage(), e);
            }
            return new BinarySamples(external.file(), 0, true, BinarySamples.Type.FLOAT32, ByteOrder.LITTLE_ENDIAN,
                    times, scale);
        }
        if (header.data() instanceof EeglabHeader.InlineMatrix inline) {
            return (channel, start, count, out, offset) -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = inline.values()[channel][(int) start + i] * scale[channel];
                }
            };
        }
        return new Hdf5DatasetSamples(file, ((EeglabHeader.InlineDataset) header.data()).path(), scale);
    }

    /** The data file a header names, beside the header; its absence is an error naming both. */
    static Path dataFile(Path header, String name) {
        Path path = header.resolveSibling(Path.of(name.replace('\\', '/')).getFileName().toString());
        if (!Files.isRegularFile(path)) {
            throw new IngestException(header + ": the data file it names, " + path + ", is missing");
        }
        return path;
    }

    /** A number as MNE's str() would print an integral MATLAB double: "1" rather than "1.0". */
    static String formatNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

}
