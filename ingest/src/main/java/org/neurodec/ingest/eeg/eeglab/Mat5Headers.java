package org.neurodec.ingest.eeg.eeglab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurodec.ingest.IngestException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/** Reads the EEG structure of an EEGLAB {@code .set} saved as a MATLAB v5 MAT file (with the MFL library). */
final class Mat5Headers {

    private Mat5Headers() {
    }

    static EeglabHeader read(Path file) {
        Mat5Layout.check(file);
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            Struct eeg = eegStruct(file, mat);
            int nbchan = (int) scalar(file, eeg, "nbchan");
            long pnts = (long) scalar(file, eeg, "pnts");
            int trials = (int) scalar(file, eeg, "trials");
            double srate = scalar(file, eeg, "srate");
            List<String> labels = new ArrayList<>();
            List<String> types = new ArrayList<>();
            if (eeg.getFieldNames().contains("chanlocs") && eeg.get("chanlocs") instanceof Struct locs
                    && locs.getNumElements() > 0) {
                for (int i = 0; i < locs.getNumElements(); i++) {
                    labels.add(locs.getFieldNames().contains("labels") ? text(locs.get("labels", i)) : "");
                    types.add(locs.getFieldNames().contains("type") ? text(locs.get("type", i)) : "");
                }
            }
            List<EeglabHeader.Event> events = new ArrayList<>();
            if (eeg.getFieldNames().contains("event") && eeg.get("event") instanceof Struct ev) {
                for (int i = 0; i < ev.getNumElements(); i++) {
                    events.add(new EeglabHeader.Event(
                            ev.getFieldNames().contains("type") ? text(ev.get("type", i)) : "",
                            ev.getFieldNames().contains("latency") ? number(ev.get("latency", i)) : Double.NaN,
                            ev.getFieldNames().contains("duration") ? number(ev.get("duration", i)) : 0));
                }
            }
            Array data = eeg.get("data");
            EeglabHeader.Data location;
            if (data instanceof Char name) {
                location = new EeglabHeader.External(EeglabFormat.dataFile(file, name.getString().strip()));
            } else if (data instanceof Matrix matrix) {
                location = new EeglabHeader.InlineMatrix(rows(file, matrix, nbchan, pnts * trials));
            } else {
                throw IngestException.badField(file, "EEG.data", "a numeric matrix or the name of a .fdt file",
                        data == null ? "nothing" : data.getType());
            }
            return new EeglabHeader(srate, nbchan, pnts, trials, labels, types, events, location);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IngestException ingest) {
                throw ingest;
            }
            throw new IngestException(file + ": not a readable MATLAB v5 EEGLAB file: " + e.getMessage(), e);
        }
    }

    /** The EEG structure: a variable called EEG, or (newer EEGLAB) the fields saved as variables. */
    private static Struct eegStruct(Path file, Mat5File mat) {
        for (var entry : mat.getEntries()) {
            if (entry.getName().equals("EEG") && entry.getValue() instanceof Struct s) {
                return s;
            }
        }
        Struct fields = Mat5.newStruct();
        for (var entry : mat.getEntries()) {
            fields.set(entry.getName(), entry.getValue());
        }
        if (!fields.getFieldNames().contains("srate")) {
            throw IngestException.badField(file, "EEG", "an EEGLAB EEG structure (with srate, nbchan, pnts, data)",
                    "variables " + fields.getFieldNames());
        }
        return fields;
    }

    private static double scalar(Path file, Struct eeg, String field) {
        if (!eeg.getFieldNames().contains(field) || !(eeg.get(field) instanceof Matrix m) || m.getNumElements() < 1) {
            throw IngestException.badField(file, "EEG." + field, "a number", "nothing");
        }
        double value = m.getDouble(0);
        if (!Double.isFinite(value) || value < 0) {
            throw IngestException.badField(file, "EEG." + field, "a non-negative number", value);
        }
        return value;
    }

    private static String text(Array value) {
        if (value instanceof Char c) {
            return c.getString().strip();
        }
        if (value instanceof Matrix m && m.getNumElements() > 0) {
            return EeglabFormat.formatNumber(m.getDouble(0));
        }
        return "";
    }

    private static double number(Array value) {
        if (value instanceof Matrix m && m.getNumElements() > 0) {
            return m.getDouble(0);
        }
        if (value instanceof Char c) {
            try {
                return Double.parseDouble(c.getString().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static float[][] rows(Path file, Matrix matrix, int nbchan, long samples) {
        if (matrix.getNumRows() != nbchan || (long) matrix.getNumElements() != nbchan * samples) {
            throw IngestException.badField(file, "EEG.data", nbchan + " x " + samples + " (nbchan x pnts*trials)",
                    java.util.Arrays.toString(matrix.getDimensions()));
        }
        float[][] out = new float[nbchan][(int) samples];
        for (int c = 0; c < nbchan; c++) {
            for (int t = 0; t < samples; t++) {
                out[c][t] = matrix.getFloat(c, t);
            }
        }
        return out;
    }

}
