package org.neurodec.preprocess.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.ingest.events.Events;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.epochs.Epochs;

/**
 * A preprocessing pipeline for EEG: continuous steps in order, then optionally epoching. Built
 * fluently in Java or read from the {@code preprocess} section of a YAML file; every parameter is
 * checked against the recording before any work starts, and recorded in the result's provenance.
 *
 * <pre>{@code
 * preprocess:
 *   steps:
 *     - filter: {l_freq: 1, h_freq: 40, method: fir}
 *     - notch: {freqs: [50], method: fir}
 *     - resample: {sfreq: 128}
 *     - reref: {bads: []}
 *   epochs: {tmin: -0.2, tmax: 0.8, baseline: [-0.2, 0], reject: {eeg: 150e-6}, events: annotations}
 * }</pre>
 */
public final class Pipeline {

    private final List<Step> steps;
    private final EpochStep epochs;

    private Pipeline(List<Step> steps, EpochStep epochs) {
        this.steps = List.copyOf(steps);
        this.epochs = epochs;
    }

    /** An empty pipeline to add steps to. */
    public static Pipeline empty() {
        return new Pipeline(List.of(), null);
    }

    /** The same pipeline with one more continuous step. */
    public Pipeline then(Step step) {
        if (epochs != null) {
            throw new IllegalStateException("epoching is the last step; continuous steps go before it");
        }
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new Pipeline(more, null);
    }

    /** The same pipeline, ending in epochs. */
    public Pipeline epochs(EpochStep step) {
        return new Pipeline(steps, step);
    }

    /** The continuous steps. */
    public List<Step> steps() {
        return steps;
    }

    /** The pipeline in {@code section}, the {@code preprocess} section of {@code file} as already read. */
    public static Pipeline fromSection(Path file, JsonNode section) {
        return PipelineYaml.parse(file, section);
    }

    /** What running a pipeline produced: continuous signals or epochs, and the provenance of every step. */
    public record Result(EegRecording input, Signals continuous, Epochs epochs, org.neurodec.Provenance provenance) {
    }

    /** The epoching step, empty for a pipeline of continuous steps only. */
    public java.util.Optional<EpochStep> epochStep() {
        return java.util.Optional.ofNullable(epochs);
    }

    /** Runs the pipeline on {@code recording} (channels must share one rate). */
    public Result run(EegRecording recording) {
        return run(recording, null, null);
    }

    /**
     * Runs the pipeline on {@code recording}, cutting epochs around {@code events} (each trial type
     * named by {@code conditions}) instead of the epoch step's own event source: a BIDS dataset's
     * events.tsv. Null events and conditions take the step's own.
     */
    public Result run(EegRecording recording, Events events, Map<String, String> conditions) {
        if (!recording.uniformRate()) {
            throw PreprocessException.badParameter("recording", "channels at one sampling rate", "several rates");
        }
        double sfreq = recording.sfreq();
        for (Step step : steps) {
            step.check(sfreq, recording.channels());
            if (step instanceof Steps.Resample r) {
                sfreq = r.sfreq();
            }
        }
        Signals signals = recording.readAll();
        List<Map<String, Object>> done = new ArrayList<>();
        for (Step step : steps) {
            signals = step.apply(signals, recording.channels());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", step.name());
            entry.putAll(step.parameters());
            done.add(entry);
        }
        Epochs cut = null;
        if (epochs != null) {
            Events found = events != null ? events : epochs.eventsOf(recording);
            cut = Epochs.extract(signals, recording.channels(), found,
                    conditions != null ? conditions : epochs.conditionsFor(found), epochs.spec(), Map.of("file", recording.file().getFileName().toString()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", "epochs");
            entry.putAll(epochs.parameters());
            if (events != null) {
                entry.put("events", "given");
            }
            entry.put("kept", cut.size());
            entry.put("dropped", cut.dropped().size());
            done.add(entry);
        }
        org.neurodec.Provenance provenance = org.neurodec.Provenance.of("neurodec preprocess pipeline")
                .withInput("recording", recording.file()).with("steps", done);
        return new Result(recording, epochs == null ? signals : null, cut, provenance);
    }

    /** Peak-to-peak limits by MNE channel type name ("eeg", "eog", …). */
    static Map<ChannelType, Double> rejectLimits(Map<String, Double> byName) {
        Map<ChannelType, Double> out = new java.util.EnumMap<>(ChannelType.class);
        byName.forEach((name, limit) -> {
            ChannelType type = null;
            for (ChannelType t : ChannelType.values()) {
                if (t.mneName().equals(name)) {
                    type = t;
                }
            }
            if (type == null) {
                throw PreprocessException.badParameter("reject", "a channel type (eeg, eog, ecg, emg, misc)", name);
            }
            out.put(type, limit);
        });
        return out;
    }

    /** A spec from the YAML/flag values. */
    static EpochSpec spec(double tmin, double tmax, double[] baseline, Map<String, Double> reject, int decim) {
        return new EpochSpec(tmin, tmax, baseline, rejectLimits(reject), decim);
    }
}
