package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.decoders.riemann.TangentSpaceLogistic;

/** Covariances in the tangent space at their Riemannian mean, then L2 logistic regression (pyRiemann's TS + LR). */
public final class TangentSpaceType implements ModelType {

    @Override
    public String name() {
        return "ts-logistic";
    }

    @Override
    public String summary() {
        return "Covariances in the tangent space at their Riemannian mean, then L2 logistic regression (pyRiemann's TS + LR).";
    }

    @Override
    public List<Key> keys() {
        List<Key> keys = new ArrayList<>(CovarianceFeatures.KEYS);
        keys.add(new Key("C", "1.0", "inverse regularisation strength, > 0"));
        return keys;
    }

    @Override
    public Set<Data> accepts() {
        return Set.of(Data.EEG_EPOCHS);
    }

    @Override
    public JobModel create(Job.Section section, TrialData data) {
        CovarianceFeatures features = new CovarianceFeatures(section);
        features.check(section, data);
        return new Model(features, section.number("C", 1.0, 0, Double.MAX_VALUE));
    }

    /** Tangent space + logistic regression on the job's covariance features. */
    static final class Model extends JobModel {
        private final CovarianceFeatures features;
        private final double c;
        private TangentSpaceLogistic fitted;

        Model(CovarianceFeatures features, double c) {
            this.features = features;
            this.c = c;
        }

        @Override
        public void fit(TrialData data, int[] train) {
            features.fit(data, train, labels(data, train), data.classes().size());
            fitted = TangentSpaceLogistic.fit(features.covariances(data, train), labels(data, train), data.classes().size(), c);
        }

        @Override
        public double[][] predict(TrialData data, int[] test) {
            return fromScores(fitted.probabilities(features.covariances(data, test)));
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("type", "ts-logistic");
            m.putAll(features.describe());
            m.put("C", c);
            m.put("reference", fitted.reference().toArray());
            return m;
        }
    }
}
