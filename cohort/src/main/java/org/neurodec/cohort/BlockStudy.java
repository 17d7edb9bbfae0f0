package org.neurodec.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.neurodec.ingest.nifti.NiftiWriter;

/**
 * A seeded block-design fMRI study laid out as nilearn's Haxby tutorial data: one 4D file
 * ({@code bold.nii.gz}, all runs one after another), a mask ({@code mask.nii.gz}) and a volumes table
 * ({@code labels.txt}, space-separated, header {@code labels chunks}: each volume's category or
 * {@code rest}, and its run). Each run shows every category once, in a seeded order, in blocks of
 * {@link #BLOCK} volumes between rest blocks. A category adds its own spatial pattern to the volumes
 * of its blocks; every voxel has a baseline, a run offset and a linear drift of its own (what per-run
 * cleaning removes) and white noise.
 */
public final class BlockStudy {

    public static final List<String> CATEGORIES = List.of("face", "house", "cat", "shoe");
    public static final int RUNS = 6;
    public static final int BLOCK = 8;
    public static final int REST = 4;
    public static final double TR = 2.5;
    /** The default scale of the category patterns against the noise: hard enough that cleaning and the model matter. */
    public static final double SIGNAL = 0.3;
    static final int[] GRID = {16, 16, 8};

    private BlockStudy() {
    }

    /** Volumes per run: a rest block before each category block and one at the end. */
    public static int volumesPerRun() {
        return REST + CATEGORIES.size() * (BLOCK + REST);
    }

    /** Writes the study into {@code folder} (which must exist); {@code signal} scales the category patterns. */
    public static void write(Path folder, long seed, double signal) {
        Random random = new Random(seed);
        int voxels = GRID[0] * GRID[1] * GRID[2];
        boolean[] mask = new boolean[voxels];
        double[] centre = {(GRID[0] - 1) / 2.0, (GRID[1] - 1) / 2.0, (GRID[2] - 1) / 2.0};
        for (int k = 0; k < GRID[2]; k++) {
            for (int j = 0; j < GRID[1]; j++) {
                for (int i = 0; i < GRID[0]; i++) {
                    double r = Math.pow((i - centre[0]) / 7.0, 2) + Math.pow((j - centre[1]) / 7.0, 2)
                            + Math.pow((k - centre[2]) / 3.5, 2);
                    mask[i + GRID[0] * (j + GRID[1] * k)] = r <= 1;
                }
            }
        }
        double[][] patterns = new double[CATEGORIES.size()][voxels];
        for (double[] p : patterns) {
            for (int v = 0; v < voxels; v++) {
                p[v] = random.nextDouble() < 0.3 ? random.nextGaussian() : 0;
            }
        }
        double[] baseline = new double[voxels];
        for (int v = 0; v < voxels; v++) {
            baseline[v] = mask[v] ? 500 + 50 * random.nextGaussian() : 10 * random.nextDouble();
        }
        int perRun = volumesPerRun();
        int total = RUNS * perRun;
        double[] values = new double[voxels * total];
        StringBuilder table = new StringBuilder("labels chunks\n");
        for (int run = 0; run < RUNS; run++) {
            List<String> order = new ArrayList<>(CATEGORIES);
            Collections.shuffle(order, random);
            List<String> labels = new ArrayList<>();
            for (String category : order) {
                labels.addAll(Collections.nCopies(REST, "rest"));
                labels.addAll(Collections.nCopies(BLOCK, category));
            }
            labels.addAll(Collections.nCopies(REST, "rest"));
            double[] offset = new double[voxels];
            double[] slope = new double[voxels];
            for (int v = 0; v < voxels; v++) {
                offset[v] = 20 * random.nextGaussian();
                slope[v] = 0.3 * random.nextGaussian();
            }
            for (int t = 0; t < perRun; t++) {
                int volume = run * perRun + t;
                int category = CATEGORIES.indexOf(labels.get(t));
                for (int v = 0; v < voxels; v++) {
                    double x = baseline[v];
                    if (mask[v]) {
                        x += offset[v] + slope[v] * t + 5 * random.nextGaussian();
                        if (category >= 0) {
                            x += signal * 5 * patterns[category][v];
                        }
                    }
                    values[volume * voxels + v] = x;
                }
                table.append(labels.get(t)).append(' ').append(run).append('\n');
            }
        }
        NiftiWriter.create(GRID[0], GRID[1], GRID[2], total).repetitionTime(TR).affine(affine())
                .description("neurodec block study, seed " + seed).write(folder.resolve("bold.nii.gz"), values);
        double[] maskValues = new double[voxels];
        for (int v = 0; v < voxels; v++) {
            maskValues[v] = mask[v] ? 1 : 0;
        }
        NiftiWriter.create(GRID[0], GRID[1], GRID[2]).affine(affine()).write(folder.resolve("mask.nii.gz"), maskValues);
        try {
            Files.writeString(folder.resolve("labels.txt"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[][] affine() {
        return new double[][] {{3, 0, 0, -24}, {0, 3, 0, -24}, {0, 0, 3, -12}, {0, 0, 0, 1}};
    }
}
