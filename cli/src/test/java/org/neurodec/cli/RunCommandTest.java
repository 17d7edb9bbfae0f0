package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;

/**
 * neurodec run on the examples as a user runs it: the output folder, the printed scores, and bad job files refused
 * in one line (the job-level numbers and checks are also tested in experiments, through the API).
 */
class RunCommandTest {

    static final Path EXAMPLES = Path.of(System.getProperty("neurodec.root", "..")).resolve("examples");

    private static String[] run(String job, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", EXAMPLES.resolve(job).toString(), "--out", out.toString(),
                "--set", "data=" + TestData.root().toAbsolutePath(), "--no-progress"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static JsonNode metric(Path out, String name) throws Exception {
        for (JsonNode m : new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("metrics")) {
            if (m.get("metric").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no " + name + " in " + out.resolve("metrics.json"));
    }

    @Test
    void motorImageryReachesMnesAccuracyAndWritesEveryOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mi");
        CommandLineTest.Result r = CommandLineTest.run(run("motor-imagery.yaml", out));
        assertEquals(0, r.status(), r.err());
        JsonNode accuracy = metric(out, "accuracy");
        assertEquals(0.9333, accuracy.get("value").asDouble(), 1e-4, "MNE's CSP example on the same protocol: 0.9333");
        assertTrue(accuracy.get("ci95").get(0).asDouble() > 0.8 && accuracy.get("p_value").asDouble() < 0.01, accuracy.toString());
        for (String file : List.of("predictions.csv", "metrics.json", "models/model.json", "figures/per-split.png",
                "figures/confusion.png", "report.html")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertEquals(1 + 10 * 9, Files.readAllLines(out.resolve("predictions.csv")).size(), "header + 10 splits × 9 trials");
        JsonNode provenance = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("provenance");
        assertEquals(4, provenance.get("inputs").size(), "the job file and its three EDF files");
        assertEquals("job", provenance.at("/inputs/0/role").asText());
        assertEquals(64, provenance.at("/inputs/0/sha256").asText().length());
        assertEquals(0, provenance.at("/seeds/bootstrap and permutations").asInt());
        assertEquals("neurodec run", provenance.at("/producer").asText());
        byte[] before = Files.readAllBytes(out.resolve("metrics.json"));
        assertEquals(1, CommandLineTest.run(run("motor-imagery.yaml", out)).status(), "a rerun needs --overwrite");
        assertEquals(0, CommandLineTest.run(run("motor-imagery.yaml", out, "--overwrite")).status(), "which replaces the output");
        assertEquals(new String(before).replaceAll("\"arguments\"[^]]*]", ""),
                new String(Files.readAllBytes(out.resolve("metrics.json"))).replaceAll("\"arguments\"[^]]*]", ""),
                "the same job and seed give the same metrics");
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(out), siblings.toList(), "no temporary folder is left beside the output");
        }
    }

    @Test
    void sharedEncoderOnMotorImageryIsScoredOnCspLdasSplitsAndComesClose(@TempDir Path dir) throws Exception {
        Path csp = dir.resolve("csp");
        assertEquals(0, CommandLineTest.run(run("motor-imagery.yaml", csp)).status());
        Path out = dir.resolve("encoder");
        CommandLineTest.Result r = CommandLineTest.run(run("motor-imagery-encoder.yaml", out));
        assertEquals(0, r.status(), r.err());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        double balanced = metrics.at("/subjects/S001/balanced accuracy/value").asDouble();
        assertTrue(balanced >= 0.88, "issue 15: the shared EEG encoder within 0.05 of CSP + LDA's 0.930, found " + balanced);
        assertEquals(10, metrics.at("/per_split/S001/balanced accuracy").size(), metrics.get("per_split").toString());
        // the same ten test sets, trial for trial, as the classical job's shuffle splits
        java.util.function.Function<List<String>, java.util.Set<String>> splitTrial = lines -> new java.util.TreeSet<>(
                lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).map(c -> c[0].matches("\\d+")
                        ? c[0] + ":" + c[1] : c[c.length - 1] + ":" + c[1]).toList());
        java.util.Set<String> expected = splitTrial.apply(Files.readAllLines(csp.resolve("predictions.csv")));
        assertEquals(90, expected.size());
        assertEquals(expected, splitTrial.apply(Files.readAllLines(out.resolve("predictions.csv"))));
        assertTrue(Files.isRegularFile(out.resolve("models/shared/model.json")), "the final model, fitted on every trial");
    }

    @Test
    void digitsReconstructionBeatsTheRidgeBaseline(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("digits");
        CommandLineTest.Result r = CommandLineTest.run(run("digits69-reconstruction.yaml", out));
        assertEquals(0, r.status(), r.err());
        assertTrue(metric(out, "pixel correlation").get("value").asDouble() >= 0.787, r.out());
        assertTrue(Files.size(out.resolve("figures/reconstructions.png")) > 0);
        try (var images = Files.list(out.resolve("reconstructions"))) {
            assertEquals(10, images.count(), "each of the 10 test digits as its own PNG");
        }
    }

