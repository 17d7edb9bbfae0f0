package org.neurodec.preprocess.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.ingest.hdf5.Hdf5Writer;
import org.neurodec.preprocess.epochs.Epochs;

/**
 * Writes a pipeline's result as HDF5 that h5py reads: {@code data} (channels × times, or epochs ×
 * channels × times, float64, volts for voltage channels) with attribute {@code sfreq}, {@code ch_names},
 * {@code ch_types}; for epochs {@code epochs/condition}, {@code epochs/event_sample}, {@code tmin},
 * {@code dropped/…}; and a {@code provenance} attribute (JSON) naming the input and every step.
 */
public final class PreprocessedFile {

    private PreprocessedFile() {
    }

    /**
     * Why {@code result} has nothing to write (every epoch rejected or outside the recording, with the
     * reasons counted), or null when it has data.
     */
    public static String nothingToWrite(Pipeline.Result result) {
        Epochs e = result.epochs();
        if (e == null || e.size() > 0) {
            return null;
        }
        java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
        for (Epochs.Dropped d : e.dropped()) {
            String reason = d.reason().startsWith("peak-to-peak") ? "peak-to-peak above the reject limit on "
                    + d.reason().substring(d.reason().lastIndexOf(' ') + 1) : d.reason();
            reasons.merge(reason, 1L, Long::sum);
        }
        return e.dropped().isEmpty() ? "no event of the epochs' conditions in the recording"
                : "all " + e.dropped().size() + " epochs dropped (" + reasons.entrySet().stream().map(r -> r.getValue() + " "
                        + r.getKey()).collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    /**
     * Writes {@code result} to {@code out}, atomically; a result without a single epoch is refused
     * (an HDF5 file with no data would only fail later, in whoever reads it).
     */
    public static void write(Pipeline.Result result, Path out) {
        String empty = nothingToWrite(result);
        if (empty != null) {
            throw new org.neurodec.preprocess.PreprocessException(out.getFileName() + ": nothing written: " + empty
                    + "; loosen epochs.reject or check the events");
        }
        List<Channel> channels = result.input().channels();
        Hdf5Writer w = Hdf5Writer.create()
                .dataset("ch_names", channels.stream().map(Channel::name).toArray(String[]::new))
                .dataset("ch_types", channels.stream().map(c -> c.type().mneName()).toArray(String[]::new));
        if (result.epochs() == null) {
            Signals s = result.continuous();
            double[] flat = new double[s.channels() * s.times()];
            for (int c = 0; c < s.channels(); c++) {
                s.copy(c, 0, flat, c * s.times(), s.times());
            }
            w.dataset("data", flat, s.channels(), s.times()).attribute("data", "sfreq", s.sfreq());
        } else {
            Epochs e = result.epochs();
            double[] flat = new double[e.size() * e.channels() * e.times()];
            for (int i = 0; i < e.size(); i++) {
                double[][] epoch = e.epoch(i);
                for (int c = 0; c < e.channels(); c++) {
                    System.arraycopy(epoch[c], 0, flat, (i * e.channels() + c) * e.times(), e.times());
                }
            }
            if (e.size() > 0) {
                w.dataset("data", flat, e.size(), e.channels(), e.times())
                        .dataset("epochs/condition", e.info().stream().map(Epochs.Info::condition).toArray(String[]::new))
                        .dataset("epochs/event_sample", e.info().stream().mapToLong(Epochs.Info::eventSample).toArray());
            }
            w.attribute("/", "sfreq", e.sfreq()).attribute("/", "tmin", e.tmin()).attribute("/", "n_epochs", e.size());
            if (!e.dropped().isEmpty()) {
                w.dataset("dropped/condition", e.dropped().stream().map(Epochs.Dropped::condition).toArray(String[]::new))
                        .dataset("dropped/event_sample", e.dropped().stream().mapToLong(Epochs.Dropped::eventSample).toArray())
                        .dataset("dropped/reason", e.dropped().stream().map(Epochs.Dropped::reason).toArray(String[]::new));
            }
        }
        try {
            w.attribute("/", "provenance", new ObjectMapper().writeValueAsString(result.provenance().toMap()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provenance is not serialisable", e);
        }
        w.write(out);
    }
}
