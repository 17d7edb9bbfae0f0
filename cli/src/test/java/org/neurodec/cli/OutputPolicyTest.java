package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.OutputTarget;
import org.neurodec.ingest.TestData;

/**
 * Every command that writes, pointed at the places it must never write: an input's real path while
 * the input is named through a symbolic link, an input's ancestor, a folder neurodec did not write,
 * a regular file, an empty path, the working directory, and a path another writer holds. Each must
 * exit 1 with a one-line message and leave every file as it was (hashes compared).
 */
class OutputPolicyTest {

    @TempDir
    static Path root;

    private static Path data;
    private static Path link;
    private static Path jobs;

    @BeforeAll
    static void layOut() throws IOException {
        data = Files.createDirectories(root.resolve("data"));
        Files.copy(TestData.file("eeg/EDF/test_reduced.edf"), data.resolve("rec.edf"));
        Files.writeString(data.resolve("features.csv"), "stimulus_id,f0,f1\na,1,2\nb,3,4\n");
        Path model = Files.createDirectories(data.resolve("model"));
        Files.writeString(model.resolve("model.json"), "{}");
        link = Files.createSymbolicLink(root.resolve("link"), data);
        jobs = Files.createDirectories(root.resolve("jobs"));
        Files.writeString(jobs.resolve("run.yaml"), String.join("\n", "data:", "  eeg: [../link/rec.edf]", "preprocess:",
                "  epochs: {tmin: 0, tmax: 1, events: annotations}", "model: {type: lda}",
                "protocol: {type: k-fold, splits: 2}", ""));
        Files.writeString(jobs.resolve("transfer.yaml"), String.join("\n", "data: {bids: ../link, features: ../link/features.csv}",
                "subjects: {train: ['01'], new: '02'}", "calibration: {trials: [2]}", "model: {}", ""));
        Files.createDirectories(root.resolve("user"));
        Files.writeString(root.resolve("user/notes.txt"), "irreplaceable");
        Files.writeString(root.resolve("file.txt"), "irreplaceable too");
    }

    /** Each writing command, given its output path; inputs are named through the link. */
    private static Map<String, Function<String, String[]>> commands() {
        Map<String, Function<String, String[]>> c = new LinkedHashMap<>();
        c.put("run", out -> new String[] {"run", jobs.resolve("run.yaml").toString(), "--out", out, "--no-progress"});
        c.put("transfer", out -> new String[] {"transfer", jobs.resolve("transfer.yaml").toString(), "--out", out});
        c.put("train", out -> new String[] {"train", "--bids", link.toString(), "--features",
            link.resolve("features.csv").toString(), "-o", out});
        c.put("adapt", out -> new String[] {"adapt", link.resolve("model").toString(), "--subject", "02", "--bids",
            link.toString(), "--features", link.resolve("features.csv").toString(), "-o", out});
        c.put("preprocess", out -> new String[] {"preprocess", link.resolve("rec.edf").toString(), "--out", out, "--l-freq", "1"});
        c.put("cohort", out -> new String[] {"cohort", out});
        c.put("features", out -> new String[] {"features", link.resolve("features.csv").toString(), "-o", out});
        return c;
    }

    /** The places to refuse, with a word the message must contain. */
    private static Map<String, String[]> places(String command) {
        Map<String, String[]> p = new LinkedHashMap<>();
        if (!command.equals("cohort")) {
            String input = switch (command) {
                case "preprocess" -> data.resolve("rec.edf").toString();
                case "features" -> data.resolve("features.csv").toString();
                case "adapt" -> data.resolve("model").toString();
                default -> data.toString();
            };
            p.put("an input's real path, named through a link", new String[] {input, "input"});
            p.put("an input's ancestor", new String[] {root.toString(), "input"});
        }
        p.put("a folder neurodec did not write", new String[] {root.resolve("user").toString(), "found a folder"});
        p.put("a regular file", new String[] {root.resolve("file.txt").toString(), "file"});
        p.put("an empty path", new String[] {"", "empty"});
        p.put("the working directory", new String[] {".", "working directory"});
        return p;
    }

    @TestFactory
    List<DynamicTest> everyWritingCommandRefusesEveryPlaceThatHoldsSomething() {
        List<DynamicTest> tests = new ArrayList<>();
        commands().forEach((command, args) -> places(command).forEach((place, target) -> tests.add(DynamicTest.dynamicTest(
                command + " into " + place, () -> refused(args.apply(target[0]), target[1])))));
        return tests;
    }

    @TestFactory
    List<DynamicTest> aSecondWriterIsRefusedAtOnce() {
        List<DynamicTest> tests = new ArrayList<>();
        commands().forEach((command, args) -> tests.add(DynamicTest.dynamicTest(command, () -> {
            Path busy = root.resolve("busy-" + command + (command.equals("preprocess") ? ".h5" : ""));
            try (OutputTarget first = OutputTarget.claim("--out", busy, OutputTarget.Kind.folder("run"), false, List.of())) {
                refused(args.apply(busy.toString()), "being written now");
            }
            assertFalse(Files.exists(busy, LinkOption.NOFOLLOW_LINKS), "nothing was written at " + busy);
        })));
        return tests;
    }

    @Test
    void anEarlierOutputIsReplacedOnlyWithOverwrite() throws IOException {
        Path out = root.resolve("features-out.csv");
        CommandLineTest.Result first = CommandLineTest.run("features", data.resolve("features.csv").toString(), "-o", out.toString());
        assertEquals(0, first.status(), first.err());
        refused(new String[] {"features", data.resolve("features.csv").toString(), "-o", out.toString()}, "--overwrite");
        CommandLineTest.Result again = CommandLineTest.run("features", data.resolve("features.csv").toString(), "-o", out.toString(),
                "--overwrite");
        assertEquals(0, again.status(), again.err());
        Files.delete(out);
    }

    @Test
    void leftoversOfAKilledRunAreRemovedByTheNextRunIntoTheSamePlace() throws IOException {
        Path out = root.resolve("features-leftover.csv");
        Path leftover = Files.writeString(root.resolve(".features-leftover.csv.123456789.part"), "half a file");
        CommandLineTest.Result r = CommandLineTest.run("features", data.resolve("features.csv").toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(Files.exists(leftover), "the killed run's temporary file is gone");
        assertTrue(r.err().contains("removed " + leftover), r.err());
        Files.delete(out);
    }

    /** Runs {@code args}, expecting exit 1, one line naming the problem, and no change on disk. */
    private static void refused(String[] args, String word) throws IOException {
        Map<String, String> before = hashes(root);
        List<String> cwdBefore = listing(Path.of(""));
        CommandLineTest.Result r = CommandLineTest.run(args);
        assertEquals(1, r.status(), String.join(" ", args) + " -> " + r.out() + r.err());
        String message = r.err().strip();
        assertEquals(1, message.lines().count(), "one line, no stack trace: " + message);
        assertTrue(message.startsWith("neurodec: ") && message.contains(word), message);
        assertEquals(before, hashes(root), "nothing changed on disk: " + String.join(" ", args));
        assertEquals(cwdBefore, listing(Path.of("")), "nothing changed in the working directory");
    }

    /** Every path under {@code folder} with the SHA-256 of its content (links by their target). */
    static Map<String, String> hashes(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.toList()) {
                String key = folder.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        out.put(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                } else {
                    out.put(key, "folder");
                }
            }
        }
        return out;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder.toAbsolutePath())) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
