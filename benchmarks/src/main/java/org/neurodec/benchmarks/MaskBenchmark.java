package org.neurodec.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.neurodec.ingest.nifti.NiftiDataType;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.NiftiWriter;
import org.neurodec.ingest.nifti.VoxelMask;
import org.neurodec.ingest.nifti.VoxelSeries;

/**
 * Masking a large 4D NIfTI image: {@code generate DIR [VOLUMES]} writes a float32 MNI-sized run
 * (91 × 109 × 91 × VOLUMES, 290 volumes ≈ 1 GB) as .nii and .nii.gz with a brain-shaped mask;
 * {@code run IMAGE MASK} masks it once and prints one line of JSON: seconds, MB/s of uncompressed
 * image data, the output's size, the JVM's peak heap and the process's peak resident memory.
 * Run each measurement in a fresh JVM (benchmarks/mask.sh does).
 */
public final class MaskBenchmark {

    static final long[] GRID = {91, 109, 91};

    private MaskBenchmark() {
    }

    /** {@code generate DIR [VOLUMES]} or {@code run IMAGE MASK}. */
    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("generate")) {
            generate(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 290);
        } else if (args.length == 3 && args[0].equals("run")) {
            System.out.println(run(Path.of(args[1]), Path.of(args[2])));
        } else {
            System.err.println("usage: MaskBenchmark generate DIR [VOLUMES] | run IMAGE MASK");
            System.exit(2);
        }
    }

    /** Writes bench.nii, bench.nii.gz (gzip level 1, as nibabel writes) and mask.nii.gz into {@code dir}. */
    static void generate(Path dir, int volumes) throws IOException {
        Files.createDirectories(dir);
        boolean[] brain = brain();
        double[] maskValues = new double[brain.length];
        for (int i = 0; i < brain.length; i++) {
            maskValues[i] = brain[i] ? 1 : 0;
        }
        double[][] affine = {{-2, 0, 0, 90}, {0, 2, 0, -126}, {0, 0, 2, -72}, {0, 0, 0, 1}};
        NiftiWriter.create(GRID).dataType(NiftiDataType.UINT8).affine(affine).write(dir.resolve("mask.nii.gz"), maskValues);
        NiftiWriter.VolumeFiller filler = (t, volume) -> {
            Random random = new Random(t);
            for (int i = 0; i < volume.length; i++) {
                volume[i] = brain[i] ? 1000 + 20 * Math.sin(t * 0.1 + i * 1e-4) + Math.round(random.nextGaussian() * 80) / 8.0 : 0;
            }
        };
        long[] shape = {GRID[0], GRID[1], GRID[2], volumes};
        NiftiWriter.create(shape).affine(affine).repetitionTime(2.0).write(dir.resolve("bench.nii"), filler);
        NiftiWriter.create(shape).affine(affine).repetitionTime(2.0).compressionLevel(1)
                .write(dir.resolve("bench.nii.gz"), filler);
    }

    /** An ellipsoid filling about a quarter of the grid, like a brain in an MNI bounding box. */
    static boolean[] brain() {
        boolean[] inside = new boolean[(int) (GRID[0] * GRID[1] * GRID[2])];
        for (int k = 0; k < GRID[2]; k++) {
            for (int j = 0; j < GRID[1]; j++) {
                for (int i = 0; i < GRID[0]; i++) {
                    double x = (i - 45.0) / 36;
                    double y = (j - 54.0) / 44;
                    double z = (k - 45.0) / 34;
                    inside[(int) (i + GRID[0] * (j + GRID[1] * k))] = x * x + y * y + z * z <= 1;
                }
            }
        }
        return inside;
    }

    static String run(Path image, Path maskFile) throws IOException {
        VoxelMask mask = VoxelMask.nonZero(NiftiImage.open(maskFile));
        ResidentMemory resident = ResidentMemory.start();
        long start = System.nanoTime();
        NiftiImage opened = NiftiImage.open(image);
        VoxelSeries series = opened.mask(mask);
        double seconds = (System.nanoTime() - start) / 1e9;
        resident.stop();
        long imageBytes = opened.header().voxelsPerVolume() * opened.header().volumeCount() * opened.header().dataType().bytes();
        long outputBytes = 4L * series.times() * series.voxels();
        double checksum = 0;
        for (int t = 0; t < series.times(); t += 37) {
            checksum += series.get(t, series.voxels() / 2);
        }
        return String.format(Locale.ROOT, "{\"file\": \"%s\", \"seconds\": %.3f, \"mb_per_s\": %.1f, "
                + "\"image_mb\": %.1f, \"output_mb\": %.1f, \"peak_heap_mb\": %.1f, \"peak_rss_mb\": %.1f, "
                + "\"peak_rss_anon_mb\": %.1f, \"baseline_rss_anon_mb\": %.1f, \"checksum\": %.3f}",
                image.getFileName(), seconds, imageBytes / 1e6 / seconds, imageBytes / 1e6, outputBytes / 1e6,
                ResidentMemory.peakHeap() / 1e6, resident.peakTotal() / 1e6, resident.peakAnonymous() / 1e6,
                resident.baselineAnonymous() / 1e6, checksum);
    }
}
