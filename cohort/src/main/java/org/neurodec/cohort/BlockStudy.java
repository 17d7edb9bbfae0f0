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

    /**
     * A study's layout.
     *
     * @param grid the image grid (i, j, k)
     * @param zooms the voxel size in mm
     * @param categories the categories, each shown once per run
     * @param runs how many runs
     * @param block volumes per category block
     * @param rest volumes per rest block
     * @param maskVoxels how many voxels the mask holds (those nearest the grid's centre), or 0 for the
     *     default study's ellipsoid
     */
    public record Design(int[] grid, double[] zooms, List<String> categories, int runs, int block, int rest, int maskVoxels) {

        /** Volumes per run: a rest block before each category block and one at the end. */
        public int volumesPerRun() {
            return rest + categories.size() * (block + rest);
        }
    }

    /** The default study: 16 × 16 × 8 voxels of 3 mm, an ellipsoid mask, 4 categories, 6 runs. */
    public static final Design DEFAULT = new Design(GRID, new double[] {3, 3, 3}, CATEGORIES, RUNS, BLOCK, REST, 0);

    /**
     * The size of nilearn's Haxby searchlight example: one slice of 40 × 20 voxels of 3.5 × 3.75 ×
     * 3.75 mm with a 530-voxel mask, 8 categories, 12 runs of 8 blocks of 9 volumes (864 labelled volumes).
     */
    public static final Design HAXBY_SLICE = new Design(new int[] {40, 20, 1}, new double[] {3.5, 3.75, 3.75},
            List.of("face", "house", "cat", "bottle", "scissors", "shoe", "chair", "scrambled"), 12, 9, 4, 530);

    private BlockStudy() {
    }

    /** Volumes per run of the default study. */
    public static int volumesPerRun() {
        return DEFAULT.volumesPerRun();
    }

    /** Writes the default study into {@code folder} (which must exist); {@code signal} scales the category patterns. */
    public static void write(Path folder, long seed, double signal) {
        write(folder, seed, signal, DEFAULT);
    }

    /** Writes a study of layout {@code design} into {@code folder}. */
    public static void write(Path folder, long seed, double signal, Design design) {
        write(folder, seed, signal, design, false);
    }

    /**
     * Writes a study of layout {@code design} into {@code folder}; with {@code bids}, the same study
     * also as a BIDS dataset in {@code folder/bids}: subject 01, one {@code _bold.nii.gz} per run with
     * its {@code events.tsv} (one event per block: onset, duration, trial_type; rest has none), the
     * repetition time in the sidecar, and the mask as {@code derivatives/masks/sub-01_mask.nii.gz}.
     */
    public static void write(Path folder, long seed, double signal, Design design, boolean bids) {
        Random random = new Random(seed);
        int[] grid = design.grid();
        List<String> categoryNames = design.categories();
        int voxels = grid[0] * grid[1] * grid[2];
        boolean[] mask = new boolean[voxels];
        double[] centre = {(grid[0] - 1) / 2.0, (grid[1] - 1) / 2.0, (grid[2] - 1) / 2.0};
        double[] distance = new double[voxels];
        for (int k = 0; k < grid[2]; k++) {
            for (int j = 0; j < grid[1]; j++) {
                for (int i = 0; i < grid[0]; i++) {
                    int v = i + grid[0] * (j + grid[1] * k);
                    double r = Math.pow((i - centre[0]) / 7.0, 2) + Math.pow((j - centre[1]) / 7.0, 2)
                            + Math.pow((k - centre[2]) / 3.5, 2);
                    mask[v] = design.maskVoxels() == 0 && r <= 1;
                    distance[v] = Math.pow((i - centre[0]) / grid[0], 2) + Math.pow((j - centre[1]) / grid[1], 2) + 1e-9 * v;
                }
            }
        }
        if (design.maskVoxels() > 0) {
            Integer[] order = java.util.stream.IntStream.range(0, voxels).boxed().toArray(Integer[]::new);
            java.util.Arrays.sort(order, (a, b) -> Double.compare(distance[a], distance[b]));
            for (int n = 0; n < Math.min(voxels, design.maskVoxels()); n++) {
                mask[order[n]] = true;
            }
        }
        double[][] patterns = new double[categoryNames.size()][voxels];
        for (double[] p : patterns) {
            for (int v = 0; v < voxels; v++) {
                p[v] = random.nextDouble() < 0.3 ? random.nextGaussian() : 0;
            }
        }
        double[] baseline = new double[voxels];
        for (int v = 0; v < voxels; v++) {
            baseline[v] = mask[v] ? 500 + 50 * random.nextGaussian() : 10 * random.nextDouble();
        }
        int perRun = design.volumesPerRun();
        int total = design.runs() * perRun;
        double[] values = new double[voxels * total];
        StringBuilder table = new StringBuilder("labels chunks\n");
        List<List<String>> runLabels = new ArrayList<>();
        for (int run = 0; run < design.runs(); run++) {
            List<String> order = new ArrayList<>(categoryNames);
            Collections.shuffle(order, random);
            List<String> labels = new ArrayList<>();
            for (String category : order) {
                labels.addAll(Collections.nCopies(design.rest(), "rest"));
                labels.addAll(Collections.nCopies(design.block(), category));
            }
            labels.addAll(Collections.nCopies(design.rest(), "rest"));
            runLabels.add(labels);
            double[] offset = new double[voxels];
            double[] slope = new double[voxels];
            for (int v = 0; v < voxels; v++) {
                offset[v] = 20 * random.nextGaussian();
                slope[v] = 0.3 * random.nextGaussian();
            }
            for (int t = 0; t < perRun; t++) {
                int volume = run * perRun + t;
                int category = categoryNames.indexOf(labels.get(t));
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
        NiftiWriter.create(grid[0], grid[1], grid[2], total).repetitionTime(TR).affine(affine(design))
                .description("neurodec block study, seed " + seed).write(folder.resolve("bold.nii.gz"), values);
        double[] maskValues = new double[voxels];
        for (int v = 0; v < voxels; v++) {
            maskValues[v] = mask[v] ? 1 : 0;
        }
        NiftiWriter.create(grid[0], grid[1], grid[2]).affine(affine(design)).write(folder.resolve("mask.nii.gz"), maskValues);
        try {
            Files.writeString(folder.resolve("labels.txt"), table);
            if (bids) {
                writeBids(folder.resolve("bids"), design, values, maskValues, runLabels);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBids(Path root, Design design, double[] values, double[] maskValues, List<List<String>> runLabels)
            throws IOException {
        int[] grid = design.grid();
        int voxels = grid[0] * grid[1] * grid[2];
        int perRun = design.volumesPerRun();
        Path func = Files.createDirectories(root.resolve("sub-01/func"));
        Files.writeString(root.resolve("dataset_description.json"), "{\"Name\": \"neurodec block study\", \"BIDSVersion\": \"1.8.0\"}\n");
        Files.writeString(root.resolve("task-blocks_bold.json"), "{\"TaskName\": \"blocks\", \"RepetitionTime\": " + TR + "}\n");
        for (int run = 0; run < design.runs(); run++) {
            String stem = String.format(java.util.Locale.ROOT, "sub-01_task-blocks_run-%02d", run + 1);
            double[] runValues = java.util.Arrays.copyOfRange(values, run * perRun * voxels, (run + 1) * perRun * voxels);
            NiftiWriter.create(grid[0], grid[1], grid[2], perRun).repetitionTime(TR).affine(affine(design))
                    .write(func.resolve(stem + "_bold.nii.gz"), runValues);
            StringBuilder events = new StringBuilder("onset\tduration\ttrial_type\n");
            List<String> labels = runLabels.get(run);
            for (int t = 0; t < labels.size(); t++) {
                if (!labels.get(t).equals("rest") && (t == 0 || !labels.get(t - 1).equals(labels.get(t)))) {
                    int end = t;
                    while (end < labels.size() && labels.get(end).equals(labels.get(t))) {
                        end++;
                    }
                    events.append(String.format(java.util.Locale.ROOT, "%.1f\t%.1f\t%s%n", t * TR, (end - t) * TR, labels.get(t)));
                }
            }
            Files.writeString(func.resolve(stem + "_events.tsv"), events);
        }
        Path masks = Files.createDirectories(root.resolve("derivatives/masks"));
        NiftiWriter.create(grid[0], grid[1], grid[2]).affine(affine(design)).write(masks.resolve("sub-01_mask.nii.gz"), maskValues);
    }

    private static double[][] affine(Design design) {
        double[] z = design.zooms();
        int[] g = design.grid();
        return new double[][] {{z[0], 0, 0, -z[0] * g[0] / 2}, {0, z[1], 0, -z[1] * g[1] / 2}, {0, 0, z[2], -z[2] * g[2] / 2},
            {0, 0, 0, 1}};
    }
}
