package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.ingest.nifti.NiftiWriter;
import org.neurodec.preprocess.fmri.Hrf;
import org.neurodec.preprocess.fmri.Regressors;

/** neurodec preprocess on a generated NIfTI run with events.tsv: betas per stimulus, recovered. */
class FmriPreprocessTest {

    @Test
    void betasOfAGeneratedRunFromTheCommandLine(@TempDir Path dir) throws Exception {
        int nx = 6;
        int ny = 5;
        int nz = 4;
        int frames = 150;
        double tr = 2.0;
        SplittableRandom random = new SplittableRandom(11);
        List<Event> trials = new ArrayList<>();
        StringBuilder tsv = new StringBuilder("onset\tduration\ttrial_type\tstim_file\n");
        double t0 = 8;
        for (int i = 0; i < 16; i++) {
            String stim = "img" + (i % 8) + ".png";
            trials.add(new Event(t0, 1, "image", "", stim, java.util.Map.of()));
            tsv.append(t0).append("\t1.0\timage\t").append(stim).append('\n');
            t0 += 14 + random.nextDouble() * 4;
        }
        Files.writeString(dir.resolve("events.tsv"), tsv);
        double[] frameTimes = new double[frames];
        for (int f = 0; f < frames; f++) {
            frameTimes[f] = f * tr;
        }
        int voxels = nx * ny * nz;
        double[][] truth = new double[8][voxels];
        for (double[] row : truth) {
            for (int v = 0; v < voxels; v++) {
                row[v] = 2 + random.nextGaussian();
            }
        }
        double[] data = new double[voxels * frames];
        for (int i = 0; i < trials.size(); i++) {
            double[] response = Regressors.convolved(List.of(trials.get(i)), frameTimes, Hrf.spm());
            for (int f = 0; f < frames; f++) {
                for (int v = 0; v < voxels; v++) {
                    data[f * voxels + v] += truth[i % 8][v] * response[f];
                }
            }
        }
        for (int k = 0; k < data.length; k++) {
            data[k] += 500 + 0.02 * random.nextGaussian();
        }
        NiftiWriter.create(nx, ny, nz, frames).repetitionTime(tr).write(dir.resolve("bold.nii.gz"), data);
        double[] mask = new double[voxels];
        java.util.Arrays.fill(mask, 1);
        mask[0] = 0;
        NiftiWriter.create(nx, ny, nz).write(dir.resolve("mask.nii.gz"), mask);

        Path out = dir.resolve("betas.h5");
        CommandLineTest.Result r = CommandLineTest.run("preprocess", dir.resolve("bold.nii.gz").toString(),
                "--mask", dir.resolve("mask.nii.gz").toString(), "--events-tsv", dir.resolve("events.tsv").toString(),
                "--standardize", "none", "--average-repetitions", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("8 trials x 119 voxels"), r.out());
        try (Hdf5File hdf = Hdf5File.open(out)) {
            float[] betas = hdf.read("betas").toFloats();
            String[] stimuli = hdf.read("stimulus").toStrings();
            assertEquals("img0.png", stimuli[0]);
            double[] x = new double[betas.length];
            double[] y = new double[betas.length];
            for (int s = 0; s < 8; s++) {
                for (int v = 0; v < 119; v++) {
                    x[s * 119 + v] = betas[s * 119 + v];
                    y[s * 119 + v] = truth[s][v + 1];
                }
            }
            double correlation = new PearsonsCorrelation().correlation(x, y);
            assertTrue(correlation > 0.95, "correlation with the true betas " + correlation);
        }
        Files.writeString(dir.resolve("fmri.yaml"), "preprocess:\n  fmri: {mask: mask.nii.gz, betas: lss, standardize: none,"
                + " average_repetitions: true}\n");
        Path lss = dir.resolve("lss.h5");
        CommandLineTest.Result fromYaml = CommandLineTest.run("preprocess", dir.resolve("bold.nii.gz").toString(),
                "--config", dir.resolve("fmri.yaml").toString(), "--events-tsv", dir.resolve("events.tsv").toString(),
                "--out", lss.toString());
        assertEquals(0, fromYaml.status(), fromYaml.err());
        assertTrue(fromYaml.out().contains("8 trials x 119 voxels (lss)"), fromYaml.out());
        try (Hdf5File hdf = Hdf5File.open(lss)) {
            assertTrue(((String) hdf.attributes("/").get("provenance")).contains("\"method\":\"lss\""));
        }
        CommandLineTest.Result missing = CommandLineTest.run("preprocess", dir.resolve("bold.nii.gz").toString(),
                "--events-tsv", dir.resolve("events.tsv").toString(), "--out", dir.resolve("x.h5").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("--mask and --events-tsv"), missing.err());
    }
}
