package org.neurodec.ingest.eeg.edf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurodec.ingest.AtomicFile;
import org.neurodec.ingest.eeg.Annotation;

/**
 * Writes EEG channels in volts as EDF (16-bit) or BDF (24-bit), in µV, with 1-second data records,
 * and, when annotations are given, as EDF+C/BDF+C with an annotation signal. Each channel's
 * physical range is the range of its data unless set. The file appears only once complete.
 *
 * <pre>{@code
 * EdfWriter.create(names, 256.0).annotations(events).write(path, volts);       // volts[channel][sample]
 * }</pre>
 */
public final class EdfWriter {

    /** Supplies samples (volts) for a block of time when a file is written record by record. */
    @FunctionalInterface
    public interface SignalFiller {
        /** Fills {@code block[c][i]} with channel c's sample {@code start + i}. */
        void fill(long start, double[][] block);
    }

    private final List<String> names;
    private final double sfreq;
    private boolean bdf;
    private double[] physicalMin;
    private double[] physicalMax;
    private List<Annotation> annotations = List.of();

    private EdfWriter(List<String> names, double sfreq) {
        int perRecord = (int) Math.rint(sfreq);
        if (names.isEmpty() || Math.abs(sfreq - perRecord) > 1e-9 || perRecord < 1) {
            throw new IllegalArgumentException("EDF output needs channels and a whole number of samples per second, got "
                    + names.size() + " channels at " + sfreq + " Hz");
        }
        this.names = List.copyOf(names);
        this.sfreq = sfreq;
    }

    /** A writer for channels with these names, sampled at {@code sfreq} Hz (a whole number). */
    public static EdfWriter create(List<String> names, double sfreq) {
        return new EdfWriter(names, sfreq);
    }

    /** BDF (24-bit) instead of EDF (16-bit). */
    public EdfWriter bdf(boolean value) {
        this.bdf = value;
        return this;
    }

    /** The same physical range (volts) for every channel; required when writing with a {@link SignalFiller}. */
    public EdfWriter physicalRange(double minVolts, double maxVolts) {
        if (!(maxVolts > minVolts)) {
            throw new IllegalArgumentException("physical range needs min < max, got " + minVolts + ", " + maxVolts);
        }
        physicalMin = new double[names.size()];
        physicalMax = new double[names.size()];
        java.util.Arrays.fill(physicalMin, outward(minVolts * 1e6, true));
        java.util.Arrays.fill(physicalMax, outward(maxVolts * 1e6, false));
        return this;
    }

    /** Annotations to store in an EDF+/BDF+ annotation signal. */
    public EdfWriter annotations(List<Annotation> list) {
        this.annotations = List.copyOf(list);
        return this;
    }

