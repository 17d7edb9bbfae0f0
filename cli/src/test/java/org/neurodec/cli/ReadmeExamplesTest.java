package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;

/**
 * Every example in the README, as written there: the command lines are run (in a fresh folder, their
 * relative paths resolved there), the preprocess sections run on the recordings they are for, and
 * the job file is run on the shared data. Blocks that are not examples to run — the command synopsis,
 * Java API sketches, sample output — are recognised and named; a block that is none of these fails
 * the test, so a new example cannot be added without being run here.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of(System.getProperty("neurodec.root", "..")).resolve("README.md");

    /** A fenced block: the README line it starts on and its lines. */
    private record Block(int line, List<String> lines) {

        String first() {
            return lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    private static List<Block> blocks() throws Exception {
        List<String> all = Files.readAllLines(README);
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("```")) {
                int start = i;
                List<String> body = new ArrayList<>();
                for (i++; i < all.size() && !all.get(i).startsWith("```"); i++) {
                    body.add(all.get(i));
                }
                out.add(new Block(start + 1, body));
            }
        }
        return out;
    }

    @Test
    void everyExampleRuns(@TempDir Path dir) throws Exception {
        int commands = 0;
        int sections = 0;
        int jobs = 0;
        int batches = 0;
        for (Block block : blocks()) {
            String first = block.first();
            if (first.startsWith("./")) {
                commands += runCommands(block, dir);
            } else if (first.equals("preprocess:")) {
                runPreprocessSection(block, dir.resolve("section-" + block.line()));
                sections++;
            } else if (first.startsWith("name:")) {
                runJob(block, dir.resolve("job-" + block.line()));
                jobs++;
            } else if (first.startsWith("out:")) {
                batches++; // a batch manifest: spark/ReadmeBatchTest runs it (Spark is not on this module's class path)
            } else if (first.startsWith("spark-submit ")) {
                batches++; // a cluster's command line: spark/ReadmeBatchTest parses it with the Spark jar's commands
            } else if (!(first.startsWith("neurodec ") || first.endsWith(";") || first.startsWith("subject ")
                    || block.lines().stream().anyMatch(l -> l.strip().endsWith(";")))) {
                fail("README line " + block.line() + ": a block that is neither an example run here nor a synopsis, Java"
                        + " sketch or sample output: " + first);
            }
        }
        assertEquals(3, commands, "command lines run");
        assertEquals(2, sections, "preprocess sections run");
        assertEquals(1, jobs, "job files run");
        assertEquals(2, batches, "a batch manifest and a spark-submit line (checked in spark/)");
    }

    /** Runs the block's ./neurodec lines in {@code dir}; the build's own lines are what this test runs under. */
    private static int runCommands(Block block, Path dir) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.lines()) {
            String code = line.replaceAll("\\s+#.*$", "");
            current.append(code.endsWith("\\") ? code.substring(0, code.length() - 1) : code).append(' ');
            if (!code.endsWith("\\")) {
                logical.add(current.toString().strip());
                current.setLength(0);
            }
        }
        int run = 0;
        for (String line : logical) {
            List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
            String program = words.remove(0);
            if (program.equals("./mvnw") || words.equals(List.of("demo"))) {
                // ./mvnw verify is this build; ./neurodec demo is CommandLineTest.demoRunsTheWholePipeline
                continue;
            }
            assertEquals("./neurodec", program, line);
            List<String> args = words.stream().map(w -> inFolder(w, dir)).toList();
            CommandLineTest.Result r = CommandLineTest.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), line + "\n" + r.err());
            run++;
        }
        return run;
    }

    /** A relative path of the example (a folder it writes, or one an earlier line wrote), resolved in {@code dir}. */
    private static String inFolder(String word, Path dir) {
        if (word.startsWith("-") || !word.matches("[A-Za-z][\\w.-]*(/.*)?")) {
            return word;
        }
        String top = word.split("/")[0];
        return word.endsWith("/") || Files.exists(dir.resolve(top)) ? dir.resolve(word).toString() : word;
    }

    /** The EEG section on the EEGBCI run it is written for; the fMRI section on a generated run with the mask it names. */
    private static void runPreprocessSection(Block block, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("preprocess.yaml"), block.text());
        CommandLineTest.Result r;
        if (block.text().contains("fmri:")) {
            Path cohort = dir.resolve("cohort");
            assertEquals(0, CommandLineTest.run("cohort", cohort.toString(), "--subjects", "1").status());
            String mask = block.text().replaceAll("(?s).*mask: ([^,}\\s]+).*", "$1");
            Files.copy(cohort.resolve("derivatives/masks/sub-01_mask.nii.gz"), dir.resolve(mask));
            Path func = cohort.resolve("sub-01/func");
            r = CommandLineTest.run("preprocess", func.resolve("sub-01_task-view_run-01_bold.nii.gz").toString(), "--config",
                    config.toString(), "--events-tsv", func.resolve("sub-01_task-view_run-01_events.tsv").toString(), "--out",
                    dir.resolve("betas.h5").toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("trials x"), r.out());
        } else {
            r = CommandLineTest.run("preprocess", TestData.file("real/eegbci-S001/S001R04.edf").toString(), "--config",
                    config.toString(), "--out", dir.resolve("epochs.h5").toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("epochs x 64 channels"), r.out());
        }
    }

    /** The job file, with its data variable set to the shared data. */
    private static void runJob(Block block, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path job = Files.writeString(dir.resolve("job.yaml"), block.text());
        CommandLineTest.Result r = CommandLineTest.run("run", job.toString(), "--set", "data=" + TestData.root().toAbsolutePath(),
                "--out", dir.resolve("out").toString(), "--no-progress");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("balanced accuracy"), r.out());
    }
}
