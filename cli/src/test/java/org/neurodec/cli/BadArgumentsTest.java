package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;

/**
 * Every command given bad arguments: exit status 1 with one line naming the problem, or 2 for a
 * usage error (the message first, then the usage); never a stack trace.
 */
class BadArgumentsTest {

    @TempDir
    static Path dir;

    private static String missing;
    private static String text;
    private static String edf;
    private static String notYaml;

    @BeforeAll
    static void files() throws IOException {
        missing = dir.resolve("missing").toString();
        text = Files.writeString(dir.resolve("notes.txt"), "hello").toString();
        notYaml = Files.writeString(dir.resolve("job.yaml"), "name: [unclosed\n  model: {").toString();
        edf = TestData.file("eeg/EDF/test_reduced.edf").toString();
    }

    private static List<String[]> cases() {
        String out = dir.resolve("out").toString();
        return List.of(
                new String[] {"inspect", missing},
                new String[] {"inspect", text},
                new String[] {"inspect", dir.toString()},
                new String[] {"inspect"},
                new String[] {"preprocess", missing, "--out", out, "--l-freq", "1"},
                new String[] {"preprocess", edf, "--out", out},
                new String[] {"preprocess", edf, "--out", out, "--l-freq", "abc"},
                new String[] {"preprocess", edf, "--out", out, "--resample", "-5"},
                new String[] {"preprocess", edf, "--out", out, "--epochs", "1"},
                new String[] {"preprocess", edf, "--out", out, "--reref", "median"},
                new String[] {"preprocess", edf, "--out", out, "--l-freq", "1", "--method", "wavelet"},
                new String[] {"preprocess", edf, "--out", out, "--config", notYaml},
                new String[] {"preprocess", edf, "--out", out, "--l-freq", "500"},
                new String[] {"cohort", out, "--subjects", "0"},
                new String[] {"cohort", out, "--images", "-3"},
                new String[] {"cohort", out, "--snr", "x"},
                new String[] {"features", missing, "-o", out + ".csv"},
                new String[] {"features", dir.toString(), "-o", out + ".csv", "--pixels", "0"},
                new String[] {"train", "--bids", missing, "--stimulus-classes", "-o", out},
                new String[] {"train", "--bids", dir.toString(), "--stimulus-classes", "-o", out, "--epochs", "-1"},
                new String[] {"train", "--bids", dir.toString(), "--stimulus-classes", "-o", out, "--dim", "0"},
                new String[] {"train", "--bids", dir.toString(), "--stimulus-classes", "-o", out, "--modality", "meg"},
                new String[] {"adapt", missing, "--subject", "05", "--bids", dir.toString(), "--stimulus-classes", "-o", out},
                new String[] {"run", missing},
                new String[] {"run", notYaml},
                new String[] {"run", text},
                new String[] {"transfer", missing},
                new String[] {"transfer", notYaml},
                new String[] {"notebooks", missing},
                new String[] {"notebooks", dir.toString(), "--timeout", "-1"},
                new String[] {"demo", "--data", missing, "--out", out},
                new String[] {"nonsense"});
    }

    @TestFactory
    List<DynamicTest> everyCommandRefusesBadArgumentsInOneLine() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] args : cases()) {
            String name = String.join(" ", args).replace(dir.toString(), "DIR");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                CommandLineTest.Result r = CommandLineTest.run(args);
                String err = r.err().strip();
                assertTrue(r.status() == 1 || r.status() == 2, name + " -> " + r.status() + ": " + err);
                assertFalse(err.isEmpty(), name + ": says nothing");
                assertFalse(err.contains("\tat ") || err.contains("Exception in") || err.contains("Caused by"),
                        name + ": a stack trace: " + err);
                if (r.status() == 1) {
                    assertEquals(1, err.lines().count(), name + ": one line: " + err);
                    assertTrue(err.startsWith("neurodec: "), err);
                }
            }));
        }
        return tests;
    }
}
