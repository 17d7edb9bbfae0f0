package org.neurodec.ingest.eeg;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurodec.ingest.FileFormat;

/** A file format that holds an EEG recording; {@code describe} gives the EEG fields of {@code inspect}. */
public interface EegFormat extends FileFormat {

    /** Opens the recording: reads the header and annotations, not the samples. */
    EegRecording open(Path file);

    @Override
    default Map<String, Object> describe(Path file) {
        return describe(open(file));
    }

    /** The EEG fields of {@code inspect --json}, with statistics streamed over every sample. */
    static Map<String, Object> describe(EegRecording recording) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Channel> channels = recording.channels();
        out.put("format", recording.format());
        out.put("file", recording.file().toString());
        out.put("sfreq", recording.sfreq());
        if (!recording.uniformRate()) {
            out.put("sfreq_per_channel", channels.stream().mapToDouble(Channel::sfreq).toArray());
            out.put("n_times_per_channel", channels.stream().mapToLong(Channel::samples).toArray());
        }
        out.put("n_channels", channels.size());
        out.put("n_times", recording.times());
        out.put("duration_s", recording.times() / recording.sfreq());
        out.put("ch_names", recording.channelNames());
        out.put("ch_types", channels.stream().map(c -> c.type().mneName()).toList());
        out.put("units", channels.stream().map(Channel::unit).toList());
        ChannelStats stats = recording.stats();
        out.put("channel_mean", stats.mean());
        out.put("channel_std", stats.std());
        out.put("annotations", recording.annotations().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("onset", a.onset());
            m.put("duration", a.duration());
            m.put("description", a.description());
            return m;
        }).toList());
        if (!recording.warnings().isEmpty()) {
            out.put("warnings", recording.warnings());
        }
        return out;
    }
}
