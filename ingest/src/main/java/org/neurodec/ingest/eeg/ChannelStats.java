package org.neurodec.ingest.eeg;

/**
 * Per-channel mean and population standard deviation, in the channels' units.
 *
 * @param mean one value per channel
 * @param std one value per channel (ddof 0, as NumPy's default)
 */
public record ChannelStats(double[] mean, double[] std) {

    /** Keeps private copies. */
    public ChannelStats {
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }
}
