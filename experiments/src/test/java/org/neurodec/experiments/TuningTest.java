package org.neurodec.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested cross-validation against scikit-learn's GridSearchCV (inner StratifiedKFold(3), accuracy,
 * refit) inside an outer StratifiedKFold(4), for LinearSVC and logistic regression over a C grid:
 * the same C in every outer split, the same inner mean accuracies, the same outer predictions
 * (golden values and the script that made them in {@code resources/nested}).
 */
class TuningTest {

    private static final Path GOLDEN = Path.of("src/test/resources/nested");

    @TempDir
    Path dir;

    @Test
    void choosesAsGridSearchCvDoes() throws Exception {
        JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve("nested.json").toFile());
        for (String type : List.of("linear-svm", "logistic")) {
            String grid = golden.get("grids").get(type).toString();
            Path job = Files.writeString(dir.resolve(type + ".yaml"), "name: nested " + type + "\n"
                    + "data: {hdf5: {file: " + GOLDEN.toAbsolutePath().resolve("nested.h5") + ", x: x, labels: labels}}\n"
                    + "model: {type: " + type + "}\n"
                    + "protocol: {type: stratified-k-fold, folds: 4, tune: {key: C, values: " + grid + ", folds: 3}}\n");
            JobResult result = JobRunner.run(Job.read(job, Map.of()), line -> { }, false);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> chosen = (List<Map<String, Object>>) ((Map<String, Object>) result.model().get("tuning"))
                    .get("chosen");
            JsonNode rows = golden.get("models").get(type);
            assertEquals(rows.size() + 1, chosen.size(), "one choice per outer split, then the final model's");
            for (int s = 0; s < rows.size(); s++) {
                JsonNode row = rows.get(s);
                assertEquals(row.get("chosen").asDouble(), (double) chosen.get(s).get("C"), type + " split " + s);
                double[] inner = (double[]) chosen.get(s).get("inner_accuracy");
                for (int v = 0; v < inner.length; v++) {
                    assertEquals(row.get("inner_means").get(v).asDouble(), inner[v], 1e-12, type + " split " + s + " value " + v);
                }
                int[] test = new ObjectMapper().convertValue(row.get("test"), int[].class);
                assertArrayEquals(test, result.splits().get(s).test(), "outer split " + s);
                int[] expected = new ObjectMapper().convertValue(row.get("predicted"), int[].class);
                int finalS = s;
                int[] ours = result.predictions().stream().filter(p -> p.split() == finalS).mapToInt(p -> (int) p.values()[0])
                        .toArray();
                assertArrayEquals(expected, ours, type + " outer predictions, split " + s);
            }
        }
    }

    @Test
    void aBadGridIsRefusedBeforeAnyWork() throws Exception {
        Path job = Files.writeString(dir.resolve("bad.yaml"), "name: bad\n"
                + "data: {hdf5: {file: " + GOLDEN.toAbsolutePath().resolve("nested.h5") + ", x: x, labels: labels}}\n"
                + "model: {type: linear-svm, C: 1}\n"
                + "protocol: {type: stratified-k-fold, folds: 4, tune: {key: C, values: [0.1, 1]}}\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> JobRunner.run(Job.read(job, Map.of()), line -> { }, false));
        assertTrue(e.getMessage().contains("protocol.tune.key") && e.getMessage().contains("does not set itself"), e.getMessage());
        Files.writeString(job, Files.readString(job).replace("C: 1}", "}").replace("key: C", "key: gamma"));
        e = assertThrows(RuntimeException.class, () -> JobRunner.run(Job.read(job, Map.of()), line -> { }, false));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
    }
}
