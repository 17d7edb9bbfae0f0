package org.neurodec.ingest.eeg.brainvision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neurodec.ingest.FileHead;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.eeg.Annotation;
import org.neurodec.ingest.eeg.BinarySamples;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegFormat;
import org.neurodec.ingest.eeg.EegRecording;

/**
 * BrainVision recordings ({@code .vhdr} header, binary {@code .eeg} data, {@code .vmrk} markers),
 * read as MNE's {@code read_raw_brainvision} reads them: values are raw × resolution × unit (µV,
 * mV, nV to volts), channels with other units are misc, HEOGL/HEOGR/VEOGb are EOG, and markers
 * become annotations "type/description" at (position − 1) / sfreq.
 */
public final class BrainVisionFormat implements EegFormat {

    private static final Map<String, Double> VOLTS = Map.of("V", 1.0, "\u00b5V", 1e-6, "uV", 1e-6, "mV", 1e-3, "nV", 1e-9);
    private static final Map<String, Double> OTHER = Map.of("\u00b5S", 1e-6, "uS", 1e-6);
    private static final Set<String> EOG = Set.of("HEOGL", "HEOGR", "VEOGb");
    private static final Pattern MARKER = Pattern.compile("^Mk\\d+=(.*)$", Pattern.MULTILINE);

    @Override
    public String name() {
        return "brainvision";
    }

    @Override
    public boolean matchesMagic(FileHead head) {
        return head.contentHas(0, "Brain Vision Data Exchange Header") || head.contentHas(0, "BrainVision Data Exchange Header")
                || head.contentHas(3, "Brain Vision Data Exchange Header") || head.contentHas(3, "BrainVision Data Exchange Header");
    }

    @Override
    public boolean matchesSuffix(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vhdr");
    }

    @Override
    public EegRecording open(Path vhdr) {
        BrainVisionHeader header = BrainVisionHeader.read(vhdr);
        int count = header.channels().size();
        double sfreq = 1e6 / header.samplingIntervalMicros();
        long times;
        try {
            long bytes = Files.size(header.dataFile());
            times = bytes / ((long) count * header.bytesPerSample());
        } catch (IOException e) {
            throw new IngestException(header.dataFile() + ": could not be read: " + e.getMessage(), e);
        }
        if (times < 1) {
            throw IngestException.truncated(header.dataFile(), "data (one sample of every channel)",
                    (long) count * header.bytesPerSample(), 0);
        }
        List<String> warnings = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        double[] scale = new double[count];
        for (int c = 0; c < count; c++) {
            BrainVisionHeader.ChannelInfo info = header.channels().get(c);
            Double volts = VOLTS.get(info.unit());
            ChannelType type = volts == null ? ChannelType.MISC : EOG.contains(info.name()) ? ChannelType.EOG : ChannelType.EEG;
            scale[c] = info.resolution() * (volts != null ? volts : OTHER.getOrDefault(info.unit(), 1.0));
            channels.add(new Channel(info.name(), type, volts != null ? "V" : info.unit(), info.unit(), sfreq, times));
        }
        List<Annotation> annotations = header.markerFile() == null ? List.of() : markers(header.markerFile(), sfreq);
        return new EegRecording(vhdr, "brainvision", channels, annotations, warnings,
                new BinarySamples(header.dataFile(), 0, header.multiplexed(), header.sampleType(), header.byteOrder(),
                        times, scale));
    }

    private static List<Annotation> markers(Path vmrk, double sfreq) {
        String text = BrainVisionHeader.text(vmrk);
        Matcher section = Pattern.compile("\\[Marker Infos\\]", Pattern.CASE_INSENSITIVE).matcher(text);
        List<Annotation> out = new ArrayList<>();
        if (!section.find()) {
            throw IngestException.badField(vmrk, "[Marker Infos]", "a BrainVision marker file with a [Marker Infos] section",
                    text.contains("Brain Vision Data Exchange Marker") ? "a marker file without one" : "no such section (is this a marker file?)");
        }
        String body = text.substring(section.end());
        Matcher next = Pattern.compile("^\\[.*\\]\\s*$", Pattern.MULTILINE).matcher(body);
        if (next.find()) {
            body = body.substring(0, next.start());
        }
        Matcher m = MARKER.matcher(body);
        while (m.find()) {
            String[] fields = m.group(1).strip().split(",", -1);
            if (fields.length < 4) {
                throw IngestException.badField(vmrk, "marker '" + m.group(0).strip() + "'",
                        "type,description,position,size[,channel[,date]]", fields.length + " fields");
            }
            long position;
            try {
                position = Long.parseLong(fields[2].strip());
            } catch (NumberFormatException e) {
                throw IngestException.badField(vmrk, "marker '" + m.group(0).strip() + "' position", "a sample number",
                        "'" + fields[2] + "'");
            }
            String size = fields[3].strip();
            long duration;
            try {
                duration = size.matches("\\d+") ? Long.parseLong(size) : 0;
            } catch (NumberFormatException e) {
                throw IngestException.badField(vmrk, "marker '" + m.group(0).strip() + "' size", "a sample count below 2^63",
                        "'" + size + "'");
            }
            out.add(new Annotation((position - 1) / sfreq, duration / sfreq,
                    fields[0].replace("\\1", ",") + "/" + fields[1].replace("\\1", ",")));
        }
        return out;
    }
}
