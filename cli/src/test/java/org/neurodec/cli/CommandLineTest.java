package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;
import picocli.CommandLine;

/** The command line: help on every command, readable output, and one-line errors for bad input. */
class CommandLineTest {

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"inspect", "preprocess", "cohort", "features", "train", "adapt", "run", "transfer", "notebooks", "demo"}) {
            Result r = run(command, "--help");
            assertEquals(0, r.status(), command);
            assertTrue(r.out().startsWith("Usage: neurodec " + command), r.out());
            assertTrue(!r.out().contains("null") && !r.err().contains("WARN"), "help text rendered whole: " + r.out() + r.err());
        }
        assertTrue(run("--help").out().contains("inspect"));
    }

    @Test
    void readableSummaryOfNifti() {
        Result r = run("inspect", TestData.file("nifti/anatomical.nii").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("format             nifti1"), r.out());
        assertTrue(r.out().contains("shape              33 × 41 × 25"), r.out());
        assertTrue(r.out().contains("endianness         big"), r.out());
        assertTrue(r.out().contains("[-2.0, 0.0, 0.0, 32.0]"), r.out());
    }

    @Test
    void pairIsDescribedFromEitherHalf() {
        for (String half : new String[] {"pair.hdr", "pair.img"}) {
            Result r = run("inspect", TestData.resource("nifti/" + half).toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("pair.hdr") && r.out().contains("data_file          "), r.out());
            assertTrue(r.out().contains("shape              6 × 5 × 4"), r.out());
        }
    }

    @Test
    void readableTreeOfHdf5() {
        Result r = run("inspect", TestData.file("real/digits69/digits69.h5").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("/train/fmri  float32 90 × 3092"), r.out());
        assertTrue(r.out().contains("@labels = 1 = digit six, 2 = digit nine"), r.out());
    }

    @Test
    void badInputIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.nii");
        Files.write(junk, new byte[100]);
        Result r = run("inspect", junk.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("neurodec: " + junk), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        Path unknown = dir.resolve("notes.txt");
        Files.writeString(unknown, "hello");
        Result u = run("inspect", unknown.toString());
        assertEquals(1, u.status());
        assertTrue(u.err().contains("unknown format"), u.err());

        Result missing = run("inspect", dir.resolve("absent.nii").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("absent.nii"), missing.err());
    }

    @Test
    void preprocessWritesEpochsAndRefusesBadParameters(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("epochs.h5");
        String run = TestData.file("real/eegbci-S001/S001R06.edf").toString();
        Result r = run("preprocess", run, "--l-freq", "7", "--h-freq", "30", "--reref", "average", "--epochs", "-1,4",
                "--event-id", "T1=hands,T2=feet", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("15 epochs x 64 channels x 801 samples (0 dropped)"), r.out());
        try (org.neurodec.ingest.hdf5.Hdf5File hdf = org.neurodec.ingest.hdf5.Hdf5File.open(out)) {
            assertEquals("[15, 64, 801]", java.util.Arrays.toString(hdf.shape("data")));
        }
        Path never = dir.resolve("never.h5");
        Result bad = run("preprocess", run, "--h-freq", "100", "--out", never.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("h_freq") && bad.err().contains("Nyquist"), bad.err());
        assertTrue(!Files.exists(never), "no output after a refusal");
        Path yaml = dir.resolve("steps.yaml");
        Files.writeString(yaml, "preprocess:\n  steps:\n    - filter: {h_freq: 30}\n");
        Result both = run("preprocess", run, "--config", yaml.toString(), "--l-freq", "1", "--out", never.toString());
        assertEquals(1, both.status());
        assertTrue(both.err().contains("not both"), both.err());
        Result config = run("preprocess", run, "--config", yaml.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(0, config.status(), config.err());
        assertTrue(config.out().contains("64 channels x 20000 samples at 160.0 Hz"), config.out());
    }

    @Test
    void inspectReadsACsvExportAtAGivenRate() throws Exception {
        String csv = TestData.file("real/eegnb-n170/subject1/session1/data_2017-09-13-15.30.01.csv").toString();
        Result estimated = run("inspect", csv, "--json");
        assertEquals(0, estimated.status(), estimated.err());
        Result given = run("inspect", csv, "--json", "--sfreq", "250");
        assertEquals(0, given.status(), given.err());
        com.fasterxml.jackson.databind.JsonNode a = new com.fasterxml.jackson.databind.ObjectMapper().readTree(estimated.out());
        com.fasterxml.jackson.databind.JsonNode b = new com.fasterxml.jackson.databind.ObjectMapper().readTree(given.out());
        assertEquals(250.0, b.get("sfreq").asDouble());
        assertTrue(Math.abs(a.get("sfreq").asDouble() - 256) < 1, "estimated from the timestamps: " + a.get("sfreq"));
        assertEquals(a.get("n_times").asLong(), b.get("n_times").asLong());
        Result edf = run("inspect", TestData.file("real/eegbci-S001/S001R04.edf").toString(), "--sfreq", "250");
        assertEquals(1, edf.status());
        assertTrue(edf.err().contains("expected the 250.0 Hz given, found 160.0 Hz"), edf.err());
        Result nifti = run("inspect", TestData.file("nifti/anatomical.nii").toString(), "--sfreq", "250");
        assertEquals(2, nifti.status(), nifti.err());
        assertTrue(nifti.err().contains("--sfreq: expected an EEG recording"), nifti.err());
    }

    @Test
    void aJobReadsWhatPreprocessWrote(@TempDir Path dir) throws Exception {
        Path epochs = dir.resolve("epochs.h5");
        Result pre = run("preprocess", TestData.file("real/eegbci-S001/S001R04.edf").toString(), "--l-freq", "7", "--h-freq", "30",
                "--epochs", "0.5,2.5", "--events", "annotations", "--event-id", "T1=hands,T2=feet", "--resample", "80",
                "--out", epochs.toString());
        assertEquals(0, pre.status(), pre.err());
        Path job = Files.writeString(dir.resolve("job.yaml"), "name: preprocessed epochs\n"
                + "data: {hdf5: {file: " + epochs + ", x: data, labels: epochs/condition}}\n"
                + "model: {type: logistic}\n"
                + "protocol: {type: stratified-k-fold, folds: 3}\n");
        Result r = run("run", job.toString(), "--out", dir.resolve("out").toString(), "--no-progress");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("balanced accuracy"), r.out());
        String predictions = Files.readString(dir.resolve("out/predictions.csv"));
        assertTrue(predictions.contains("hands") && predictions.contains("feet"), "text labels as classes: " + predictions);
    }

    /**
     * The motor imagery example's three runs preprocessed by {@code neurodec preprocess} with the
     * example's own preprocess section, then decoded as {@code data.preprocessed}: the same
     * predictions and scores as the example decoding the recordings; runs from the BIDS-style names.
     */
    @Test
    void severalPreprocessedFilesDecodeAsTheRecordingsThroughTheSamePipeline(@TempDir Path dir) throws Exception {
        Path example = Path.of("..", "examples", "motor-imagery.yaml");
        String job = Files.readString(example).replace("${data}", TestData.root().toString());
        Path config = Files.writeString(dir.resolve("config.yaml"), job.substring(job.indexOf("preprocess:"), job.indexOf("model:")));
        Path epochs = Files.createDirectories(dir.resolve("epochs"));
        for (String run : List.of("06", "10", "14")) {
            Result pre = run("preprocess", TestData.file("real/eegbci-S001/S001R" + run + ".edf").toString(), "--config",
                    config.toString(), "--out", epochs.resolve("sub-01_task-imagery_run-" + run + "_preproc.h5").toString());
            assertEquals(0, pre.status(), pre.err());
        }
        Result recordings = run("run", Files.writeString(dir.resolve("edf.yaml"), job).toString(), "--out",
                dir.resolve("edf").toString(), "--no-progress");
        assertEquals(0, recordings.status(), recordings.err());
        String asFiles = job.replaceAll("(?s)data:\n  eeg:.*?model:", "data: {preprocessed: [epochs/*_preproc.h5]}\nmodel:");
        Result files = run("run", Files.writeString(dir.resolve("h5.yaml"), asFiles).toString(), "--out",
                dir.resolve("h5").toString(), "--no-progress");
        assertEquals(0, files.status(), files.err());
        assertTrue(files.out().contains("accuracy           0.9333"), files.out());
        assertEquals(withoutSources(dir.resolve("edf/predictions.csv")), withoutSources(dir.resolve("h5/predictions.csv")));
        String[] row = Files.readAllLines(dir.resolve("h5/predictions.csv")).get(1).split(",");
        assertEquals("01", row[2], "the subject from the file names");

        Result mixed = run("run", Files.writeString(dir.resolve("mixed.yaml"), asFiles.replace("[epochs/*_preproc.h5]",
                "[epochs/*_preproc.h5, " + TestData.file("real/eegbci-S001/S001R04.edf") + "]")).toString(), "--out",
                dir.resolve("mixed").toString(), "--no-progress");
        assertEquals(1, mixed.status(), mixed.err());
        assertTrue(mixed.err().contains("S001R04.edf") && !mixed.err().contains("\tat "), mixed.err());
    }

    /** A predictions table without its subject and source columns (named from the files, unnamed for the recordings). */
    private static List<String> withoutSources(Path csv) throws java.io.IOException {
        return Files.readAllLines(csv).stream().map(l -> l.replaceFirst("^([^,]*,[^,]*,)[^,]*,[^,]*,", "$1")).toList();
    }

    @Test
    void demoRunsTheWholePipeline(@TempDir Path dir) {
        Result r = run("demo", "--data", TestData.root().toString(), "--out", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("1. synthetic cohort: 5 subjects saw 160 stimuli"), r.out());
        assertTrue(r.out().contains("shared + new adapter"), r.out());
        assertTrue(r.out().contains("accuracy           0.9333"), r.out());
        for (String report : new String[] {"synthetic-transfer", "motor-imagery", "digits69-reconstruction"}) {
            assertTrue(Files.isRegularFile(dir.resolve(report).resolve("report.html")), report);
        }
    }
}
