package org.neurodec.ingest.eeg.eeglab;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurodec.ingest.IngestException;

/**
 * Reads the EEG structure of an EEGLAB {@code .set} saved as MATLAB v7.3, which is HDF5: fields
 * are datasets (stored transposed), text is UTF-16 code units, and struct arrays hold references
 * to their elements in {@code #refs#}.
 */
final class Mat73Headers {

    private Mat73Headers() {
    }

    static EeglabHeader read(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            Group eeg = hdf.getChild("EEG") instanceof Group g ? g : hdf;
            int nbchan = (int) scalar(file, eeg, "nbchan");
            long pnts = (long) scalar(file, eeg, "pnts");
            int trials = (int) scalar(file, eeg, "trials");
            double srate = scalar(file, eeg, "srate");
            List<String> labels = new ArrayList<>();
            List<String> types = new ArrayList<>();
            if (eeg.getChild("chanlocs") instanceof Group locs) {
                labels = strings(hdf, locs, "labels");
                types = strings(hdf, locs, "type");
            }
            List<EeglabHeader.Event> events = new ArrayList<>();
            if (eeg.getChild("event") instanceof Group ev) {
                List<String> type = strings(hdf, ev, "type");
                List<Double> latency = numbers(hdf, ev, "latency");
                List<Double> duration = numbers(hdf, ev, "duration");
                for (int i = 0; i < type.size(); i++) {
                    events.add(new EeglabHeader.Event(type.get(i), i < latency.size() ? latency.get(i) : Double.NaN,
                            i < duration.size() ? duration.get(i) : 0));
                }
            }
            Node data = eeg.getChild("data");
            EeglabHeader.Data location;
            if (data instanceof Dataset d && isChar(d)) {
                location = new EeglabHeader.External(EeglabFormat.dataFile(file, text(d)));
            } else if (data instanceof Dataset d && d.getDimensions().length == 2) {
                long[] shape = d.getDimensionsAsLong();
                if (shape[1] != nbchan || shape[0] != pnts * trials) {
                    throw IngestException.badField(file, "EEG.data", "pnts*trials x nbchan = " + pnts * trials + " x "
                            + nbchan + " (v7.3 stores it transposed)", java.util.Arrays.toString(shape));
                }
                location = new EeglabHeader.InlineDataset(d.getPath());
            } else {
                throw IngestException.badField(file, "EEG.data", "a numeric matrix or the name of a .fdt file",
                        data == null ? "nothing" : data.getClass().getSimpleName());
            }
            return new EeglabHeader(srate, nbchan, pnts, trials, labels, types, events, location);
        } catch (IngestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IngestException(file + ": not a readable MATLAB v7.3 EEGLAB file: " + e, e);
        }
    }

    private static double scalar(Path file, Group eeg, String field) {
        if (!(eeg.getChild(field) instanceof Dataset d) || d.getSize() < 1) {
            throw IngestException.badField(file, "EEG." + field, "a number", "nothing");
        }
        double value = ((Number) Array.get(d.getDataFlat(), 0)).doubleValue();
        if (!Double.isFinite(value) || value < 0) {
            throw IngestException.badField(file, "EEG." + field, "a non-negative number", value);
        }
        return value;
    }

    /** A field of a struct array as text, one entry per element. */
    private static List<String> strings(HdfFile hdf, Group struct, String field) {
        List<String> out = new ArrayList<>();
        for (Dataset element : elements(hdf, struct, field)) {
            out.add(isChar(element) ? text(element) : element.getSize() > 0 && !isEmpty(element)
                    ? EeglabFormat.formatNumber(((Number) Array.get(element.getDataFlat(), 0)).doubleValue()) : "");
        }
        return out;
    }

    private static List<Double> numbers(HdfFile hdf, Group struct, String field) {
        List<Double> out = new ArrayList<>();
        for (Dataset element : elements(hdf, struct, field)) {
            out.add(!isChar(element) && !isEmpty(element) && element.getSize() > 0
                    ? ((Number) Array.get(element.getDataFlat(), 0)).doubleValue() : Double.NaN);
        }
        return out;
    }

    private static List<Dataset> elements(HdfFile hdf, Group struct, String field) {
        List<Dataset> out = new ArrayList<>();
        if (!(struct.getChild(field) instanceof Dataset refs)) {
            return out;
        }
        Object addresses = refs.getDataFlat();
        if (!(addresses instanceof long[] list)) {
            out.add(refs);
            return out;
        }
        for (long address : list) {
            if (hdf.getNodeByAddress(address) instanceof Dataset element) {
                out.add(element);
            }
        }
        return out;
    }

    private static boolean isChar(Dataset d) {
        Attribute c = d.getAttribute("MATLAB_class");
        return c != null && "char".equals(c.getData()) && !isEmpty(d);
    }

    private static boolean isEmpty(Dataset d) {
        return d.getAttribute("MATLAB_empty") != null;
    }

    private static String text(Dataset d) {
        Object codes = d.getDataFlat();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Array.getLength(codes); i++) {
            s.append((char) ((Number) Array.get(codes, i)).intValue());
        }
        return s.toString().strip();
    }
}
