package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;

/** neurodec transfer on the synthetic cohort (BIDS) and on eeg-notebooks' N170 files. */
class TransferCommandTest {

    /** The scores of one method at one calibration entry (trials, or a fraction), as metrics.json gives them. */
    private static Map<String, Double> scores(Path out, double calibration, String method) throws Exception {
        Map<String, Double> found = new HashMap<>();
        for (JsonNode row : new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("rows")) {
            if (row.get("calibration").asDouble() == calibration && row.get("method").asText().equals(method)) {
                row.get("scores").fields().forEachRemaining(e -> found.put(e.getKey(), e.getValue().asDouble()));
            }
        }
        assertFalse(found.isEmpty(), method + " at calibration " + calibration + " in " + out);
        return found;
    }

    @Test
    void theSharedEncoderBeatsTheSubjectOnlyDecoderOnTheSyntheticCohort(@TempDir Path dir) throws Exception {
        Path cohort = dir.resolve("cohort");
        assertEquals(0, CommandLineTest.run("cohort", cohort.toString()).status());
        Path out = dir.resolve("transfer");
        CommandLineTest.Result r = CommandLineTest.run("transfer", RunCommandTest.EXAMPLES.resolve("synthetic-transfer.yaml")
                .toString(), "--set", "cohort=" + cohort, "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("shared + new adapter"), r.out());
        for (int k : new int[] {25, 50}) {
            Map<String, Double> own = scores(out, k, "subject-only");
            Map<String, Double> shared = scores(out, k, "shared + new adapter");
            assertTrue(shared.get("top-1") > own.get("top-1"), k + " trials: " + shared + " vs " + own);
            assertTrue(shared.get("balanced accuracy") > own.get("balanced accuracy"), k + " trials: " + shared + " vs " + own);
        }
        Map<String, Double> small = scores(out, 10, "shared + new adapter");
        assertTrue(small.get("top-5 image") > 3 * 5.0 / 21 && small.get("top-5 word") > 5.0 / 11,
                "images and words far above chance from 10 trials: " + small);
        for (String file : List.of("transfer.csv", "figures/transfer-top-1.png", "models/shared/model.json", "report.html")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
    }

    @Test
    void theSharedEncoderAsARunJob(@TempDir Path dir) throws Exception {
        Path cohort = dir.resolve("cohort");
        assertEquals(0, CommandLineTest.run("cohort", cohort.toString()).status());
        Path out = dir.resolve("shared");
        CommandLineTest.Result r = CommandLineTest.run("run", RunCommandTest.EXAMPLES.resolve("synthetic-shared-encoder.yaml")
                .toString(), "--set", "cohort=" + cohort, "--out", out.toString(), "--no-progress");
        assertEquals(0, r.status(), r.err());
        JsonNode subjects = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("subjects");
        assertEquals(5, subjects.size());
        subjects.fields().forEachRemaining(e -> {
            assertTrue(e.getValue().at("/top-1/value").asDouble() > 10 * e.getValue().at("/top-1/chance").asDouble(),
                    e.getKey() + ": " + e.getValue().get("top-1"));
            assertTrue(e.getValue().has("top-1 image") && e.getValue().has("top-1 word"), e.getValue().toString());
        });
        List<String> predictions = Files.readAllLines(out.resolve("predictions.csv"));
        assertTrue(predictions.get(0).startsWith("subject,trial,truth,top1,score1"), predictions.get(0));
        assertEquals(1 + 5 * 32, predictions.size(), "32 test stimuli per subject");
        assertTrue(Files.isRegularFile(out.resolve("models/shared/model.json")));
        // no features given: low-level ones computed from the images, word trials left out
        Path imagesOnly = dir.resolve("images.yaml");
        Files.writeString(imagesOnly, Files.readString(RunCommandTest.EXAMPLES.resolve("synthetic-shared-encoder.yaml"))
                .replace("features: ${cohort}/stimuli/features.csv", "images: ${cohort}/stimuli/images")
                .replace("  classes: ${cohort}/stimuli/stimuli.tsv\n", "").replace("  groups: kind\n", ""));
        Path fromImages = dir.resolve("from-images");
        CommandLineTest.Result images = CommandLineTest.run("run", imagesOnly.toString(), "--set", "cohort=" + cohort, "--out",
                fromImages.toString(), "--no-progress");
        assertEquals(0, images.status(), images.err());
        assertTrue(images.err().contains("trials left out (their stimuli have no features)"), images.err());
        new ObjectMapper().readTree(fromImages.resolve("metrics.json").toFile()).get("subjects").fields().forEachRemaining(e ->
                assertTrue(e.getValue().at("/top-1/value").asDouble() > 5 * e.getValue().at("/top-1/chance").asDouble(),
                        "images decoded from their low-level features: " + e.getValue().get("top-1")));
        Path mismatched = dir.resolve("bad.yaml");
        Files.writeString(mismatched, Files.readString(RunCommandTest.EXAMPLES.resolve("synthetic-shared-encoder.yaml"))
                .replace("type: stimulus-split", "type: k-fold"));
        CommandLineTest.Result bad = CommandLineTest.run("run", mismatched.toString(), "--set", "cohort=" + cohort);
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("key 'protocol.type': expected stimulus-split or shuffle-split for the shared encoder"), bad.err());
    }

    @Test
    void realEegFilesPerSubjectThroughThePreprocessSection(@TempDir Path dir) throws Exception {
        // the example left out every subject in turn; here only subject 11, to keep the test short
        Path job = dir.resolve("n170.yaml");
        Files.writeString(job, Files.readString(RunCommandTest.EXAMPLES.resolve("n170-transfer.yaml"))
                .replace("leave_one_out: [\"1\", \"2\", \"3\", \"11\"]", "train: [\"1\", \"2\", \"3\"]\n  new: \"11\"")
                .replace("${data}/", TestData.root().toAbsolutePath() + "/"));
        Path out = dir.resolve("n170");
        CommandLineTest.Result r = CommandLineTest.run("transfer", job.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        for (String method : List.of("subject-only", "shared + new adapter", "shared, fine-tuned", "riemann: subject-only")) {
            double auc = scores(out, 0.25, method).get("AUC");
            assertTrue(auc > 0.5 && auc < 0.8, method + ": AUC " + auc);
        }
        assertTrue(scores(out, 0.25, "riemann: adapted").containsKey("AUC"), "the Riemannian arms score AUC for two classes");
        double pooled = scores(out, 0, "pooled, no calibration").get("AUC");
        assertTrue(pooled > 0.3 && pooled < 0.9, "the other subjects' decoder on subject 11, no calibration: AUC " + pooled);
        // every row's test trials are written; with the split's test set they are the same at every calibration size
        List<String> tested = Files.readAllLines(out.resolve("test_trials.csv"));
        assertEquals("subject,calibration,calibration_trials,trial,stimulus", tested.get(0));
        List<String> atQuarter = tested.stream().filter(l -> l.startsWith("11,0.25,")).map(l -> l.split(",")[3]).toList();
        List<String> pooledTrials = tested.stream().filter(l -> l.startsWith("11,0.0,0,")).map(l -> l.split(",")[3]).toList();
        assertTrue(atQuarter.size() > 30, "subject 11's test trials: " + atQuarter.size());
        assertEquals(atQuarter, pooledTrials);
        JsonNode provenance = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("provenance");
        assertTrue(provenance.get("inputs").size() > 4, "every CSV recording is recorded with its checksum");
    }

    @Test
    void aBadKeyIsNamed(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, Files.readString(RunCommandTest.EXAMPLES.resolve("synthetic-transfer.yaml"))
                .replace("calibration: [10, 25, 50, 100]", "calibration: [10, 25, 50, 100]\nlearning: fast"));
        CommandLineTest.Result r = CommandLineTest.run("transfer", job.toString(), "--set", "cohort=" + dir);
        assertEquals(1, r.status());
        assertTrue(r.err().contains("key 'learning'"), r.err());
    }
}
