package org.neurodec.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.neurodec.cohort.BlockStudy;
import org.neurodec.experiments.Job;
import org.neurodec.experiments.JobResult;
import org.neurodec.experiments.JobRunner;

/**
 * The searchlight at the size of nilearn's Haxby example: a slice of 40 × 20 voxels (3.5 × 3.75 ×
 * 3.75 mm) with a 530-voxel mask, 864 labelled volumes of 8 categories in 12 runs (neurodec's
 * seeded block study in that layout), each run detrended and z-scored, a linear SVM in every sphere of
 * 5.6 mm, leaving one run out. Prints the wall time of the whole job and of its searchlight, and the
 * best sphere's accuracy. Usage: {@code SearchlightBenchmark [WORK_DIR]}.
 */
public final class SearchlightBenchmark {

    private SearchlightBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("neurodec-searchlight");
        Path study = Files.createDirectories(work.resolve("study"));
        BlockStudy.write(study, 11, BlockStudy.SIGNAL, BlockStudy.HAXBY_SLICE);
        Path file = work.resolve("searchlight.yaml");
        Files.writeString(file, """
                name: searchlight benchmark
                data:
                  nifti: {bold: study/bold.nii.gz, volumes: study/labels.txt, mask: study/mask.nii.gz, exclude: [rest]}
                preprocess:
                  clean: {detrend: true, standardize: zscore}
                model: {type: linear-svm}
                protocol: {type: leave-one-group-out, group: run}
                searchlight: {radius: 5.6}
                """);
        long[] searchlightStart = new long[1];
        long start = System.nanoTime();
        JobResult result = JobRunner.run(Job.read(file, Map.of()), line -> {
            if (line.equals("searchlight")) {
                searchlightStart[0] = System.nanoTime();
            }
        }, false);
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "searchlight, %d volumes x %d voxels, %d spheres (mean %.1f voxels), 12 folds:"
                + " job %.1f s, searchlight %.1f s on %d cores; best sphere accuracy %.3f (chance 0.125)%n",
                result.data().size(), result.searchlight().voxels().length, result.searchlight().voxels().length,
                java.util.Arrays.stream(result.searchlight().sphereSizes()).average().orElse(0), (end - start) / 1e9,
                (end - searchlightStart[0]) / 1e9, Runtime.getRuntime().availableProcessors(),
                java.util.Arrays.stream(result.searchlight().scores()).max().orElse(Double.NaN));
    }
}
