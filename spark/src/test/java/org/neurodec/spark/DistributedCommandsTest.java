package org.neurodec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.cli.Main;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.hdf5.Hdf5File;
import picocli.CommandLine;

/**
 * neurodec preprocess and transfer with --master in Spark's local mode: the same bytes as the
 * single-machine commands, one task per recording (resumed on a rerun, a corrupt one failing alone,
 * Hadoop URIs read through the executor's disk) and per fold and calibration size.
 */
class DistributedCommandsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("neurodec.root", "..")).resolve("examples")
            .toAbsolutePath().normalize();

    private record Result(int status, String out, String err) {
    }

    private static Result run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    /** Two EEGBCI runs (one with its own events.tsv) as a BIDS dataset, and their preprocess config. */
    private static Path dataset(Path dir) throws IOException {
        Path root = dir.resolve("ds");
        Files.createDirectories(root.resolve("sub-01/eeg"));
        Files.createDirectories(root.resolve("sub-02/eeg"));
        Files.writeString(root.resolve("dataset_description.json"), "{\"Name\": \"t\", \"BIDSVersion\": \"1.8.0\"}");
        Files.writeString(root.resolve("task-mi_eeg.json"), "{\"PowerLineFrequency\": 50}");
        Files.copy(TestData.file("real/eegbci-S001/S001R06.edf"), root.resolve("sub-01/eeg/sub-01_task-mi_eeg.edf"));
        Files.copy(TestData.file("real/eegbci-S001/S001R10.edf"), root.resolve("sub-02/eeg/sub-02_task-mi_eeg.edf"));
        Files.writeString(root.resolve("sub-02/eeg/sub-02_task-mi_events.tsv"),
                "onset\tduration\ttrial_type\n4.2\t4.1\tT1\n12.5\t4.1\tT2\n20.8\t4.1\tT1\n29.0\t4.1\tT2\n");
        Files.writeString(dir.resolve("steps.yaml"), """
                preprocess:
                  steps:
                    - filter: {l_freq: 7, h_freq: 30}
                    - resample: {sfreq: 80}
                  epochs: {tmin: -0.5, tmax: 3, conditions: {T1: hands, T2: feet}}
                """);
        return root;
    }

    @Test
    void preprocessOnSparkWritesTheSingleMachineFilesAndResumes(@TempDir Path dir) throws Exception {
        Path root = dataset(dir);
        String steps = dir.resolve("steps.yaml").toString();
        Path single = dir.resolve("single");
        Result one = run(Main.commandLine(), "preprocess", root.toString(), "--config", steps, "--out", single.toString());
        assertEquals(0, one.status(), one.err());
        Path spark = dir.resolve("spark");
        Result first = run(SparkMain.preprocessCommandLine(), root.toString(), "--config", steps, "--out", spark.toString(),
                "--master", "local[2]");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("2 written, 0 skipped (output current), 0 with nothing to write, 0 failed"), first.out());
        SameFiles.assertSame(single, spark);
        // a batch manifest's preprocess entry: the same files again, in the batch's folder
        Path manifest = Files.writeString(dir.resolve("batch.yaml"), "out: batch\njobs:\n  - preprocess: " + root + "\n    config: "
                + steps + "\n    name: prep\n");
        Result batch = run(SparkMain.commandLine(), manifest.toString(), "--master", "local[2]");
        assertEquals(0, batch.status(), batch.err());
        assertTrue(batch.out().contains("prep/sub-01/eeg/sub-01_task-mi_eeg.edf") && batch.out().contains("2 done"), batch.out());
        SameFiles.assertSame(single, dir.resolve("batch/prep"));

        Result again = run(SparkMain.preprocessCommandLine(), root.toString(), "--config", steps, "--out", spark.toString(),
                "--master", "local[1]");
        assertTrue(again.out().contains("0 written, 2 skipped"), "finished recordings with unchanged inputs: " + again.out());
        Path events = root.resolve("sub-02/eeg/sub-02_task-mi_events.tsv");
        Files.writeString(events, Files.readString(events).replace("T2\n", "T1\n"));
        Result changed = run(SparkMain.preprocessCommandLine(), root.toString(), "--config", steps, "--out", spark.toString(),
                "--master", "local[2]");
        assertTrue(changed.out().contains("1 written, 1 skipped"), "only the recording whose events changed: " + changed.out());

        // through Hadoop's file system: the files copied to the task, the output put back; the same data
        Path hadoop = dir.resolve("hadoop");
        Result uris = run(SparkMain.preprocessCommandLine(), root.toUri().toString(), "--config", Path.of(steps).toUri().toString(),
                "--out", hadoop.toUri().toString(), "--master", "local[2]");
        assertEquals(0, uris.status(), uris.err());
        for (String file : List.of("sub-01/eeg/sub-01_task-mi_eeg_preproc.h5", "sub-02/eeg/sub-02_task-mi_eeg_preproc.h5")) {
            try (Hdf5File a = Hdf5File.open(spark.resolve(file)); Hdf5File b = Hdf5File.open(hadoop.resolve(file))) {
                assertArrayEquals(a.read("data").toDoubles(), b.read("data").toDoubles(), file);
                assertArrayEquals(a.read("epochs/condition").toStrings(), b.read("epochs/condition").toStrings(), file);
                assertTrue(String.valueOf(b.attributes("/").get("provenance")).contains("\"path\":\"file:"),
                        "the inputs named where they are, not by the task's copy");
            }
        }
        assertTrue(Files.list(hadoop.resolve("sub-01/eeg")).noneMatch(p -> p.getFileName().toString().startsWith(".")),
                "no temporary left");

        // a corrupt recording fails its own task, named with the reader's message; the others are done
        Path broken = Files.createDirectories(root.resolve("sub-03/eeg")).resolve("sub-03_task-mi_eeg.edf");
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(root.resolve("sub-01/eeg/sub-01_task-mi_eeg.edf")), 300));
        Path withBroken = dir.resolve("with-broken");
        Result bad = run(SparkMain.preprocessCommandLine(), root.toString(), "--config", steps, "--out", withBroken.toString(),
                "--master", "local[2]");
        assertEquals(1, bad.status(), bad.out() + bad.err());
        assertTrue(bad.out().contains("2 written, 0 skipped (output current), 0 with nothing to write, 1 failed"), bad.out());
        String line = bad.out().lines().filter(l -> l.startsWith("sub-03/")).findFirst().orElseThrow();
        assertTrue(line.contains("failed") && line.contains("sub-03_task-mi_eeg.edf"), line);
        assertTrue(Files.isRegularFile(withBroken.resolve("sub-02/eeg/sub-02_task-mi_eeg_preproc.h5")));

        // the output is never an input, a user's file or a folder neurodec did not write
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Result onInput = run(SparkMain.preprocessCommandLine(), root.toString(), "--config", steps, "--out",
                root.resolve("derivatives").toString(), "--master", "local[1]");
        assertEquals(1, onInput.status());
        assertTrue(onInput.err().contains("inside the input"), onInput.err());
        Result onFile = run(SparkMain.preprocessCommandLine(), root.toString(), "--config", steps, "--out",
                dir.resolve("notes.txt").toString(), "--master", "local[1]");
        assertEquals(1, onFile.status());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        Result oneFile = run(SparkMain.preprocessCommandLine(), broken.toString(), "--config", steps, "--out",
                dir.resolve("x").toString(), "--master", "local[1]");
        assertEquals(1, oneFile.status());
        assertTrue(oneFile.err().contains("expected a BIDS dataset folder"), oneFile.err());
    }

    @Test
    void aRerunAfterAKillSkipsTheFinishedRecordings(@TempDir Path dir) throws Exception {
        Path cohort = dir.resolve("cohort");
        assertEquals(0, run(Main.commandLine(), "cohort", cohort.toString(), "--subjects", "4").status());
        Path steps = Files.writeString(dir.resolve("steps.yaml"), "preprocess:\n  steps:\n    - filter: {l_freq: 1, h_freq: 40}\n"
                + "  epochs: {tmin: -0.1, tmax: 0.6}\n  fmri: {mask: " + cohort.resolve("derivatives/masks/sub-01_mask.nii.gz")
                + ", betas: lsa}\n");
        Path out = dir.resolve("out");
        Result single = run(Main.commandLine(), "preprocess", cohort.toString(), "--config", steps.toString(), "--out",
                out.toString());
        assertEquals(0, single.status(), single.err());
        Path reference = Files.move(out, dir.resolve("reference"));

        // the Spark command in a JVM of its own, killed (SIGKILL) once its first recordings are written
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkMain.class.getName(), "preprocess",
                cohort.toString(), "--config", steps.toString(), "--out", out.toString(), "--master", "local[1]"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (child.isAlive() && written(out) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        child.destroyForcibly().waitFor();
        int before = written(out);
        assertTrue(before >= 1 && before < 20, "killed part-way, " + before + " of 20 written: " + Files.readString(
                dir.resolve("child.log")));

        Result rerun = run(SparkMain.preprocessCommandLine(), cohort.toString(), "--config", steps.toString(), "--out",
                out.toString(), "--master", "local[2]");
        assertEquals(0, rerun.status(), rerun.err());
        assertTrue(rerun.out().contains((20 - before) + " written, " + before + " skipped"), "what finished before the kill is"
                + " kept: " + rerun.out());
        SameFiles.assertSame(reference, out);   // no half file, no temporary left
    }

    private static int written(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(out)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith("_preproc.h5")).count();
        }
    }

    @Test
    void transferOnSparkWritesTheSingleMachineFiles(@TempDir Path dir) throws Exception {
        Path cohort = dir.resolve("cohort");
        assertEquals(0, run(Main.commandLine(), "cohort", cohort.toString(), "--subjects", "3", "--images", "40").status());
        Path job = Files.writeString(dir.resolve("loso.yaml"), Files.readString(EXAMPLES.resolve("synthetic-transfer.yaml"))
                .replace("  train: [\"01\", \"02\", \"03\", \"04\"]\n  new: \"05\"", "  leave_one_out: [\"01\", \"02\", \"03\"]")
                .replace("calibration: [10, 25, 50, 100]", "calibration: [10, 20]").replace("epochs: 60", "epochs: 8")
                .replace("epochs: 20", "epochs: 4").replace("fine_tune_epochs: 10", "fine_tune_epochs: 2"));
        Path spark = dir.resolve("out");
        Result one = run(Main.commandLine(), "transfer", job.toString(), "--set", "cohort=" + cohort, "--out", spark.toString());
        assertEquals(0, one.status(), one.err());
        Path single = Files.move(spark, dir.resolve("single"));   // the same --out for both, as the provenance records it
        Result distributed = run(Main.commandLine(), "transfer", job.toString(), "--set", "cohort=" + cohort, "--out",
                spark.toString(), "--master", "local[2]");
        assertEquals(0, distributed.status(), distributed.err());
        assertTrue(distributed.err().contains("scoring 9 calibrations (3 new subjects x 3 entries) as Spark tasks"),
                distributed.err());
        assertEquals(one.out(), distributed.out(), "the same table");
        SameFiles.assertSame(single, spark);
    }
}
