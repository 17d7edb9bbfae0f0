package org.neurodec.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.decoders.classify.LogisticRegression;

/**
 * L2 logistic regression (binary or multinomial, as scikit-learn's default lbfgs solver with its
 * stopping rule), features z-scored on the training trials.
 */
public final class LogisticType implements ModelType {

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public String summary() {
        return "L2 logistic regression (binary or multinomial, as scikit-learn), features z-scored on the training trials.";
    }

    @Override
    public List<Key> keys() {
        return List.of(
            new Key("C", "1.0", "inverse regularisation strength, > 0"),
            new Key("tol", "1e-4", "stop when no gradient component exceeds this, > 0 (1e-10: to the optimum)"),
            new Key("max_iter", "100", "at most this many L-BFGS iterations, 1..10^7"),
            new Key("decimate", "1", "keep every Nth sample of EEG epochs, 1..1000"),
            new Key("standardize", "true", "z-score each feature with the statistics of the training trials"));
    }

    @Override
    public Set<Data> accepts() {
        return Set.of(Data.EEG_EPOCHS, Data.TRIAL_MATRIX);
    }

    @Override
    public JobModel create(Job.Section section, TrialData data) {
        boolean standardize = !section.has("standardize") || section.oneOf("standardize", List.of("true", "false"))
                .equals("true");
        return new Model(section.number("C", 1.0, 0, Double.MAX_VALUE), section.number("tol", LogisticRegression.DEFAULT_TOL, 0, 1),
                section.integer("max_iter", LogisticRegression.DEFAULT_MAX_ITER, 1, 10_000_000), section.integer("decimate", 1, 1,
                        1000), standardize);
    }

    /** L2 logistic regression on (standardised) trial rows or flattened epochs. */
    static final class Model extends StandardizedModel {
        private final double c;
        private final double tolerance;
        private final int maxIterations;
        private LogisticRegression fitted;

        Model(double c, double tolerance, int maxIterations, int decimate, boolean standardize) {
            super(decimate, standardize);
            this.c = c;
            this.tolerance = tolerance;
            this.maxIterations = maxIterations;
        }

        @Override
        public void fit(TrialData data, int[] train) {
            fitted = LogisticRegression.fit(fitScaling(data, train), labels(data, train), data.classes().size(), c, tolerance,
                    maxIterations);
        }

        @Override
        public double[][] predict(TrialData data, int[] test) {
            double[][] p = fitted.probabilities(features(data, test));
            double[][] logs = new double[p.length][];
            for (int i = 0; i < p.length; i++) {
                logs[i] = java.util.Arrays.stream(p[i]).map(Math::log).toArray();
            }
            return fromScores(logs);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "logistic");
            m.put("C", c);
            m.put("tol", tolerance);
            m.put("max_iter", maxIterations);
            m.put("iterations", fitted.iterations());
            describeScaling(m);
            m.put("weights", fitted.weights());
            m.put("intercepts", fitted.intercepts());
            return m;
        }
    }
}
