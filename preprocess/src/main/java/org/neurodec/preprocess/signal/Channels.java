package org.neurodec.preprocess.signal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.preprocess.PreprocessException;
import java.util.stream.IntStream;
import org.neurodec.ingest.eeg.Signals;

/** Operations on the channels of a block of signals: picking, filtering in parallel, re-referencing. */
public final class Channels {

    private Channels() {
    }

    /** Signals and the channels they belong to, row c being channel c. */
    public record Picked(Signals signals, List<Channel> channels) {
        /** Keeps an unmodifiable copy of the channels. */
        public Picked {
            channels = List.copyOf(channels);
        }
    }

    /** The channels that pass {@code keep}, in their order. */
    public static Picked pick(Signals signals, List<Channel> channels, Predicate<Channel> keep) {
        List<Channel> kept = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            if (keep.test(channels.get(c))) {
                kept.add(channels.get(c));
                rows.add(signals.channel(c));
            }
        }
        return new Picked(Signals.wrap(rows.toArray(double[][]::new), signals.sfreq()), kept);
    }

    /** Channels with one of these names; every name must exist. */
    public static Predicate<Channel> named(List<Channel> channels, Collection<String> names) {
        Set<String> present = new HashSet<>();
        channels.forEach(c -> present.add(c.name()));
        for (String name : names) {
            if (!present.contains(name)) {
                throw PreprocessException.badParameter("channel", "one of " + present, name);
            }
        }
        Set<String> wanted = Set.copyOf(names);
        return c -> wanted.contains(c.name());
    }

    /** Channels of these types. */
    public static Predicate<Channel> ofType(ChannelType... types) {
        Set<ChannelType> wanted = Set.of(types);
        return c -> wanted.contains(c.type());
    }

    /** Applies {@code operation} (a designed filter's {@code apply}, say) to every channel, channels in parallel. */
    public static Signals map(Signals signals, UnaryOperator<double[]> operation) {
        double[][] out = new double[signals.channels()][];
        IntStream.range(0, out.length).parallel().forEach(c -> out[c] = operation.apply(signals.channel(c)));
        return Signals.wrap(out, signals.sfreq());
    }

    /**
     * Replaces each row of {@code data} (channels × times, owned by the caller) by {@code operation}
     * applied to it, channels in parallel: the memory-lean way to filter a large recording, which holds
     * the data once plus one channel's temporaries per thread.
     */
    public static void mapInPlace(double[][] data, UnaryOperator<double[]> operation) {
        IntStream.range(0, data.length).parallel().forEach(c -> data[c] = operation.apply(data[c]));
    }

    /**
     * Filters every row of {@code data} in place with {@code filter}, two channels per FFT and pairs
     * of channels in parallel.
     */
    public static void filterInPlace(double[][] data, org.neurodec.preprocess.filter.FirFilter filter) {
        IntStream.range(0, (data.length + 1) / 2).parallel().forEach(pair -> {
            int a = 2 * pair;
            int b = a + 1;
            filter.filterInPlace(data[a], b < data.length ? data[b] : null);
        });
    }

    /**
     * Average reference: at each sample, the mean of the {@code included} channels is subtracted from
     * each of them (MNE's average EEG reference, bad and non-EEG channels left out and left alone).
     */
    public static Signals averageReference(Signals signals, boolean[] included) {
        if (included.length != signals.channels()) {
            throw new IllegalArgumentException(included.length + " flags for " + signals.channels() + " channels");
        }
        double[][] out = signals.toArray();
        int count = 0;
        for (boolean b : included) {
            count += b ? 1 : 0;
        }
        if (count == 0) {
            return Signals.wrap(out, signals.sfreq());
        }
        for (int t = 0; t < signals.times(); t++) {
            double mean = 0;
            for (int c = 0; c < out.length; c++) {
                if (included[c]) {
                    mean += out[c][t];
                }
            }
            mean /= count;
            for (int c = 0; c < out.length; c++) {
                if (included[c]) {
                    out[c][t] -= mean;
                }
            }
        }
        return Signals.wrap(out, signals.sfreq());
    }
}
