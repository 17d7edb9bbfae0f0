package org.neurodec.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.neurodec.ingest.nifti.NiftiDataType;
import org.neurodec.ingest.nifti.NiftiWriter;
import org.neurodec.preprocess.fmri.Hrf;

/**
 * One subject's fMRI session: a random set of voxels in the grid, a voxels × code mapping of its
 * own, an HRF with its own peak delay, every stimulus shown once in an event-related design split
 * over the runs, cosine drifts and Gaussian noise at the spec's SNR.
 */
final class FmriSession {

    private static final double ISI = 4.0;
    private static final double FINE_DT = 0.05;

    private final CohortSpec spec;
    private final int[] voxels;
    private final double[][] mapping;
    private final double hrfDelay;

    private FmriSession(CohortSpec spec, int[] voxels, double[][] mapping, double hrfDelay) {
        this.spec = spec;
        this.voxels = voxels;
        this.mapping = mapping;
        this.hrfDelay = hrfDelay;
    }

    static FmriSession draw(CohortSpec spec, Random random) {
        int grid = CohortSpec.GRID[0] * CohortSpec.GRID[1] * CohortSpec.GRID[2];
        int count = spec.minVoxels() + random.nextInt(spec.maxVoxels() - spec.minVoxels() + 1);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < grid; i++) {
            all.add(i);
        }
        Collections.shuffle(all, random);
        int[] voxels = all.subList(0, count).stream().mapToInt(Integer::intValue).sorted().toArray();
        double[][] mapping = Matrices.gaussian(random, count, spec.codeDim(), 1.0 / Math.sqrt(spec.codeDim()));
        return new FmriSession(spec, voxels, mapping, 6.0 + 1.5 * (random.nextDouble() - 0.5));
    }

    int voxels() {
        return voxels.length;
    }

    double hrfDelay() {
        return hrfDelay;
    }

    /** Writes the mask and every run of subject {@code id}. */
    void write(Path root, String id, Stimuli stimuli, double[][] codes, Random random) {
        long[] shape = {CohortSpec.GRID[0], CohortSpec.GRID[1], CohortSpec.GRID[2]};
        double[] mask = new double[CohortSpec.GRID[0] * CohortSpec.GRID[1] * CohortSpec.GRID[2]];
        for (int v : voxels) {
            mask[v] = 1;
        }
        double[][] affine = {{3, 0, 0, -18}, {0, 3, 0, -18}, {0, 0, 3, -12}, {0, 0, 0, 1}};
        NiftiWriter.create(shape).dataType(NiftiDataType.UINT8).affine(affine)
                .write(Cohort.mask(root, id), mask);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < stimuli.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        double[] hrf = new Hrf(hrfDelay, 16, 1, 1, 0.167).kernel(FINE_DT, 32, 0);
        double peak = java.util.Arrays.stream(hrf).max().orElse(1);
        double[][] amplitudes = new double[stimuli.size()][];
        for (int i = 0; i < stimuli.size(); i++) {
            amplitudes[i] = Matrices.times(mapping, codes[i]);
        }
        double[] noise = noiseLevels(amplitudes);
        int[] column = new int[mask.length];
        java.util.Arrays.fill(column, -1);
        for (int v = 0; v < voxels.length; v++) {
            column[voxels[v]] = v;
        }
        int perRun = (order.size() + spec.fmriRuns() - 1) / spec.fmriRuns();
        for (int run = 0; run < spec.fmriRuns(); run++) {
            List<Integer> trials = order.subList(Math.min(order.size(), run * perRun),
                    Math.min(order.size(), (run + 1) * perRun));
            writeRun(root, id, run + 1, trials, stimuli, amplitudes, noise, hrf, peak, affine, column, random);
        }
    }

    /** Per voxel, the noise standard deviation: the spread of its trial amplitudes over the SNR. */
    private double[] noiseLevels(double[][] amplitudes) {
        double[] noise = new double[voxels.length];
        for (int v = 0; v < voxels.length; v++) {
            double sum = 0;
            double squares = 0;
            for (double[] a : amplitudes) {
                sum += a[v];
                squares += a[v] * a[v];
            }
            double mean = sum / amplitudes.length;
            noise[v] = Math.sqrt(Math.max(squares / amplitudes.length - mean * mean, 1e-12)) / spec.fmriSnr();
        }
        return noise;
    }

    private void writeRun(Path root, String id, int run, List<Integer> trials, Stimuli stimuli, double[][] amplitudes,
            double[] noise, double[] hrf, double peak, double[][] affine, int[] column, Random random) {
        double[] onsets = new double[trials.size()];
        StringBuilder events = new StringBuilder("onset\tduration\ttrial_type\tstim_file\n");
        double t = 6.0;
        for (int k = 0; k < trials.size(); k++) {
            onsets[k] = Math.rint(t * 10) / 10;
            int i = trials.get(k);
            events.append(String.format(Locale.ROOT, "%.1f\t1.0\t%s\t%s%n", onsets[k], stimuli.kind(i), stimuli.file(i)));
            t += ISI + random.nextDouble();
        }
        int volumes = (int) Math.ceil((t + 16) / spec.tr());
        double[][] series = new double[volumes][voxels.length];
        double[][] drift = Matrices.gaussian(random, 2, voxels.length, 1.0);
        for (int f = 0; f < volumes; f++) {
            double time = f * spec.tr();
            for (int k = 0; k < trials.size(); k++) {
                int lag = (int) Math.rint((time - onsets[k]) / FINE_DT);
                if (lag >= 0 && lag < hrf.length) {
                    double h = hrf[lag] / peak;
                    double[] a = amplitudes[trials.get(k)];
                    for (int v = 0; v < voxels.length; v++) {
                        series[f][v] += h * a[v];
                    }
                }
            }
            double phase = Math.PI * time / (volumes * spec.tr());
            for (int v = 0; v < voxels.length; v++) {
                series[f][v] += 100 + noise[v] * (random.nextGaussian() + 2 * drift[0][v] * Math.cos(phase)
                        + drift[1][v] * Math.cos(2 * phase));
            }
        }
        String base = "sub-" + id + "/func/sub-" + id + "_task-" + Cohort.TASK + String.format(Locale.ROOT, "_run-%02d", run);
        Random background = new Random(random.nextLong());
        NiftiWriter.create(CohortSpec.GRID[0], CohortSpec.GRID[1], CohortSpec.GRID[2], volumes).affine(affine)
                .repetitionTime(spec.tr()).write(root.resolve(base + "_bold.nii.gz"), (f, volume) -> {
                    for (int p = 0; p < volume.length; p++) {
                        volume[p] = column[p] >= 0 ? series[(int) f][column[p]] : 20 + background.nextGaussian();
                    }
                });
        Texts.write(root.resolve(base + "_events.tsv"), events.toString());
        Texts.write(root.resolve(base + "_bold.json"), String.format(Locale.ROOT,
                "{\"RepetitionTime\": %s, \"TaskName\": \"%s\"}%n", spec.tr(), Cohort.TASK));
    }
}
