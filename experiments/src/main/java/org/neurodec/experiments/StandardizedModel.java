package org.neurodec.experiments;

import java.util.Map;
import org.neurodec.decoders.classify.Standardizer;

/**
 * A linear model on trial rows or flattened (decimated) epochs, each feature optionally z-scored with
 * the statistics of the training trials: what the logistic regression and the linear SVM share.
 */
abstract class StandardizedModel extends JobModel {

    private final int decimate;
    private final boolean standardize;
    private Standardizer scaling;

    StandardizedModel(int decimate, boolean standardize) {
        this.decimate = decimate;
        this.standardize = standardize;
    }

    /** Learns the scaling from {@code train} (when asked to) and returns the training trials' features. */
    final double[][] fitScaling(TrialData data, int[] train) {
        double[][] x = features(data, train, decimate);
        scaling = standardize ? Standardizer.fit(x) : null;
        return scaling == null ? x : scaling.apply(x);
    }

    /** The trials' features, scaled as the training trials were. */
    final double[][] features(TrialData data, int[] rows) {
        double[][] x = features(data, rows, decimate);
        return scaling == null ? x : scaling.apply(x);
    }

    /** Adds the decimation and the scaling to a model description. */
    final Map<String, Object> describeScaling(Map<String, Object> m) {
        m.put("decimate", decimate);
        m.put("standardize_mean", scaling == null ? null : scaling.mean());
        m.put("standardize_scale", scaling == null ? null : scaling.scale());
        return m;
    }
}
