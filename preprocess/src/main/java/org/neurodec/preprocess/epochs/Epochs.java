package org.neurodec.preprocess.epochs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;
import org.neurodec.preprocess.PreprocessException;

/**
 * Epochs: windows of every channel around chosen events, as {@code epochs × channels × times}
 * float64 (one contiguous array per epoch), with each kept epoch's condition, event sample and metadata, and a record of every
 * dropped one and why. Sample indices follow MNE: an event at t s is sample round(t × sfreq), the
 * window starts round(tmin × sfreq) samples from it and holds round((tmax − tmin) × sfreq) + 1 samples.
 * The baseline is the mean of the samples from the first at or after its start to the last at or
 * before its end, removed at the full rate; decimation keeps the sample at t = 0 and every decim-th
 * one around it (so the first kept time may be after tmin), and rejection reads the kept samples.
 */
public final class Epochs {

    /** One kept epoch's labels. */
    public record Info(String condition, long eventSample, Map<String, String> metadata) {
        /** Keeps an unmodifiable copy of the metadata. */
        public Info {
            metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        }
    }

    /** One dropped epoch: which event and why. */
    public record Dropped(String condition, long eventSample, String reason) {
    }

    /** Epochs in blocks of {@link #perBlock}, each epoch channel after channel (see {@link #offset}). */
    private final double[][] blocks;
    private final int perBlock;
    private final int size;
    private final int channels;
    private final int times;
    private final double sfreq;
    private final double tmin;
    private final List<Info> info;
    private final List<Dropped> dropped;

    private Epochs(EpochStore store, int channels, int times, double sfreq, double tmin, List<Info> info,
            List<Dropped> dropped) {
        this.blocks = store.blocks();
        this.perBlock = store.perBlock();
        this.size = store.size();
        this.channels = channels;
        this.times = times;
        this.sfreq = sfreq;
        this.tmin = tmin;
        this.info = List.copyOf(info);
        this.dropped = List.copyOf(dropped);
    }

    /**
     * Cuts epochs from {@code signals} around the events whose trial type is a key of {@code conditions}
     * (the value names the condition). {@code metadata} is attached to every epoch (run, subject, …).
     */
    public static Epochs extract(Signals signals, List<Channel> channels, Events events, Map<String, String> conditions,
            EpochSpec spec, Map<String, String> metadata) {
        if (channels.size() != signals.channels()) {
            throw new IllegalArgumentException(channels.size() + " channels described for " + signals.channels() + " signals");
        }
        double sfreq = signals.sfreq();
        int offset = (int) Math.round(spec.tmin() * sfreq);
        int length = (int) Math.round((spec.tmax() - spec.tmin()) * sfreq) + 1;
        if (length > signals.times()) {
            throw PreprocessException.badParameter("epoch window", "at most the recording's " + signals.times() / sfreq + " s",
                    (spec.tmax() - spec.tmin()) + " s");
        }
        int[] baseline = null;
        if (spec.baseline() != null) {
            // as MNE: from the first sample at or after the start to the last at or before the end
            baseline = new int[] {length, 0};
            for (int t = 0; t < length; t++) {
                double time = (offset + t) / sfreq;
                if (time >= spec.baseline()[0]) {
                    baseline[0] = Math.min(baseline[0], t);
                }
                if (time <= spec.baseline()[1]) {
                    baseline[1] = t + 1;
                }
            }
            if (baseline[0] >= baseline[1]) {
                throw PreprocessException.badParameter("baseline", "an interval holding at least one sample at " + sfreq + " Hz",
                        java.util.Arrays.toString(spec.baseline()));
            }
        }
        // as MNE: the kept samples are t = 0 and every decim-th one around it; rejection reads the kept ones
        int first = Math.floorMod(-offset, spec.decim());
        int keptTimes = (length - first + spec.decim() - 1) / spec.decim();
        EpochStore kept = new EpochStore(channels.size() * keptTimes);
        List<Info> info = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (Event event : events.list()) {
            String condition = conditions.get(event.trialType());
            if (condition == null) {
                continue;
            }
            long sample = Math.round(event.onset() * sfreq);
            long start = sample + offset;
            if (start < 0 || start + length > signals.times()) {
                dropped.add(new Dropped(condition, sample, "outside the recording"));
                continue;
            }
            double[] epoch = new double[channels.size() * length];
            for (int c = 0; c < channels.size(); c++) {
                signals.copy(c, (int) start, epoch, c * length, length);
                if (baseline != null) {
                    double mean = 0;
                    for (int t = baseline[0]; t < baseline[1]; t++) {
                        mean += epoch[c * length + t];
                    }
                    mean /= baseline[1] - baseline[0];
                    for (int t = 0; t < length; t++) {
                        epoch[c * length + t] -= mean;
                    }
                }
            }
            double[] decimated = decimate(epoch, channels.size(), length, spec.decim(), first);
            String reason = rejection(decimated, keptTimes, channels, spec);
            if (reason != null) {
                dropped.add(new Dropped(condition, sample, reason));
                continue;
            }
            kept.add(decimated, 0);
            info.add(new Info(condition, sample, metadata));
        }
        return new Epochs(kept, channels.size(), keptTimes, sfreq / spec.decim(), (offset + first) / sfreq, info, dropped);
    }

