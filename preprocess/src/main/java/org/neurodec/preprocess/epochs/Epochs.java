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
 * float64, with each kept epoch's condition, event sample and metadata, and a record of every
 * dropped one and why. Sample indices follow MNE: an event at t s is sample round(t × sfreq), the
 * window starts round(tmin × sfreq) samples from it and holds round((tmax − tmin) × sfreq) + 1 samples.
 */
public final class Epochs {

    /** One kept epoch's labels. */
    public record Info(String condition, long eventSample, Map<String, String> metadata) {
        /** Keeps an unmodifiable copy of the metadata. */
        public Info {
            metadata = Map.copyOf(metadata);
        }
    }

    /** One dropped epoch: which event and why. */
    public record Dropped(String condition, long eventSample, String reason) {
    }

    private final double[][][] data;
    private final double sfreq;
    private final double tmin;
    private final List<Info> info;
    private final List<Dropped> dropped;

    private Epochs(double[][][] data, double sfreq, double tmin, List<Info> info, List<Dropped> dropped) {
        this.data = data;
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
            baseline = new int[] {(int) Math.round(spec.baseline()[0] * sfreq) - offset,
                (int) Math.round(spec.baseline()[1] * sfreq) - offset + 1};
        }
        List<double[][]> kept = new ArrayList<>();
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
            double[][] epoch = new double[channels.size()][];
            for (int c = 0; c < epoch.length; c++) {
                epoch[c] = new double[length];
                for (int t = 0; t < length; t++) {
                    epoch[c][t] = signals.get(c, (int) (start + t));
                }
                if (baseline != null) {
                    double mean = 0;
                    for (int t = baseline[0]; t < baseline[1]; t++) {
                        mean += epoch[c][t];
                    }
                    mean /= baseline[1] - baseline[0];
                    for (int t = 0; t < length; t++) {
                        epoch[c][t] -= mean;
                    }
                }
            }
            String reason = rejection(epoch, channels, spec);
            if (reason != null) {
                dropped.add(new Dropped(condition, sample, reason));
                continue;
            }
            kept.add(decimate(epoch, spec.decim()));
            info.add(new Info(condition, sample, metadata));
        }
        return new Epochs(kept.toArray(double[][][]::new), sfreq / spec.decim(), offset / sfreq, info, dropped);
    }

    /** The epochs of several recordings (runs), in order; channels and rates must agree. */
    public static Epochs concatenate(List<Epochs> parts) {
        List<double[][]> data = new ArrayList<>();
        List<Info> info = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (Epochs part : parts) {
            if (part.sfreq != parts.get(0).sfreq || part.tmin != parts.get(0).tmin) {
                throw new IllegalArgumentException("epochs with different rates or windows cannot be concatenated");
            }
            data.addAll(List.of(part.data));
            info.addAll(part.info);
            dropped.addAll(part.dropped);
        }
        return new Epochs(data.toArray(double[][][]::new), parts.get(0).sfreq, parts.get(0).tmin, info, dropped);
    }

    /** Number of kept epochs. */
    public int size() {
        return data.length;
    }

    /** Samples per epoch. */
    public int times() {
        return data.length == 0 ? 0 : data[0][0].length;
    }

    /** Number of channels. */
    public int channels() {
        return data.length == 0 ? 0 : data[0].length;
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
        return data[e][c][t];
    }

    /** A copy of one epoch, channels × times. */
    public double[][] epoch(int e) {
        double[][] copy = new double[data[e].length][];
        for (int c = 0; c < copy.length; c++) {
            copy[c] = data[e][c].clone();
        }
        return copy;
    }

    /** The kept epochs' labels, in order. */
    public List<Info> info() {
        return info;
    }

    /** The dropped epochs and why. */
    public List<Dropped> dropped() {
        return dropped;
    }

    private static String rejection(double[][] epoch, List<Channel> channels, EpochSpec spec) {
        for (int c = 0; c < epoch.length; c++) {
            Double limit = spec.reject().get(channels.get(c).type());
            if (limit == null) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : epoch[c]) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > limit) {
                return "peak-to-peak " + (max - min) + " > " + limit + " on " + channels.get(c).name();
            }
        }
        return null;
    }

    private static double[][] decimate(double[][] epoch, int factor) {
        if (factor == 1) {
            return epoch;
        }
        double[][] out = new double[epoch.length][];
        for (int c = 0; c < epoch.length; c++) {
            out[c] = new double[(epoch[c].length + factor - 1) / factor];
            for (int t = 0; t < out[c].length; t++) {
                out[c][t] = epoch[c][t * factor];
            }
        }
        return out;
    }
}
