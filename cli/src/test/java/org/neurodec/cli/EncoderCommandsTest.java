package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.encoders.EncoderConfig;
import org.neurodec.encoders.ModelFolder;
import org.neurodec.encoders.SharedEncoder;
import org.neurodec.subjects.Subject;

/** neurodec cohort, train and adapt from the command line, on a small synthetic cohort. */
class EncoderCommandsTest {

    @TempDir
    static Path dir;

    private static Path cohort;

    @BeforeAll
    static void generate() {
        cohort = dir.resolve("cohort");
        CommandLineTest.Result r = CommandLineTest.run("cohort", cohort.toString(), "--images", "40", "--seed", "3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("5 subjects, 100 stimuli"), r.out());
    }

    /** The train command on subjects 01-04 for 12 epochs on the CPU; an option in {@code extra} replaces the default. */
    private static String[] train(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--bids", cohort.toString(), "--subjects", "01,02,03,04",
                "--features", cohort.resolve("stimuli/features.csv").toString(), "--classes",
                cohort.resolve("stimuli/stimuli.tsv").toString(), "--epochs", "12", "--device", "cpu", "-o", out.toString()));
        for (int i = 0; i < extra.length; i++) {
            int at = args.indexOf(extra[i]);
            if (at >= 0 && i + 1 < extra.length) {
                args.set(at + 1, extra[++i]);
            } else {
                args.add(extra[i]);
            }
        }
        return args.toArray(String[]::new);
    }

    @Test
    void trainsAdaptsAndRecordsWhatItDid() throws Exception {
        Path model = dir.resolve("model");
        CommandLineTest.Result trained = CommandLineTest.run(train(model));
        assertEquals(0, trained.status(), trained.err());
        assertTrue(trained.err().contains("epoch 12/12"), "progress goes to stderr: " + trained.err());
        for (String s : List.of("01", "02", "03", "04")) {
            double top5 = score(trained.out(), s, 1);
            assertTrue(top5 > 3 * 5.0 / 20, "sub-" + s + " top-5 far above chance 0.25: " + trained.out());
        }
        try (SharedEncoder encoder = ModelFolder.load(model, Device.cpu())) {
            Subject first = encoder.registry().get("01");
            assertTrue(first.mask().endsWith("sub-01_mask.nii.gz"), first.mask());
            assertEquals(4, first.affine().size(), "the mask's affine is recorded");
            assertEquals(20, first.splits().get("test").size(), "20 % of 100 stimuli are test stimuli");
            assertEquals(12, encoder.config().epochs());
        }
        JsonNode provenance = new ObjectMapper().readTree(model.resolve("model.json").toFile()).get("provenance");
        assertEquals(64, provenance.at("/inputs/0/sha256").asText().length(), "the features file's checksum");
        assertEquals("stimulus", provenance.at("/parameters/split/by").asText());
        assertEquals("features", provenance.at("/inputs/0/role").asText());

        Path adapted = dir.resolve("adapted");
        CommandLineTest.Result r = CommandLineTest.run("adapt", model.toString(), "--subject", "05", "--bids",
                cohort.toString(), "--features", cohort.resolve("stimuli/features.csv").toString(), "--classes",
                cohort.resolve("stimuli/stimuli.tsv").toString(), "-k", "40", "--epochs", "3", "--device", "cpu",
                "-o", adapted.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(score(r.out(), "05", 1) > 0.5, "a new subject's top-5 from 40 trials: " + r.out());
        try (SharedEncoder encoder = ModelFolder.load(adapted, Device.cpu())) {
            assertEquals(5, encoder.registry().list().size());
        }
        try (SharedEncoder encoder = ModelFolder.load(model, Device.cpu())) {
            assertEquals(4, encoder.registry().list().size(), "the input model is left as it was");
        }
        JsonNode after = new ObjectMapper().readTree(adapted.resolve("model.json").toFile()).get("provenance");
        assertEquals("neurodec train", after.get("producer").asText());
        assertEquals("neurodec adapt", after.at("/adaptations/0/producer").asText());
        assertEquals(40, after.at("/adaptations/0/parameters/calibration_trials").asInt());
        assertEquals("model", after.at("/adaptations/0/inputs/0/role").asText());
    }

    @Test
    void sameSeedSameModelBitForBit() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CommandLineTest.run(train(a, "--epochs", "3", "--seed", "9")).status());
        assertEquals(0, CommandLineTest.run(train(b, "--epochs", "3", "--seed", "9")).status());
        assertArrayEquals(Files.readAllBytes(a.resolve("parameters.bin")), Files.readAllBytes(b.resolve("parameters.bin")));
    }

    @Test
    void badInputIsRefusedBeforeAnythingRuns() {
        Path out = dir.resolve("never");
        CommandLineTest.Result noTargets = CommandLineTest.run("train", "--bids", cohort.toString(), "-o", out.toString());
        assertEquals(1, noTargets.status());
        assertTrue(noTargets.err().contains("no targets"), noTargets.err());
        assertFalse(noTargets.err().contains("reading"), "refused before reading any data: " + noTargets.err());
        CommandLineTest.Result missing = CommandLineTest.run("train", "--bids", cohort.toString(), "--features",
                dir.resolve("nope.csv").toString(), "-o", out.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("nope.csv"), missing.err());
        CommandLineTest.Result resume = CommandLineTest.run(train(out, "--resume"));
        assertEquals(1, resume.status());
        assertTrue(resume.err().contains("--checkpoint"), resume.err());
        CommandLineTest.Result device = CommandLineTest.run(train(out, "--device", "tpu"));
        assertEquals(1, device.status());
        assertTrue(device.err().contains("expected auto, cpu or gpu, found tpu"), device.err());
        CommandLineTest.Result same = CommandLineTest.run("adapt", out.toString(), "--subject", "05", "--bids",
                cohort.toString(), "--stimulus-classes", "-o", out.toString());
        assertEquals(1, same.status());
        assertTrue(same.err().contains("other than the inputs"), same.err());
        assertFalse(Files.exists(out), "nothing written");
        CommandLineTest.Result exists = CommandLineTest.run("cohort", cohort.toString());
        assertEquals(1, exists.status());
        assertTrue(exists.err().contains("--overwrite"), exists.err());
    }

    @Test
    void helpShowsTheEncoderDefaults() {
        CommandLineTest.Result help = CommandLineTest.run("train", "--help");
        assertEquals(0, help.status());
        EncoderConfig defaults = EncoderConfig.defaults();
        for (String expected : List.of("--device", "--checkpoint", "--resume", "--gradient-surgery",
                "(default: " + defaults.seed() + ")", "(default: " + defaults.epochs() + ")",
                "(default: " + defaults.sharedDim() + ")", "(default: " + defaults.batchSize() + ")",
                "(default: " + defaults.patience() + ")", "(default: " + defaults.learningRate() + ")")) {
            assertTrue(help.out().contains(expected), expected + " in\n" + help.out());
        }
        assertEquals(0, CommandLineTest.run("adapt", "--help").status());
        assertEquals(0, CommandLineTest.run("cohort", "--help").status());
    }

    /** Column {@code column} (0: first metric) of subject {@code id}'s row in a printed score table. */
    private static double score(String table, String id, int column) {
        Matcher m = Pattern.compile("(?m)^" + id + "\\s+\\d+((?:\\s+[0-9.]+ \\([0-9.]+\\))+)").matcher(table);
        assertTrue(m.find(), "a row for " + id + " in\n" + table);
        Matcher v = Pattern.compile("([0-9.]+) \\(").matcher(m.group(1));
        for (int i = 0; i <= column; i++) {
            assertTrue(v.find());
        }
        return Double.parseDouble(v.group(1));
    }
}