    @Test
    void badJobsAreRefusedBeforeAnythingRunsNamingTheKey(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("never");
        String good = Files.readString(EXAMPLES.resolve("motor-imagery.yaml"));
        List<String[]> cases = List.of(
                new String[] {good.replace("type: csp-lda", "type: svm"), "key 'model.type': expected one of [csp-lda, lda, logistic,"},
                new String[] {good.replace("  splits: 10", "  splits: ten"), "key 'protocol.splits': expected an integer"},
                new String[] {good.replace("  components: 4", "  components: 4\n  kernel: rbf"), "key 'model.kernel'"},
                new String[] {good.replace("${data}/real/eegbci-S001/S001R06.edf", "${nowhere}/x.edf"),
                    "key 'data.eeg[0]': expected a variable"},
                new String[] {good.replace("test_size: 0.2", "test_size: 1.5"), "key 'protocol.test_size'"},
                new String[] {good.replace("window: [1.0, 2.0]", "window: [1.0]"), "key 'model.window': expected a list of 2"});
        for (String[] c : cases) {
            Path job = dir.resolve("job.yaml");
            Files.writeString(job, c[0]);
            CommandLineTest.Result r = CommandLineTest.run("run", job.toString(), "--out", out.toString(), "--set",
                    "data=" + TestData.root().toAbsolutePath());
            assertEquals(1, r.status(), r.err());
            assertTrue(r.err().contains(c[1]), "expected '" + c[1] + "' in: " + r.err());
            assertFalse(r.err().contains("reading and preprocessing"), "refused before reading data: " + r.err());
        }
        assertFalse(Files.exists(out));
        Files.writeString(dir.resolve("job.yaml"), good);
        CommandLineTest.Result overInputs = CommandLineTest.run("run", dir.resolve("job.yaml").toString(), "--out",
                dir.toString(), "--set", "data=" + TestData.root().toAbsolutePath());
        assertEquals(1, overInputs.status());
        assertTrue(overInputs.err().contains("holds none of the inputs"), overInputs.err());
    }

    @Test
    void everyJobKeyIsCheckedAndNamedWithItsFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("never");
        String good = Files.readString(EXAMPLES.resolve("motor-imagery.yaml"));
        String ridge = Files.readString(EXAMPLES.resolve("digits69-reconstruction.yaml")).replace("alphas: [-1, 6, 29]",
                "alphas: ALPHAS");
        List<String[]> cases = List.of(
                new String[] {good.replace("  steps:\n    - filter: {l_freq: 7, h_freq: 30, method: fir}", "  steps: \"filter\""),
                    "key 'preprocess.steps': expected a list of steps"},
                new String[] {good.replace("  steps:", "  stepz:"), "key 'preprocess.stepz': expected one of [steps, epochs, fmri, clean]"},
                new String[] {good.replace("method: fir}", "method: fir, l_freq: 1}"), "Duplicate field 'l_freq'"},
                new String[] {good + "model:\n  type: lda\n", "Duplicate field 'model'"},
                new String[] {good.replace("{l_freq: 7,", "{l_freq: seven,"), "key 'preprocess.steps[0].filter.l_freq': expected a number"},
                new String[] {good.replace("  components: 4", "  components: 4.5"), "key 'model.components': expected an integer"},
                new String[] {good.replace("tmin: -1, tmax: 4,", "tmin: -1, tmax: 4, decim: 2.5,"),
                    "key 'preprocess.epochs.decim': expected an integer"},
                new String[] {ridge.replace("ALPHAS", "[-1, 6, -5]"), "key 'model.alphas': expected [from, to, count]"},
                new String[] {ridge.replace("ALPHAS", "[-1, 6, 1e8]"), "key 'model.alphas': expected [from, to, count]"},
                new String[] {ridge.replace("ALPHAS", "[-1, 6, 2.5]"), "key 'model.alphas'"});
        for (String[] c : cases) {
            Path job = dir.resolve("job.yaml");
            Files.writeString(job, c[0]);
            CommandLineTest.Result r = CommandLineTest.run("run", job.toString(), "--out", out.toString(), "--set",
                    "data=" + TestData.root().toAbsolutePath());
            assertEquals(1, r.status(), c[1] + ": " + r.err());
            assertTrue(r.err().contains(c[1]) && r.err().contains(job.toString()), "expected '" + c[1] + "' and the file in: " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
        Files.writeString(dir.resolve("job.yaml"), good);
        for (String[] set : List.of(new String[] {"model.type=svm", "--set sets variables, not keys"},
            new String[] {"datum=x", "'datum'"}, new String[] {"=x", "an empty name"})) {
            CommandLineTest.Result r = CommandLineTest.run("run", dir.resolve("job.yaml").toString(), "--out", out.toString(),
                    "--set", "data=" + TestData.root().toAbsolutePath(), "--set", set[0]);
            assertTrue(r.status() != 0 && r.err().contains(set[1]), set[0] + ": " + r.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void listModelsPrintsEveryRegisteredTypeWithItsKeys() {
        CommandLineTest.Result r = CommandLineTest.run("run", "--list-models");
        assertEquals(0, r.status(), r.err());
        for (String expected : List.of("csp-lda (classifies; data: eeg epochs)", "lda (classifies; data: eeg epochs, trial matrix)",
                "logistic", "ridge-reconstruction (reconstructs; data: trial matrix)", "alphas", "shared-encoder")) {
            assertTrue(r.out().contains(expected), expected + " in:\n" + r.out());
        }
        CommandLineTest.Result noJob = CommandLineTest.run("run");
        assertEquals(1, noJob.status());
        assertTrue(noJob.err().contains("expected a job file"), noJob.err());
    }
}
