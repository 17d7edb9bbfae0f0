package org.neurodec.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;

/**
 * The shared encoder on SSVEP features against a subject's own decoder, on SSVEP-Exo subjects 2, 3
 * and 4, each new in turn with the other two for training (the example's protocol, smaller): per-class calibration, the rest of
 * the new subject's trials as its test set, the Riemannian arms on the same trials.
 */
class SsvepTransferTest {

    @TempDir
    Path dir;

    @Test
    void theSharedEncoderBeatsTheSubjectsOwnDecoderFromEightTrialsAndDecodesZeroShot() throws IOException {
        String job = Files.readString(JobRunnerTest.EXAMPLES.resolve("ssvep-transfer.yaml"))
                .replace("leave_one_out: [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\"]", "leave_one_out: [\"2\", \"3\", \"4\"]")
                .replace("calibration: [0, 8, 16, 32]", "calibration: [0, 8]")
                .replace("epochs: 80", "epochs: 40");
        for (int s = 5; s <= 8; s++) {
            job = job.replace("    \"" + s + "\": ${data}/real/ssvep-exo/subject0" + s + "/*_raw.fif\n", "");
        }
        Path file = Files.writeString(dir.resolve("ssvep.yaml"), job);
        TransferJob.Result result = TransferJob.run(file, Map.of("data", TestData.root().toString()), line -> { });
        List<TransferJob.Row> means = TransferJob.withMeans(result.rows()).stream().filter(r -> r.subject().equals("mean"))
                .toList();
        Map<String, Double> k8 = means.stream().filter(r -> r.trials() == 8).collect(Collectors.toMap(TransferJob.Row::method,
                r -> r.scores().get("balanced accuracy"), (a, b) -> a));
        double zeroShot = means.stream().filter(r -> r.trials() == 0 && r.method().equals("shared + new adapter")).findFirst()
                .orElseThrow().scores().get("balanced accuracy");
        assertEquals(3, result.rows().stream().filter(r -> r.trials() == 0 && r.method().equals("shared + new adapter")).count(),
                "a zero-shot row per new subject");
        assertTrue(zeroShot > 0.62, "zero-shot balanced accuracy " + zeroShot + " (chance 0.25)");
        double shared = k8.get("shared + new adapter");
        assertTrue(shared > 0.62 && shared > k8.get("subject-only"), "k = 8: " + k8);
        assertTrue(shared > k8.get("riemann: adapted") && shared > k8.get("riemann: pooled re-centred")
                && k8.containsKey("riemann: subject-only"), "the Riemannian arms on the same trials: " + k8);

        // the strict protocol: the new subject's features standardised by its 8 calibration trials alone
        Path strict = Files.writeString(dir.resolve("strict.yaml"), job.replace("frequencies: [13, 17, 21]}",
                "frequencies: [13, 17, 21], standardise: calibration}"));
        TransferJob.Result calibrationOnly = TransferJob.run(strict, Map.of("data", TestData.root().toString()), line -> { });
        double strictShared = TransferJob.withMeans(calibrationOnly.rows()).stream().filter(r -> r.subject().equals("mean")
                && r.trials() == 8 && r.method().equals("shared + new adapter")).findFirst().orElseThrow().scores()
                .get("balanced accuracy");
        assertTrue(strictShared > 0.62, "standardised by calibration only: " + strictShared + " (chance 0.25)");
        assertTrue(Math.abs(strictShared - shared) > 1e-9, "the calibration-only standardisation changes the features: "
                + strictShared + " against " + shared);
        for (var training : result.trainings().entrySet()) {
            Map<String, Object> interference = TransferJob.interference(training.getValue());
            assertEquals(true, interference.get("measured"), "two training subjects: " + interference);
            double cosine = (Double) interference.get("mean_cosine");
            double conflicting = (Double) interference.get("conflicting_fraction");
            assertTrue(cosine > -1 && cosine < 1 && conflicting >= 0 && conflicting <= 1 && cosine != 0,
                    "interference without " + training.getKey() + ": " + interference);
        }
    }
}