    /** Writes {@code volts[channel][sample]}; samples beyond the last whole second are dropped. */
    public void write(Path file, double[][] volts) {
        if (volts.length != names.size()) {
            throw new IllegalArgumentException(volts.length + " channels of data for " + names.size() + " names");
        }
        if (physicalMin == null) {
            physicalMin = new double[names.size()];
            physicalMax = new double[names.size()];
            for (int c = 0; c < volts.length; c++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double v : volts[c]) {
                    lo = Math.min(lo, v * 1e6);
                    hi = Math.max(hi, v * 1e6);
                }
                physicalMin[c] = outward(lo == hi ? lo - 1 : lo, true);
                physicalMax[c] = outward(lo == hi ? hi + 1 : hi, false);
            }
        }
        long samples = volts[0].length;
        write(file, samples, (start, block) -> {
            for (int c = 0; c < block.length; c++) {
                System.arraycopy(volts[c], (int) start, block[c], 0, block[c].length);
            }
        });
    }

    /** Writes {@code samples} samples per channel (whole seconds), asking {@code filler} for each record. */
    public void write(Path file, long samples, SignalFiller filler) {
        if (physicalMin == null) {
            throw new IllegalStateException("set physicalRange(min, max) before writing with a filler");
        }
        int perRecord = (int) Math.rint(sfreq);
        long records = samples / perRecord;
        int annotationBytes = annotationBytes(records);
        AtomicFile.write(file, out -> {
            out.write(header(records, perRecord, annotationBytes));
            double[][] block = new double[names.size()][perRecord];
            int width = bdf ? 3 : 2;
            byte[] record = new byte[names.size() * perRecord * width + annotationBytes];
            for (long r = 0; r < records; r++) {
                filler.fill(r * perRecord, block);
                int p = 0;
                for (int c = 0; c < names.size(); c++) {
                    p = encode(block[c], c, record, p);
                }
                if (annotationBytes > 0) {
                    byte[] tal = tal(r).getBytes(StandardCharsets.UTF_8);
                    java.util.Arrays.fill(record, p, record.length, (byte) 0);
                    System.arraycopy(tal, 0, record, p, tal.length);
                }
                out.write(record);
            }
        });
    }

    private int encode(double[] volts, int c, byte[] out, int p) {
        double dmin = bdf ? -8388608 : -32768;
        double dmax = bdf ? 8388607 : 32767;
        double scale = (dmax - dmin) / (physicalMax[c] - physicalMin[c]);
        for (double v : volts) {
            long d = Math.round((v * 1e6 - physicalMin[c]) * scale + dmin);
            d = Math.max((long) dmin, Math.min((long) dmax, d));
            out[p++] = (byte) d;
            out[p++] = (byte) (d >> 8);
            if (bdf) {
                out[p++] = (byte) (d >> 16);
            }
        }
        return p;
    }

    /** The TAL text of record {@code r}: its time-keeping stamp, then the annotations starting in it. */
    private String tal(long r) {
        StringBuilder s = new StringBuilder("+").append(r).append("\u0014\u0014\u0000");
        for (Annotation a : annotations) {
            long record = (long) Math.floor(a.onset());
            if (record == r || (r == 0 && a.onset() < 0)) {
                s.append(String.format(Locale.ROOT, "%+.6f", a.onset()));
                if (a.duration() > 0) {
                    s.append('\u0015').append(String.format(Locale.ROOT, "%.6f", a.duration()));
                }
                s.append('\u0014').append(a.description()).append("\u0014\u0000");
            }
        }
        return s.toString();
    }

    private int annotationBytes(long records) {
        if (annotations.isEmpty()) {
            return 0;
        }
        int width = bdf ? 3 : 2;
        int longest = 0;
        for (long r = 0; r < records; r++) {
            longest = Math.max(longest, tal(r).getBytes(StandardCharsets.UTF_8).length);
        }
        int samples = (longest + width - 1) / width + 4;
        return samples * width;
    }

    private byte[] header(long records, int perRecord, int annotationBytes) {
        List<String> labels = new ArrayList<>(names);
        boolean plus = annotationBytes > 0;
        if (plus) {
            labels.add(bdf ? "BDF Annotations" : "EDF Annotations");
        }
        int n = labels.size();
        StringBuilder h = new StringBuilder();
        h.append(field(bdf ? "\u00ffBIOSEMI" : "0", 8)).append(field("X X X X", 80)).append(field("Startdate X X X X", 80))
                .append("01.01.00").append("00.00.00").append(field(Integer.toString(256 * (n + 1)), 8))
                .append(field(plus ? (bdf ? "BDF+C" : "EDF+C") : bdf ? "24BIT" : "", 44))
                .append(field(Long.toString(records), 8)).append(field("1", 8)).append(field(Integer.toString(n), 4));
        for (String label : labels) {
            h.append(field(label, 16));
        }
        for (int i = 0; i < n; i++) {
            h.append(field("", 80));
        }
        for (int i = 0; i < n; i++) {
            h.append(field(i < names.size() ? "uV" : "", 8));
        }
        for (int i = 0; i < n; i++) {
            h.append(field(i < names.size() ? number(physicalMin[i]) : "-1", 8));
        }
        for (int i = 0; i < n; i++) {
            h.append(field(i < names.size() ? number(physicalMax[i]) : "1", 8));
        }
        String dmin = bdf ? "-8388608" : "-32768";
        String dmax = bdf ? "8388607" : "32767";
        for (int i = 0; i < n; i++) {
            h.append(field(dmin, 8));
        }
        for (int i = 0; i < n; i++) {
            h.append(field(dmax, 8));
        }
        for (int i = 0; i < n; i++) {
            h.append(field("", 80));
        }
        for (int i = 0; i < n; i++) {
            h.append(field(Integer.toString(i < names.size() ? perRecord : annotationBytes / (bdf ? 3 : 2)), 8));
        }
        for (int i = 0; i < n; i++) {
            h.append(field("", 32));
        }
        return h.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code value} rounded away from the data (down for a minimum, up for a maximum) to the most
     * decimals that fit the header's 8 characters, so that the stored range holds every sample and
     * the header states exactly the range the samples were scaled with.
     */
    static double outward(double value, boolean down) {
        for (int decimals = 6; decimals >= 0; decimals--) {
            double scale = Math.pow(10, decimals);
            double rounded = (down ? Math.floor(value * scale) : Math.ceil(value * scale)) / scale;
            if (number(rounded, decimals).length() <= 8) {
                return Double.parseDouble(number(rounded, decimals));
            }
        }
        throw new IllegalArgumentException("physical range value " + value + " µV does not fit 8 characters");
    }

    private static String number(double value) {
        for (int decimals = 6; decimals >= 0; decimals--) {
            String s = number(value, decimals);
            if (s.length() <= 8 && Double.parseDouble(s) == value) {
                return s;
            }
        }
        return number(value, 0);
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String field(String text, int width) {
        String s = text.length() > width ? text.substring(0, width) : text;
        return s + " ".repeat(width - s.length());
    }

}
