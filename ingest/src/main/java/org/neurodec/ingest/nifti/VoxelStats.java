package org.neurodec.ingest.nifti;

/**
 * Summary statistics of a stream of values, NaN excluded and counted apart: compensated sum,
 * minimum, maximum, mean and population standard deviation (Welford's update), as NumPy's
 * {@code nansum}, {@code nanmean} and {@code nanstd} define them.
 */
public final class VoxelStats {

    private long count;
    private long nanCount;
    private double sum;
    private double compensation;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;

    /** Adds one value. */
    public void add(double x) {
        if (Double.isNaN(x)) {
            nanCount++;
            return;
        }
        count++;
        double t = sum + x;
        compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
        double delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
    }

    /** Number of values added, NaN excluded. */
    public long count() {
        return count;
    }

    /** Number of NaN values seen. */
    public long nanCount() {
        return nanCount;
    }

    /** Sum of the values (NaN excluded). */
    public double sum() {
        return sum + compensation;
    }

    /** Smallest value, or NaN when there is none. */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** Largest value, or NaN when there is none. */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** Mean, or NaN when there is no value. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Population standard deviation (ddof = 0), or NaN when there is no value. */
    public double std() {
        return count == 0 ? Double.NaN : Math.sqrt(m2 / count);
    }
}
