package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.decoders.riemann.Mdm;
import org.neurodec.subjects.riemann.Spd;

/** Minimum distance to the classes' Riemannian mean covariances (pyRiemann's MDM), on covariance features. */
public final class MdmType implements ModelType {

    @Override
    public String name() {
        return "mdm";
    }

    @Override
    public String summary() {
        return "Minimum distance to the classes' Riemannian mean covariances (pyRiemann's MDM), on covariance features.";
    }

    @Override
    public List<Key> keys() {
        return CovarianceFeatures.KEYS;
    }

    @Override
    public Set<Data> accepts() {
        return Set.of(Data.EEG_EPOCHS);
    }

    @Override
    public JobModel create(Job.Section section, TrialData data) {
        CovarianceFeatures features = new CovarianceFeatures(section);
        features.check(section, data);
        return new Model(features);
    }

    /** MDM on the job's covariance features. */
    static final class Model extends JobModel {
        private final CovarianceFeatures features;
        private Mdm fitted;

        Model(CovarianceFeatures features) {
            this.features = features;
        }

        @Override
        public void fit(TrialData data, int[] train) {
            features.fit(data, train, labels(data, train), data.classes().size());
            fitted = Mdm.fit(features.covariances(data, train), labels(data, train), data.classes().size());
        }

        @Override
        public double[][] predict(TrialData data, int[] test) {
            double[][] d = fitted.distances(features.covariances(data, test));
            double[][] scores = new double[d.length][];
            for (int i = 0; i < d.length; i++) {
                scores[i] = new double[d[i].length];
                for (int k = 0; k < d[i].length; k++) {
                    scores[i][k] = -d[i][k];
                }
            }
            return fromScores(scores);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("type", "mdm");
            m.putAll(features.describe());
            List<double[][]> means = new ArrayList<>();
            for (Spd mean : fitted.means()) {
                means.add(mean.toArray());
            }
            m.put("class_means", means);
            return m;
        }
    }
}
