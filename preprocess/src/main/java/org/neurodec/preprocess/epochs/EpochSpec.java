package org.neurodec.preprocess.epochs;

import java.util.Map;
import java.util.Objects;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.preprocess.PreprocessException;

/**
 * How epochs are cut around events.
 *
 * @param tmin start, seconds relative to each event (negative before it)
 * @param tmax end, seconds relative to each event, included
 * @param baseline the interval [from, to] (seconds) whose mean each channel loses, or null for none
 * @param reject peak-to-peak limits by channel type (volts for voltage channels): an epoch where any
 *     channel of that type exceeds its limit is dropped
 * @param decim keep every decim-th sample (1 keeps all; low-pass first)
 */
public record EpochSpec(double tmin, double tmax, double[] baseline, Map<ChannelType, Double> reject, int decim) {

    /** Validates the window, the baseline and the decimation. */
    public EpochSpec {
        if (!(tmax > tmin)) {
            throw PreprocessException.badParameter("epoch window", "tmin < tmax", tmin + " s to " + tmax + " s");
        }
        if (baseline != null && (baseline.length != 2 || !(baseline[0] <= baseline[1]) || baseline[0] < tmin
                || baseline[1] > tmax)) {
            throw PreprocessException.badParameter("baseline", "[from, to] inside [" + tmin + ", " + tmax + "] s",
                    java.util.Arrays.toString(baseline));
        }
        if (decim < 1) {
            throw PreprocessException.badParameter("decim", "a positive integer", decim);
        }
        baseline = baseline == null ? null : baseline.clone();
        reject = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Objects.requireNonNull(reject, "reject")));
    }

    /** Epochs from {@code tmin} to {@code tmax}, no baseline, no rejection, every sample. */
    public static EpochSpec of(double tmin, double tmax) {
        return new EpochSpec(tmin, tmax, null, Map.of(), 1);
    }

    /** The same, with a baseline interval. */
    public EpochSpec withBaseline(double from, double to) {
        return new EpochSpec(tmin, tmax, new double[] {from, to}, reject, decim);
    }

    /** The same, with a peak-to-peak limit for one channel type. */
    public EpochSpec rejecting(ChannelType type, double peakToPeak) {
        Map<ChannelType, Double> limits = new java.util.EnumMap<>(ChannelType.class);
        limits.putAll(reject);
        limits.put(type, peakToPeak);
        return new EpochSpec(tmin, tmax, baseline, limits, decim);
    }

    /** The same, keeping every {@code factor}-th sample. */
    public EpochSpec decimatedBy(int factor) {
        return new EpochSpec(tmin, tmax, baseline, reject, factor);
    }

    @Override
    public double[] baseline() {
        return baseline == null ? null : baseline.clone();
    }
}
