package org.neurodec.ingest.eeg.edf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurodec.ingest.IngestException;

/** Parses and validates the ASCII header of EDF and BDF files. */
final class EdfHeaderReader {

    /** More signals than this is taken as a corrupt header. */
    static final int MAX_SIGNALS = 4096;
    /** The longest data record accepted (a day); records are usually 1 s, and longer ones make no sampling rate. */
    static final double MAX_RECORD_SECONDS = 86_400;
    /** The largest physical extreme an 8-character field holds without an exponent. */
    static final double MAX_PHYSICAL = 1e8;

    private final Path file;
    private final byte[] bytes;
    private int position;

    private EdfHeaderReader(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    static EdfHeader read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] fixed = in.readNBytes(256);
            if (fixed.length < 256) {
                throw IngestException.truncated(file, "header", 256, fixed.length);
            }
            EdfHeaderReader reader = new EdfHeaderReader(file, fixed);
            boolean bdf = (fixed[0] & 0xFF) == 0xFF;
            String version = reader.text(8);
            if (!(bdf ? version.equals("BIOSEMI") : version.equals("0"))) {
                throw IngestException.badField(file, "version", "'0' (EDF) or 0xFF 'BIOSEMI' (BDF)", "'" + version + "'");
            }
            String patient = reader.text(80);
            String recording = reader.text(80);
            String startDate = reader.text(8);
            String startTime = reader.text(8);
            int headerBytes = (int) reader.number(8, "number of header bytes");
            String reserved = reader.text(44);
            long records = (long) reader.number(8, "number of data records");
            double duration = reader.number(8, "duration of a data record");
            int count = (int) reader.number(4, "number of signals");
            if (count < 1 || count > MAX_SIGNALS) {
                throw IngestException.badField(file, "number of signals", "1 to " + MAX_SIGNALS, count);
            }
            if (headerBytes != 256 * (count + 1)) {
                throw IngestException.badField(file, "number of header bytes", "256 x (signals + 1) = "
                        + 256 * (count + 1), headerBytes);
            }
            if (records < -1 || !(duration >= 0) || Double.isInfinite(duration)) {
                throw IngestException.badField(file, records < -1 ? "number of data records" : "duration of a data record",
                        "a non-negative number (-1 for unknown records)", records < -1 ? records : duration);
            }
            if (duration > MAX_RECORD_SECONDS) {
                throw IngestException.badField(file, "duration of a data record", "at most " + (long) MAX_RECORD_SECONDS
                        + " s (a record is usually 1 s; this would put the sampling rate near zero)", duration + " s");
            }
            byte[] signalBytes = in.readNBytes(256 * count);
            if (signalBytes.length < 256 * count) {
                throw IngestException.truncated(file, "signal headers", 256L * count, signalBytes.length);
            }
            List<EdfSignal> signals = new EdfHeaderReader(file, signalBytes).signals(count);
            return new EdfHeader(bdf, patient, recording, startDate, startTime, headerBytes, reserved, records,
                    duration, signals);
        } catch (IOException e) {
            throw new IngestException(file + ": could not read the header: " + e.getMessage(), e);
        }
    }

    private List<EdfSignal> signals(int count) {
        String[] labels = texts(count, 16);
        String[] transducers = texts(count, 80);
        String[] dimensions = texts(count, 8);
        double[] physicalMin = numbers(count, 8, "physical minimum", labels);
        double[] physicalMax = numbers(count, 8, "physical maximum", labels);
        double[] digitalMin = numbers(count, 8, "digital minimum", labels);
        double[] digitalMax = numbers(count, 8, "digital maximum", labels);
        String[] prefiltering = texts(count, 80);
        double[] samples = numbers(count, 8, "number of samples in each data record", labels);
        List<EdfSignal> signals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (samples[i] < 1 || samples[i] > 1 << 24 || samples[i] != Math.rint(samples[i])) {
                throw IngestException.badField(file, "signal " + i + " (" + labels[i] + ") samples per record",
                        "a whole number from 1 to 2^24", samples[i]);
            }
            for (double extreme : new double[] {physicalMin[i], physicalMax[i]}) {
                if (Math.abs(extreme) > MAX_PHYSICAL) {
                    throw IngestException.badField(file, "signal " + i + " (" + labels[i] + ") physical "
                            + (extreme == physicalMin[i] ? "minimum" : "maximum"), "a value of at most 8 characters without"
                            + " an exponent (|x| < 1e8), as the format writes it", extreme);
                }
            }
            signals.add(new EdfSignal(labels[i], transducers[i], dimensions[i], physicalMin[i], physicalMax[i],
                    digitalMin[i], digitalMax[i], prefiltering[i], (int) samples[i]));
        }
        return signals;
    }

    private String[] texts(int count, int width) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = text(width);
        }
        return out;
    }

    private double[] numbers(int count, int width, String field, String[] labels) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = number(width, "signal " + i + " (" + labels[i] + ") " + field);
        }
        return out;
    }

    private String text(int width) {
        int start = position;
        if (start == 0 && (bytes[0] & 0xFF) == 0xFF) {
            start = 1;
        }
        String s = new String(bytes, start, position + width - start, StandardCharsets.ISO_8859_1);
        position += width;
        int end = s.indexOf('\0');
        return (end >= 0 ? s.substring(0, end) : s).strip();
    }

    private double number(int width, String field) {
        String s = text(width);
        try {
            double value = Double.parseDouble(s);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(s);
            }
            return value;
        } catch (NumberFormatException e) {
            throw IngestException.badField(file, field, "a number", "'" + s + "'");
        }
    }
}
