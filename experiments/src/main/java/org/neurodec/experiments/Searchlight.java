package org.neurodec.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.NiftiWriter;
import org.neurodec.ingest.nifti.VoxelMask;

/**
 * A searchlight, as nilearn's {@code SearchLight}: for every voxel of the mask, the job's model and
 * protocol on the voxels of the mask within {@code radius} mm of it (distances in world space, through
 * the mask's affine), its score (accuracy, the mean over the splits) written at that voxel. The
 * spheres run on all cores. A job with {@code data.nifti} asks for it with {@code searchlight: {radius: 5.6}};
 * the map is written beside the report as {@code searchlight.nii.gz}.
 *
 * @param radius the sphere's radius in mm
 * @param shape the mask's grid
 * @param affine the mask's voxel-to-world affine
 * @param voxels the mask's voxels (flat Fortran-order indices), the order of the trials' features
 * @param scores each voxel's score
 * @param sphereSizes how many voxels each sphere held
 */
public record Searchlight(double radius, long[] shape, double[][] affine, int[] voxels, double[] scores, int[] sphereSizes) {

    static final Set<String> KEYS = Set.of("radius");

    /** Checks, before any work, what {@link #run} needs: its keys, fMRI volumes with a mask, a model that classifies. */
    static void check(Job job, TrialData data, boolean classifies) {
        Job.Section section = job.root().section("searchlight");
        section.only(KEYS);
        section.number("radius", 5.6, 0, 1000);
        if (!classifies) {
            throw job.root().error("searchlight", "a model that classifies", "'" + job.model().text("type") + "'");
        }
        if (!job.data().has("nifti") || data.rows == null) {
            throw job.root().error("searchlight", "fMRI volumes with a mask (data.nifti)", "other data");
        }
    }

    /**
     * Runs the searchlight of {@code job} on {@code data} (fMRI volumes whose features are the mask's voxels),
     * once {@link #check} has passed.
     */
    static Searchlight run(Job job, TrialData data, List<CrossValidation.Split> splits, java.util.function.Consumer<String> log) {
        double radius = job.root().section("searchlight").number("radius", 5.6, 0, 1000);
        Path maskFile = job.data().section("nifti").path("mask", true);
        NiftiImage maskImage = NiftiImage.open(maskFile);
        VoxelMask mask = VoxelMask.nonZero(maskImage);
        int[] voxels = mask.indices();
        if (data.rows[0].length != voxels.length) {
            throw job.root().error("searchlight", "one feature per mask voxel (" + voxels.length + ")",
                    data.rows[0].length + " features");
        }
        long[] shape = mask.shape();
        double[][] affine = maskImage.header().affine();
        // the grid offsets within the radius (distance through the affine's linear part, exact for any affine),
        // then each sphere by lookup: work per sphere, not per pair of voxels
        int[] column = new int[(int) (shape[0] * shape[1] * shape[2])];
        java.util.Arrays.fill(column, -1);
        for (int v = 0; v < voxels.length; v++) {
            column[voxels[v]] = v;
        }
        List<int[]> offsets = new ArrayList<>();
        // |A d| >= |d| / ||A^-1||, so no offset beyond radius · ||A^-1|| (Frobenius, an upper bound) can be in the sphere
        int reach = (int) Math.ceil(radius * inverseNorm(affine));
        for (int di = -reach; di <= reach; di++) {
            for (int dj = -reach; dj <= reach; dj++) {
                for (int dk = -reach; dk <= reach; dk++) {
                    double squared = 0;
                    for (int r = 0; r < 3; r++) {
                        double w = affine[r][0] * di + affine[r][1] * dj + affine[r][2] * dk;
                        squared += w * w;
                    }
                    if (squared <= radius * radius) {
                        offsets.add(new int[] {di, dj, dk});
                    }
                }
            }
        }
        ModelTypes.create(job.model(), data);
        double[] scores = new double[voxels.length];
        int[] sizes = new int[voxels.length];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        IntStream.range(0, voxels.length).parallel().forEach(centre -> {
            long i0 = voxels[centre] % shape[0];
            long j0 = (voxels[centre] / shape[0]) % shape[1];
            long k0 = voxels[centre] / (shape[0] * shape[1]);
            List<Integer> sphere = new ArrayList<>();
            for (int[] o : offsets) {
                long i = i0 + o[0];
                long j = j0 + o[1];
                long k = k0 + o[2];
                if (i >= 0 && i < shape[0] && j >= 0 && j < shape[1] && k >= 0 && k < shape[2]) {
                    int v = column[(int) (i + shape[0] * (j + shape[1] * k))];
                    if (v >= 0) {
                        sphere.add(v);
                    }
                }
            }
            java.util.Collections.sort(sphere);
            int[] columns = sphere.stream().mapToInt(Integer::intValue).toArray();
            TrialData local = data.columns(columns);
            JobModel model = ModelTypes.create(job.model(), local);
            double sum = 0;
            for (CrossValidation.Split split : splits) {
                model.fit(local, split.train());
                double[][] predicted = model.predict(local, split.test());
                int correct = 0;
                for (int i = 0; i < predicted.length; i++) {
                    correct += data.classes().get((int) predicted[i][0]).equals(data.labels.get(split.test()[i])) ? 1 : 0;
                }
                sum += correct / (double) predicted.length;
            }
            scores[centre] = sum / splits.size();
            sizes[centre] = columns.length;
            int n = done.incrementAndGet();
            if (n % Math.max(1, voxels.length / 10) == 0) {
                log.accept(String.format(java.util.Locale.ROOT, "searchlight: %d/%d spheres, %.0f s", n, voxels.length,
                        (System.nanoTime() - start) / 1e9));
            }
        });
        return new Searchlight(radius, shape, affine, voxels, scores, sizes);
    }

    /** The Frobenius norm of the inverse of the affine's 3 × 3 linear part. */
    private static double inverseNorm(double[][] a) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        if (det == 0) {
            throw new IllegalArgumentException("the mask's affine is singular");
        }
        double sum = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                // the cofactor of (r, c), which is (det ×) the inverse's entry (c, r)
                double cofactor = a[(r + 1) % 3][(c + 1) % 3] * a[(r + 2) % 3][(c + 2) % 3]
                        - a[(r + 1) % 3][(c + 2) % 3] * a[(r + 2) % 3][(c + 1) % 3];
                sum += cofactor * cofactor;
            }
        }
        return Math.sqrt(sum) / Math.abs(det);
    }

    /** Writes the score map as NIfTI (0 outside the mask) on the mask's grid and affine. */
    void write(Path file) {
        double[] map = new double[(int) (shape[0] * shape[1] * shape[2])];
        for (int v = 0; v < voxels.length; v++) {
            map[voxels[v]] = scores[v];
        }
        NiftiWriter.create(shape[0], shape[1], shape[2]).affine(affine)
                .description("neurodec searchlight accuracy, radius " + radius + " mm").write(file, map);
    }

    /** The best voxel's score and the mean sphere size, for the summary. */
    java.util.Map<String, Object> summary() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("radius_mm", radius);
        m.put("voxels", voxels.length);
        m.put("mean_sphere_voxels", java.util.Arrays.stream(sphereSizes).average().orElse(0));
        m.put("best_accuracy", java.util.Arrays.stream(scores).max().orElse(Double.NaN));
        m.put("mean_accuracy", java.util.Arrays.stream(scores).average().orElse(Double.NaN));
        m.put("map", "searchlight.nii.gz");
        return m;
    }
}
