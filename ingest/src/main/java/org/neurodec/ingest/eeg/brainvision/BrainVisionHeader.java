package org.neurodec.ingest.eeg.brainvision;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.eeg.BinarySamples;

/**
 * The {@code .vhdr} header of a BrainVision recording: where the data and markers are, how samples
 * are stored, and each channel's name, resolution and unit.
 *
 * @param dataFile the binary data file
 * @param markerFile the marker file, if the header names one
 * @param multiplexed true for MULTIPLEXED (sample after sample), false for VECTORIZED (channel after channel)
 * @param binaryFormat INT_16, INT_32 or IEEE_FLOAT_32
 * @param byteOrder the data's byte order
 * @param samplingIntervalMicros microseconds between samples
 * @param channels per channel: name, resolution and unit
 * @param codepage the text encoding the header declares
 */
record BrainVisionHeader(Path dataFile, Path markerFile, boolean multiplexed, String binaryFormat,
        ByteOrder byteOrder, double samplingIntervalMicros, List<ChannelInfo> channels, String codepage) {

    /** One {@code Ch<n>=name,reference,resolution,unit} line. */
    record ChannelInfo(String name, double resolution, String unit) {
    }

    /** Bytes per sample of the binary format. */
    int bytesPerSample() {
        return sampleType().bytes();
    }

    /** The binary format as a sample type. */
    BinarySamples.Type sampleType() {
        return switch (binaryFormat) {
            case "INT_16" -> BinarySamples.Type.INT16;
            case "INT_32" -> BinarySamples.Type.INT32;
            default -> BinarySamples.Type.FLOAT32;
        };
    }

    static BrainVisionHeader read(Path vhdr) {
        Map<String, Map<String, String>> ini = IniText.parse(vhdr, text(vhdr));
        Map<String, String> common = IniText.section(vhdr, ini, "Common Infos");
        String format = common.getOrDefault("dataformat", "BINARY").toUpperCase(Locale.ROOT);
        if (!format.equals("BINARY")) {
            throw IngestException.badField(vhdr, "DataFormat", "BINARY", format);
        }
        String orientation = common.getOrDefault("dataorientation", "MULTIPLEXED").toUpperCase(Locale.ROOT);
        if (!orientation.equals("MULTIPLEXED") && !orientation.equals("VECTORIZED")) {
            throw IngestException.badField(vhdr, "DataOrientation", "MULTIPLEXED or VECTORIZED", orientation);
        }
        Map<String, String> binary = ini.getOrDefault("binary infos", Map.of());
        String binaryFormat = binary.getOrDefault("binaryformat", "INT_16").toUpperCase(Locale.ROOT);
        if (!List.of("INT_16", "INT_32", "IEEE_FLOAT_32").contains(binaryFormat)) {
            throw IngestException.badField(vhdr, "BinaryFormat", "INT_16, INT_32 or IEEE_FLOAT_32", binaryFormat);
        }
        ByteOrder order = binary.getOrDefault("usebigendianorder", "NO").equalsIgnoreCase("YES")
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int count = (int) IniText.number(vhdr, common, "NumberOfChannels");
        double interval = IniText.number(vhdr, common, "SamplingInterval");
        if (count < 1 || count > 100_000 || !(interval > 0)) {
            throw IngestException.badField(vhdr, count < 1 || count > 100_000 ? "NumberOfChannels" : "SamplingInterval",
                    "a positive number", count < 1 || count > 100_000 ? count : interval);
        }
        Map<String, String> channelLines = IniText.section(vhdr, ini, "Channel Infos");
        List<ChannelInfo> channels = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String line = channelLines.get("ch" + n);
            if (line == null) {
                throw IngestException.badField(vhdr, "Ch" + n, "a line for each of the " + count + " channels", "none");
            }
            channels.add(channel(vhdr, "Ch" + n, line));
        }
        String marker = common.get("markerfile");
        return new BrainVisionHeader(companion(vhdr, "DataFile", common.get("datafile")),
                marker == null || marker.isBlank() ? null : companion(vhdr, "MarkerFile", marker),
                orientation.equals("MULTIPLEXED"), binaryFormat, order, interval, channels,
                common.getOrDefault("codepage", "UTF-8"));
    }

    /** Reads a BrainVision text file in UTF-8, falling back to Latin-1 (older recordings), BOM removed. */
    static String text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new IngestException(file + ": could not be read: " + e.getMessage(), e);
        }
    }

    private static ChannelInfo channel(Path vhdr, String key, String line) {
        String[] props = line.split(",", -1);
        String name = props[0].replace("\\1", ",");
        String resolutionText = props.length > 2 ? props[2].strip() : "";
        String unit = props.length > 3 ? props[3].strip().replace("\u00c2", "") : "";
        double resolution;
        if (resolutionText.isEmpty()) {
            resolution = props.length > 3 && unit.isEmpty() ? 1e-6 : 1;
        } else {
            try {
                resolution = Double.parseDouble(resolutionText);
            } catch (NumberFormatException e) {
                throw IngestException.badField(vhdr, key + " resolution", "a number", "'" + resolutionText + "'");
            }
        }
        if (unit.isEmpty()) {
            unit = "\u00b5V";
        }
        if (name.isEmpty() || !Double.isFinite(resolution)) {
            throw IngestException.badField(vhdr, key, "name,reference,resolution,unit", "'" + line + "'");
        }
        return new ChannelInfo(name, resolution, unit);
    }

    /** The system property that lets a header name data or marker files outside its own folder. */
    public static final String ANYWHERE = "neurodec.companions.anywhere";

    private static Path companion(Path vhdr, String field, String name) {
        if (name == null || name.isBlank()) {
            throw IngestException.badField(vhdr, field, "the name of a file beside the header", "nothing");
        }
        String bare = name.strip();
        boolean beside = !bare.contains("/") && !bare.contains("\\") && !bare.equals("..") && !bare.equals(".");
        if (!beside && !Boolean.getBoolean(ANYWHERE)) {
            throw IngestException.badField(vhdr, field, "the name of a file beside the header (a header may not point"
                    + " elsewhere unless -D" + ANYWHERE + "=true is given)", "'" + bare + "'");
        }
        Path path = vhdr.resolveSibling(bare);
        if (!Files.isRegularFile(path)) {
            throw new IngestException(vhdr + ": the " + field + " it names, " + path + ", is missing");
        }
        return path;
    }
}
