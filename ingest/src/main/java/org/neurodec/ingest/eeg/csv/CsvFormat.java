package org.neurodec.ingest.eeg.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurodec.ingest.FileHead;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.eeg.Annotation;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegFormat;
import org.neurodec.ingest.eeg.EegRecording;

/**
 * Timestamped CSV exports: a header row, then one row per sample. Column roles and units come from
 * {@link CsvOptions}. Text has no random access, so the file is parsed once into memory (8 bytes
 * per value). Marker columns become stim channels and annotations: one at each sample where the code
 * changes to a non-zero value, described by the code.
 */
public final class CsvFormat implements EegFormat {

    /** The widest header accepted: as many channels as EDF allows, plus a timestamp and markers. */
    static final int MAX_COLUMNS = 4096 + 16;
    private static final int MAX_HEADER_CHARS = MAX_COLUMNS * 256;

    private final CsvOptions options;

    /** With the default options (used when a file is detected by its suffix). */
    public CsvFormat() {
        this(CsvOptions.defaults());
    }

    /** With the given options. */
    public CsvFormat(CsvOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public boolean matchesMagic(FileHead head) {
        return false;
    }

    @Override
    public boolean matchesSuffix(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    @Override
    public EegRecording open(Path file) {
        List<String> header;
        List<double[]> rows = new ArrayList<>();
        int[] missing;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = line(in, file, "header row", MAX_HEADER_CHARS);
            if (first == null) {
                throw IngestException.badField(file, "header row", "column names", "an empty file");
            }
            header = split(first.startsWith("\uFEFF") ? first.substring(1) : first);
            if (header.size() > MAX_COLUMNS) {
                throw IngestException.badField(file, "header row", "at most " + MAX_COLUMNS + " columns", header.size()
                        + " columns");
            }
            missing = new int[header.size()];
            String line;
            int lineLimit = header.size() * 64 + 1024;
            for (int number = 2; (line = line(in, file, "line " + number, lineLimit)) != null; number++) {
                if (!line.isBlank()) {
                    rows.add(parse(file, number, header, line, missing));
                }
            }
        } catch (IOException e) {
            throw new IngestException(file + ": could not be read: " + e.getMessage(), e);
        }
        int timeColumn = header.indexOf(options.timestampColumn());
        if (timeColumn < 0) {
            throw IngestException.badField(file, "header row", "a '" + options.timestampColumn() + "' column",
                    "columns " + header);
        }
        if (rows.size() < 2) {
            throw IngestException.badField(file, "rows", "at least two samples", rows.size());
        }
        List<String> warnings = new ArrayList<>();
        for (int col = 0; col < header.size(); col++) {
            if (missing[col] > 0) {
                warnings.add(String.format(Locale.ROOT, "column '%s': %d of %d cells empty or NaN, read as NaN (filters and"
                        + " means over this channel will be NaN)", header.get(col), missing[col], rows.size()));
            }
        }
        double sfreq = options.sfreq().isPresent() ? options.sfreq().getAsDouble() : estimateRate(file, rows, timeColumn, warnings);
        List<Channel> channels = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        List<Integer> markers = new ArrayList<>();
        for (int col = 0; col < header.size(); col++) {
            String name = header.get(col);
            if (col == timeColumn) {
                continue;
            }
            ChannelType type = options.markerColumns().matcher(name).matches() ? ChannelType.STIM
                    : options.miscColumns().matcher(name).matches() ? ChannelType.MISC : ChannelType.EEG;
            boolean volts = type == ChannelType.EEG;
            double scale = volts && options.microvolts() ? 1e-6 : 1;
            String fileUnit = type == ChannelType.STIM ? "" : options.microvolts() ? "\u00b5V" : "V";
            channels.add(new Channel(name, type, volts ? "V" : type == ChannelType.STIM ? "" : fileUnit, fileUnit, sfreq,
                    rows.size()));
            columns.add(col);
            scales.add(scale);
            if (type == ChannelType.STIM) {
                markers.add(col);
            }
        }
        double[][] data = new double[columns.size()][rows.size()];
        for (int t = 0; t < rows.size(); t++) {
            double[] row = rows.get(t);
            for (int c = 0; c < columns.size(); c++) {
                data[c][t] = row[columns.get(c)] * scales.get(c);
            }
        }
        List<Annotation> annotations = new ArrayList<>();
        for (int col : markers) {
            double previous = 0;
            for (int t = 0; t < rows.size(); t++) {
                double code = rows.get(t)[col];
                if (code != 0 && code != previous) {
                    annotations.add(new Annotation(t / sfreq, 0, formatCode(code)));
                }
                previous = code;
            }
        }
        annotations.sort((a, b) -> Double.compare(a.onset(), b.onset()));
        return new EegRecording(file, "csv", channels, annotations, warnings, (channel, start, count, out, offset) ->
                System.arraycopy(data[channel], (int) start, out, offset, count));
    }

    /**
     * (samples − 1) / span of the timestamps, rounded to a whole number of Hz when within 0.5 % of
     * one: robust to timestamps quantised to milliseconds, where single intervals say little.
     */
    private double estimateRate(Path file, List<double[]> rows, int timeColumn, List<String> warnings) {
        double span = rows.get(rows.size() - 1)[timeColumn] - rows.get(0)[timeColumn];
        if (!(span > 0) || !Double.isFinite(span)) {
            throw IngestException.badField(file, options.timestampColumn(), "increasing times in seconds",
                    "a span of " + span + " s from the first row to the last");
        }
        double rate = (rows.size() - 1) / span;
        double rounded = Math.rint(rate);
        if (Math.abs(rate - rounded) <= 0.005 * rounded) {
            rate = rounded;
        }
        warnings.add(String.format(Locale.ROOT, "sampling rate estimated from the timestamps: %.6g Hz "
                + "(%d samples over %.3f s); if it is known, give it (inspect or preprocess --sfreq HZ, or data.sfreq in a job)",
                rate, rows.size(),
                span));
        return rate;
    }

    /** One row's values; {@code missing} counts, per column, the cells that are empty or NaN. */
    private double[] parse(Path file, int number, List<String> header, String line, int[] missing) {
        List<String> cells = split(line);
        if (cells.size() != header.size()) {
            throw IngestException.badField(file, "line " + number, header.size() + " cells, as in the header",
                    cells.size());
        }
        double[] values = new double[cells.size()];
        for (int i = 0; i < values.length; i++) {
            String cell = cells.get(i).strip();
            try {
                values[i] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                missing[i] += Double.isNaN(values[i]) ? 1 : 0;
            } catch (NumberFormatException e) {
                throw IngestException.badField(file, "line " + number + ", column '" + header.get(i) + "'", "a number",
                        "'" + cell + "'");
            }
        }
        return values;
    }

    /** The next line, or null at the end; a line longer than {@code limit} characters is refused. */
    private static String line(BufferedReader in, Path file, String field, int limit) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return text.toString();
            }
            if (c != '\r') {
                if (text.length() >= limit) {
                    throw IngestException.badField(file, field, "a line of at most " + limit + " characters",
                            "a longer one (is this a CSV export of samples?)");
                }
                text.append((char) c);
            }
        }
        return c < 0 && text.length() == 0 ? null : text.toString();
    }

    private List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == options.delimiter()) {
                cells.add(line.substring(start, i).strip());
                start = i + 1;
            }
        }
        return cells;
    }

    private static String formatCode(double code) {
        return code == Math.rint(code) ? Long.toString((long) code) : Double.toString(code);
    }
}
