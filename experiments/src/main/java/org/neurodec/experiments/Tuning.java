package org.neurodec.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Nested cross-validation of one model key ({@code protocol.tune: {key, values, folds}}): inside each
 * outer split, every value is scored by accuracy over an inner stratified k-fold of the training
 * trials (unshuffled), the value with the best mean is kept (the first of equal means), and the model
 * with it is fitted on the whole training part — scikit-learn's {@code GridSearchCV} with an integer
 * {@code cv} and its default refit, inside the outer protocol.
 */
final class Tuning {

    static final Set<String> KEYS = Set.of("key", "values", "folds");

    private final Job job;
    private final String key;
    private final double[] values;
    private final int folds;
    private final List<Map<String, Object>> record = new ArrayList<>();

    private Tuning(Job job, String key, double[] values, int folds) {
        this.job = job;
        this.key = key;
        this.values = values;
        this.folds = folds;
    }

    /** The job's tuning, checked before any work: a numeric key of its model, two or more values, a classifier. */
    static Tuning of(Job job, TrialData data) {
        Job.Section tune = job.protocol().section("tune");
        tune.only(KEYS);
        String key = tune.text("key");
        double[] values = tune.numbers("values", 0);
        if (values == null || values.length < 2) {
            throw tune.error("values", "two or more values to choose from", values == null ? "none" : values.length);
        }
        int folds = tune.integer("folds", 3, 2, 1000);
        if (job.model().has(key)) {
            throw tune.error("key", "a key that model does not set itself (the values are tried in its place)", key);
        }
        Tuning tuning = new Tuning(job, key, values, folds);
        JobModel model = tuning.model(values[0], data);
        if (!model.classifies()) {
            throw tune.error("key", "a model that classifies (tuning scores accuracy)", "'" + job.model().text("type") + "'");
        }
        return tuning;
    }

    /** The job's model with {@code key} set to {@code value}; an unknown key or a value out of range is named. */
    private JobModel model(double value, TrialData data) {
        ObjectNode copy = job.model().node.deepCopy();
        copy.put(key, value);
        return ModelTypes.create(new Job.Section(job.model().file, "model", copy), data);
    }

    /** The model tuned on the trials {@code train} (not yet fitted), the choice recorded under {@code split}. */
    JobModel choose(TrialData data, int[] train, String split, Consumer<String> log) {
        int[] labels = JobModel.labels(data, train);
        List<CrossValidation.Split> inner;
        try {
            inner = CrossValidation.stratifiedKFold(labels, folds, false, 0);
        } catch (IllegalArgumentException e) {
            throw job.protocol().section("tune").error("folds", "at most the training trials of the smallest class in each split",
                    e.getMessage());
        }
        double[] means = new double[values.length];
        for (int v = 0; v < values.length; v++) {
            JobModel model = model(values[v], data);
            for (CrossValidation.Split s : inner) {
                int[] fit = map(train, s.train());
                int[] test = map(train, s.test());
                model.fit(data, fit);
                double[][] predicted = model.predict(data, test);
                int hits = 0;
                for (int i = 0; i < test.length; i++) {
                    hits += (int) predicted[i][0] == labels[s.test()[i]] ? 1 : 0;
                }
                means[v] += hits / (double) test.length / inner.size();
            }
        }
        int best = 0;
        for (int v = 1; v < values.length; v++) {
            best = means[v] > means[best] + 1e-12 ? v : best;
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        chosen.put("split", split);
        chosen.put(key, values[best]);
        chosen.put("inner_accuracy", means.clone());
        record.add(chosen);
        log.accept(String.format(Locale.ROOT, "split %s: %s = %s (inner accuracy %.3f)", split, key, values[best], means[best]));
        return model(values[best], data);
    }

    /** What was tuned and what each split chose, for metrics.json. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", key);
        out.put("values", values.clone());
        out.put("inner", "stratified-k-fold, " + folds + " folds, accuracy");
        out.put("chosen", List.copyOf(record));
        return out;
    }

    private static int[] map(int[] rows, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = rows[positions[i]];
        }
        return out;
    }
}