    /** The epochs of several recordings (runs), in order; channels and rates must agree. */
    public static Epochs concatenate(List<Epochs> parts) {
        EpochStore data = new EpochStore(parts.get(0).channels * parts.get(0).times);
        List<Info> info = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        Epochs first = parts.get(0);
        for (Epochs part : parts) {
            if (part.sfreq != first.sfreq || part.tmin != first.tmin || part.times != first.times
                    || part.channels != first.channels) {
                throw new IllegalArgumentException("epochs with different channels, rates or windows cannot be concatenated");
            }
            for (int e = 0; e < part.size; e++) {
                data.add(part.blocks[e / part.perBlock], part.offset(e));
            }
            info.addAll(part.info);
            dropped.addAll(part.dropped);
        }
        return new Epochs(data, first.channels, first.times, first.sfreq, first.tmin, info, dropped);
    }

    /** Number of kept epochs. */
    public int size() {
        return size;
    }

    /** Samples per epoch. */
    public int times() {
        return times;
    }

    /** Number of channels. */
    public int channels() {
        return channels;
    }

    /** Sampling rate of the epochs (after decimation). */
    public double sfreq() {
        return sfreq;
    }

    /** Time of each epoch's first sample relative to its event, in seconds. */
    public double tmin() {
        return tmin;
    }

    /** Sample {@code t} of channel {@code c} in epoch {@code e}. */
    public double get(int e, int c, int t) {
        checkIndex(e);
        return blocks[e / perBlock][offset(e) + c * times + t];
    }

    /** A copy of one epoch, channels × times. */
    public double[][] epoch(int e) {
        checkIndex(e);
        double[][] copy = new double[channels][times];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(blocks[e / perBlock], offset(e) + c * times, copy[c], 0, times);
        }
        return copy;
    }

    private int offset(int e) {
        return (e % perBlock) * channels * times;
    }

    private void checkIndex(int e) {
        if (e < 0 || e >= size) {
            throw new IndexOutOfBoundsException("epoch " + e + " of " + size);
        }
    }

    /** The kept epochs' labels, in order. */
    public List<Info> info() {
        return info;
    }

    /** The dropped epochs and why. */
    public List<Dropped> dropped() {
        return dropped;
    }

    private static String rejection(double[] epoch, int length, List<Channel> channels, EpochSpec spec) {
        for (int c = 0; c < channels.size(); c++) {
            Double limit = spec.reject().get(channels.get(c).type());
            if (limit == null) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = c * length; t < (c + 1) * length; t++) {
                min = Math.min(min, epoch[t]);
                max = Math.max(max, epoch[t]);
            }
            if (max - min > limit) {
                return "peak-to-peak " + (max - min) + " > " + limit + " on " + channels.get(c).name();
            }
        }
        return null;
    }

    /** Every {@code factor}-th sample from {@code first} on, per channel. */
    private static double[] decimate(double[] epoch, int channels, int length, int factor, int first) {
        if (factor == 1) {
            return epoch;
        }
        int kept = (length - first + factor - 1) / factor;
        double[] out = new double[channels * kept];
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < kept; t++) {
                out[c * kept + t] = epoch[c * length + first + t * factor];
            }
        }
        return out;
    }
}
