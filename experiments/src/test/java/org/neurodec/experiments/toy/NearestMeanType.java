package org.neurodec.experiments.toy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.experiments.Job;
import org.neurodec.experiments.JobModel;
import org.neurodec.experiments.ModelType;
import org.neurodec.experiments.TrialData;

/**
 * A toy decoder from outside the experiments package, registered only on the test class path: each
 * trial goes to the class whose training mean is nearest. It proves that a decoder is one file plus
 * a line in {@code META-INF/services}, using nothing but the public plug-in API.
 */
public final class NearestMeanType implements ModelType {

    @Override
    public String name() {
        return "nearest-mean";
    }

    @Override
    public String summary() {
        return "each trial to the class whose training mean is nearest (Euclidean)";
    }

    @Override
    public List<Key> keys() {
        return List.of(new Key("decimate", "1", "keep every Nth sample of EEG epochs, 1..100"));
    }

    @Override
    public Set<Data> accepts() {
        return Set.of(Data.TRIAL_MATRIX, Data.EEG_EPOCHS);
    }

    @Override
    public JobModel create(Job.Section section, TrialData data) {
        int decimate = section.integer("decimate", 1, 1, 100);
        return new JobModel() {
            private double[][] means;

            @Override
            public void fit(TrialData d, int[] train) {
                double[][] x = JobModel.features(d, train, decimate);
                int[] y = JobModel.labels(d, train);
                means = new double[d.classes().size()][x[0].length];
                int[] counts = new int[means.length];
                for (int i = 0; i < x.length; i++) {
                    counts[y[i]]++;
                    for (int f = 0; f < x[i].length; f++) {
                        means[y[i]][f] += x[i][f];
                    }
                }
                for (int k = 0; k < means.length; k++) {
                    for (int f = 0; f < means[k].length; f++) {
                        means[k][f] /= Math.max(1, counts[k]);
                    }
                }
            }

            @Override
            public double[][] predict(TrialData d, int[] test) {
                double[][] x = JobModel.features(d, test, decimate);
                double[][] scores = new double[x.length][means.length];
                for (int i = 0; i < x.length; i++) {
                    for (int k = 0; k < means.length; k++) {
                        double distance = 0;
                        for (int f = 0; f < x[i].length; f++) {
                            distance += (x[i][f] - means[k][f]) * (x[i][f] - means[k][f]);
                        }
                        scores[i][k] = -distance;
                    }
                }
                return JobModel.fromScores(scores);
            }

            @Override
            public Map<String, Object> describe() {
                return Map.of("type", "nearest-mean", "decimate", decimate);
            }
        };
    }
}
