package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.ingest.nifti.NiftiWriter;

/** neurodec preprocess on a BIDS dataset: EEG epochs and fMRI betas per recording, in a mirrored layout. */
class BidsPreprocessTest {

    @Test
    void everyRecordingOfADataset(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("ds");
        Files.createDirectories(root.resolve("sub-01/eeg"));
        Files.createDirectories(root.resolve("sub-01/func"));
        Files.writeString(root.resolve("dataset_description.json"), "{\"Name\": \"t\", \"BIDSVersion\": \"1.8.0\"}");
        Files.copy(TestData.file("real/eegbci-S001/S001R06.edf"), root.resolve("sub-01/eeg/sub-01_task-mi_eeg.edf"));
        Files.copy(TestData.file("real/eegbci-S001/S001R10.edf"), root.resolve("sub-01/eeg/sub-01_task-mi_run-2_eeg.edf"));
        // run 2 has an events.tsv: its first two imagined hands and feet only, so its epochs come from there
        StringBuilder tsv = new StringBuilder("onset\tduration\ttrial_type\n");
        org.neurodec.ingest.eeg.EegRecording.open(TestData.file("real/eegbci-S001/S001R10.edf")).annotations().stream()
                .filter(a -> !a.description().equals("T0")).limit(4)
                .forEach(a -> tsv.append(a.onset()).append('\t').append(a.duration()).append('\t').append(a.description()).append('\n'));
        Files.writeString(root.resolve("sub-01/eeg/sub-01_task-mi_run-2_events.tsv"), tsv);
        Files.writeString(root.resolve("task-img_bold.json"), "{\"RepetitionTime\": 2.0}");
        SplittableRandom random = new SplittableRandom(5);
        double[] data = new double[4 * 4 * 2 * 80];
        for (int i = 0; i < data.length; i++) {
            data[i] = 100 + random.nextGaussian();
        }
        NiftiWriter.create(4, 4, 2, 80).repetitionTime(0).write(root.resolve("sub-01/func/sub-01_task-img_bold.nii.gz"), data);
        Files.writeString(root.resolve("sub-01/func/sub-01_task-img_events.tsv"),
                "onset\tduration\ttrial_type\tstim_file\n10\t1\timg\ta.png\n40\t1\timg\tb.png\n80\t1\timg\ta.png\n");
        double[] mask = new double[32];
        java.util.Arrays.fill(mask, 1);
        NiftiWriter.create(4, 4, 2).write(dir.resolve("mask.nii.gz"), mask);
        Files.writeString(dir.resolve("steps.yaml"), """
                preprocess:
                  steps:
                    - filter: {l_freq: 7, h_freq: 30}
                  epochs: {tmin: -1, tmax: 4, conditions: {T1: hands, T2: feet}}
                  fmri: {mask: mask.nii.gz, betas: lsa, average_repetitions: true}
                """);
        Path out = dir.resolve("derivatives");
        CommandLineTest.Result r = CommandLineTest.run("preprocess", root.toString(), "--config",
                dir.resolve("steps.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("3 of 3 recordings preprocessed"), r.out());
        try (Hdf5File eeg = Hdf5File.open(out.resolve("sub-01/eeg/sub-01_task-mi_eeg_preproc.h5"))) {
            assertArrayEquals(new long[] {15, 64, 801}, eeg.shape("data"), "no events.tsv: the recording's annotations");
        }
        try (Hdf5File eeg = Hdf5File.open(out.resolve("sub-01/eeg/sub-01_task-mi_run-2_eeg_preproc.h5"))) {
            assertArrayEquals(new long[] {4, 64, 801}, eeg.shape("data"), "the events.tsv's four events");
            assertEquals(2, java.util.Arrays.stream(eeg.read("epochs/condition").toStrings()).filter("hands"::equals).count());
        }
        try (Hdf5File fmri = Hdf5File.open(out.resolve("sub-01/func/sub-01_task-img_bold_preproc.h5"))) {
            assertArrayEquals(new long[] {2, 32}, fmri.shape("betas"), "a.png averaged over its two repetitions, b.png");
            assertEquals("a.png", fmri.read("stimulus").toStrings()[0]);
        }
        CommandLineTest.Result noConfig = CommandLineTest.run("preprocess", root.toString(), "--out",
                dir.resolve("other").toString());
        assertEquals(1, noConfig.status());
        assertTrue(noConfig.err().contains("--config"), noConfig.err());
    }
}
