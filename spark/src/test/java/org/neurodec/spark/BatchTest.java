package org.neurodec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.cli.Main;
import org.neurodec.cohort.BlockStudy;
import org.neurodec.ingest.TestData;
import picocli.CommandLine;

/**
 * neurodec batch in Spark's local mode: a manifest's tasks give the single-machine command's outputs
 * byte for byte, a rerun skips what is finished, a task that throws is retried, and a corrupt
 * recording fails only its own task.
 */
class BatchTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("neurodec.root", "..")).resolve("examples")
            .toAbsolutePath().normalize();

    private record Result(int status, String out, String err) {
    }

    private static Result batch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SparkMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    private static Path manifest(Path dir, Path study, String extra) throws IOException {
        String data = TestData.root().toAbsolutePath().toString();
        return Files.writeString(dir.resolve("batch.yaml"), "out: results\njobs:\n"
                + "  - run: " + EXAMPLES.resolve("motor-imagery.yaml") + "\n    name: motor\n    set: {data: " + data + "}\n"
                + "  - run: " + EXAMPLES.resolve("ssvep-cca.yaml") + "\n    set: {data: " + data + ", type: [cca, fbcca]}\n"
                + "  - run: " + EXAMPLES.resolve("fmri-volumes.yaml") + "\n    name: volumes\n    set: {study: " + study + "}\n"
                + extra);
    }

    @Test
    void tasksWriteTheSingleMachineOutputsAndARerunSkipsThem(@TempDir Path dir) throws IOException {
        Path study = Files.createDirectories(dir.resolve("study"));
        BlockStudy.write(study, 7, BlockStudy.SIGNAL);
        Path file = manifest(dir, study, "");
        Manifest m = Manifest.read(file);
        assertEquals(List.of("motor", "ssvep-cca-type=cca", "ssvep-cca-type=fbcca", "volumes"),
                m.tasks().stream().map(Task::name).toList(), "one task per grid value");

        // the single-machine command into each task's folder, kept aside as the reference
        Path reference = dir.resolve("reference");
        for (BatchTask task : m.tasks().stream().map(BatchTask.class::cast).toList()) {
            CommandLine single = Main.commandLine();
            single.setOut(new PrintWriter(new StringWriter(), true));
            single.setErr(new PrintWriter(new StringWriter(), true));
            assertEquals(0, single.execute(task.arguments().toArray(String[]::new)), task.name());
            Files.createDirectories(reference);
            Files.move(Path.of(task.out()), reference.resolve(task.name()));
        }
        Files.delete(m.out());

        Result first = batch(file.toString(), "--master", "local[2]");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("4 done, 0 skipped, 0 failed"), first.out());
        for (BatchTask task : m.tasks().stream().map(BatchTask.class::cast).toList()) {
            SameFiles.assertSame(reference.resolve(task.name()), Path.of(task.out()));
        }
        assertTrue(Files.readString(m.out().resolve("batch.tsv")).lines().skip(1).allMatch(l -> l.split("\t")[1].equals("done")));

        Result again = batch(file.toString(), "--master", "local[1]");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("0 done, 4 skipped, 0 failed"), "finished tasks with unchanged inputs: " + again.out());

        // a changed input (the block study's labels) runs that task again, and only it
        Path labels = study.resolve("labels.txt");
        Files.writeString(labels, Files.readString(labels) + "\n");
        Result changed = batch(file.toString(), "--master", "local[2]");
        assertEquals(0, changed.status(), changed.err());
        assertTrue(changed.out().contains("1 done, 3 skipped, 0 failed"), changed.out());
    }

    @Test
    void aTaskThatThrowsIsRetriedAndACorruptRecordingFailsOnlyItsOwnTask(@TempDir Path dir) throws IOException {
        Path study = Files.createDirectories(dir.resolve("study"));
        BlockStudy.write(study, 7, BlockStudy.SIGNAL);
        Path edf = TestData.file("real/eegbci-S001/S001R06.edf");
        byte[] bytes = Files.readAllBytes(edf);
        Path corrupt = Files.write(dir.resolve("S001R06.edf"), java.util.Arrays.copyOf(bytes, 300));
        Path badJob = Files.writeString(dir.resolve("bad.yaml"), Files.readString(EXAMPLES.resolve("motor-imagery.yaml"))
                .replace("${data}/real/eegbci-S001/S001R06.edf", corrupt.toString()));
        Path file = manifest(dir, study, "  - run: " + badJob + "\n    set: {data: " + TestData.root().toAbsolutePath() + "}\n");
        System.setProperty("neurodec.batch.fail-once", "volumes");
        Result result;
        try {
            result = batch(file.toString(), "--master", "local[2]");
        } finally {
            System.clearProperty("neurodec.batch.fail-once");
        }
        assertEquals(1, result.status(), "a failed task fails the batch: " + result.out() + result.err());
        assertTrue(result.out().contains("4 done, 0 skipped, 1 failed"), result.out());
        String summary = Files.readString(dir.resolve("results/batch.tsv"));
        String bad = summary.lines().filter(l -> l.startsWith("bad\t")).findFirst().orElseThrow();
        assertTrue(bad.contains("failed") && bad.contains("S001R06.edf"), "the reader's message names the file: " + bad);
        String volumes = summary.lines().filter(l -> l.startsWith("volumes\t")).findFirst().orElseThrow();
        assertEquals("done", volumes.split("\t")[1]);
        assertEquals("2", volumes.split("\t")[3], "the injected failure was retried by Spark: " + volumes);
        assertTrue(result.err().contains("Spark retries it"), result.err());
        assertTrue(!Files.exists(dir.resolve("results/bad")), "a failed task leaves no output folder");

        Result stopped = batch(file.toString(), "--master", "local[1]", "--retries", "0", "--fail-fast");
        assertEquals(1, stopped.status());
        assertTrue(stopped.err().contains("stopped (--fail-fast) at bad: ") && stopped.err().contains("S001R06.edf"),
                stopped.err());
    }

    @Test
    void manifestMistakesAreNamedBeforeAnythingRuns(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("m.yaml"), "out: r\njobs:\n  - run: nothing.yaml\n");
        Result missing = batch(file.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("key 'jobs[0].run': expected an existing job file"), missing.err());
        Files.writeString(file, "out: r\njobs:\n  - run: " + EXAMPLES.resolve("motor-imagery.yaml") + "\n    sets: {a: 1}\n");
        Result unknown = batch(file.toString());
        assertTrue(unknown.err().contains("key 'jobs[0].sets': expected one of [config, name, preprocess, run, set, transfer], found an unknown key"),
                unknown.err());
        Files.writeString(dir.resolve("r"), "a user's file");
        Files.writeString(file, "out: r\njobs:\n  - run: " + EXAMPLES.resolve("motor-imagery.yaml") + "\n");
        Result onFile = batch(file.toString());
        assertEquals(1, onFile.status());
        assertTrue(onFile.err().contains("found a file"), onFile.err());
        assertEquals("a user's file", Files.readString(dir.resolve("r")));
        assertEquals("local[2,4]", SparkBatch.master("local[2]", 3));
        assertEquals("spark://h:7077", SparkBatch.master("spark://h:7077", 3));
    }
}
