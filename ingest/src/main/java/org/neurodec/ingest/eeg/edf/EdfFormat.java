package org.neurodec.ingest.eeg.edf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurodec.ingest.FileHead;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegFormat;
import org.neurodec.ingest.eeg.EegRecording;

/**
 * EDF, EDF+, BDF and BDF+ recordings. Channel types and units follow MNE's {@code read_raw_edf}:
 * every signal is EEG except trigger channels named "Status" or "Trigger"; µV and mV become volts.
 * Signals may have different sampling rates: each is read at its own. Discontinuous EDF+D files
 * are refused.
 */
public final class EdfFormat implements EegFormat {

    private static final byte[] EDF_MAGIC = "0       ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BDF_MAGIC = {(byte) 0xFF, 'B', 'I', 'O', 'S', 'E', 'M', 'I'};

    @Override
    public String name() {
        return "edf";
    }

    @Override
    public boolean matchesMagic(FileHead head) {
        return head.rawHas(0, EDF_MAGIC) || head.rawHas(0, BDF_MAGIC);
    }

    @Override
    public boolean matchesSuffix(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".edf") || name.endsWith(".bdf");
    }

    @Override
    public EegRecording open(Path file) {
        EdfHeader header = EdfHeaderReader.read(file);
        if (header.discontinuous()) {
            throw IngestException.badField(file, "reserved", "a continuous recording (EDF+C or plain EDF/BDF); "
                    + "EDF+D files with gaps are not supported", "'" + header.reserved() + "'");
        }
        List<String> warnings = new ArrayList<>();
        long records = records(file, header, warnings);
        double duration = header.recordDuration();
        if (duration == 0) {
            warnings.add("record duration is 0 in the header; taken as 1 s (as MNE does)");
            duration = 1;
        }
        List<Channel> channels = new ArrayList<>();
        List<Integer> signals = new ArrayList<>();
        List<Double> units = new ArrayList<>();
        List<Boolean> triggers = new ArrayList<>();
        List<String> names = uniqueNames(header.signals().stream().filter(s -> !s.isAnnotations())
                .map(EdfSignal::label).toList());
        for (int s = 0, c = 0; s < header.signals().size(); s++) {
            EdfSignal signal = header.signals().get(s);
            if (signal.isAnnotations()) {
                continue;
            }
            String name = names.get(c++);
            boolean trigger = name.equalsIgnoreCase("status") || name.equalsIgnoreCase("trigger");
            double unit = trigger ? 1 : unitScale(signal.physicalDimension());
            String shown = trigger ? "" : unit == 1 && !signal.physicalDimension().equals("V") ? signal.physicalDimension() : "V";
            channels.add(new Channel(name, trigger ? ChannelType.STIM : ChannelType.EEG, shown,
                    signal.physicalDimension(), signal.samplesPerRecord() / duration, records * signal.samplesPerRecord()));
            signals.add(s);
            units.add(unit);
            triggers.add(trigger);
        }
        if (channels.stream().mapToDouble(Channel::sfreq).distinct().count() > 1) {
            warnings.add("signals have different sampling rates; each is read at its own rate");
        }
        boolean[] trigger = new boolean[triggers.size()];
        for (int i = 0; i < trigger.length; i++) {
            trigger[i] = triggers.get(i);
        }
        EdfSamples samples = new EdfSamples(file, header, signals.stream().mapToInt(Integer::intValue).toArray(),
                units.stream().mapToDouble(Double::doubleValue).toArray(), trigger);
        return new EegRecording(file, header.formatName(), channels,
                EdfAnnotations.read(file, header, records, warnings), warnings, samples);
    }

    /** The number of complete data records in the file; MNE's rule when the header disagrees. */
    private static long records(Path file, EdfHeader header, List<String> warnings) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IngestException(file + ": could not be read: " + e.getMessage(), e);
        }
        long complete = (size - header.headerBytes()) / header.recordBytes();
        if (complete < 1) {
            throw IngestException.truncated(file, "data records (none complete)",
                    header.headerBytes() + header.recordBytes(), size);
        }
        if (header.records() != complete) {
            warnings.add("the header states " + header.records() + " data records but the file holds "
                    + complete + " complete ones; reading " + complete);
        }
        return complete;
    }

    /** MNE's scale to SI units: µV (in any of its spellings) and mV become volts; anything else stays. */
    static double unitScale(String dimension) {
        return switch (dimension) {
            case "uV", "\u00B5V", "\u03BCV" -> 1e-6;
            case "mV" -> 1e-3;
            default -> 1;
        };
    }

    /** Names made unique by appending "-0", "-1", … to every repeated one. */
    static List<String> uniqueNames(List<String> names) {
        Map<String, Integer> counts = new HashMap<>();
        names.forEach(n -> counts.merge(n, 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(counts.get(n) == 1 ? n : n + "-" + (seen.merge(n, 1, Integer::sum) - 1));
        }
        return out;
    }
}
