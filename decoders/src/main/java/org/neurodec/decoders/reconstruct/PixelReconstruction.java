package org.neurodec.decoders.reconstruct;

import org.neurodec.subjects.adapters.Ridge;
import org.neurodec.subjects.adapters.RidgeModel;
import org.neurodec.decoders.stats.Metrics;
import org.neurodec.decoders.classify.Standardizer;
import org.neurodec.decoders.DecoderException;

/**
 * Image reconstruction by ridge regression from voxels to pixels: voxels z-scored with the training
 * trials' mean and standard deviation, one penalty per pixel or one for all, chosen among
 * {@code alphas} by leave-one-out error on the training trials.
 */
public final class PixelReconstruction {

    private final Standardizer voxelScaling;
    private final RidgeModel ridge;
    /** Pixel mean and principal axes (components × pixels) when decoding components; null for pixels. */
    private final double[] pixelMean;
    private final double[][] axes;

    private PixelReconstruction(Standardizer voxelScaling, RidgeModel ridge, double[] pixelMean, double[][] axes) {
        this.voxelScaling = voxelScaling;
        this.ridge = ridge;
        this.pixelMean = pixelMean;
        this.axes = axes;
    }

    /**
     * Chooses the number of components among {@code candidates} by the mean pixel correlation of
     * {@code folds}-fold cross-validation on the training trials (interleaved folds), then fits with it
     * on all of them.
     */
    public static PixelReconstruction fitComponentsCrossValidated(double[][] voxels, double[][] pixels, int[] candidates,
            int folds, double[] alphas) {
        int n = voxels.length;
        double[] sums = new double[candidates.length];
        int[] scored = new int[candidates.length];
        for (int f = 0; f < folds; f++) {
            final int fold = f;
            int[] fit = java.util.stream.IntStream.range(0, n).filter(i -> i % folds != fold).toArray();
            int[] held = java.util.stream.IntStream.range(0, n).filter(i -> i % folds == fold).toArray();
            // the fold's principal axes once, for every candidate count
            Principal principal = Principal.of(select(pixels, fit));
            for (int c = 0; c < candidates.length; c++) {
                int k = candidates[c];
                if (k > Math.min(fit.length, pixels[0].length)) {
                    continue;
                }
                double[][] predicted = fitComponents(select(voxels, fit), principal, k, alphas).predict(select(voxels, held));
                for (int i = 0; i < held.length; i++) {
                    sums[c] += Metrics.pearson(predicted[i], pixels[held[i]]);
                    scored[c]++;
                }
            }
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates.length; c++) {
            if (scored[c] > 0 && sums[c] / scored[c] > bestScore) {
                bestScore = sums[c] / scored[c];
                best = candidates[c];
            }
        }
        if (best < 0) {
            throw new DecoderException("reconstruction: no candidate component count fits " + n + " trials in " + folds
                    + " folds: " + java.util.Arrays.toString(candidates));
        }
        return fitComponents(voxels, pixels, best, alphas);
    }

    private static double[][] select(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    /** How many principal components are decoded (0 when pixels are decoded directly). */
    public int components() {
        return axes == null ? 0 : axes.length;
    }

    /**
     * Fits voxels to the scores of the training images' first {@code components} principal
     * components; a reconstruction is the mean image plus the decoded scores times the axes.
     */
    public static PixelReconstruction fitComponents(double[][] voxels, double[][] pixels, int components, double[] alphas) {
        return fitComponents(voxels, Principal.of(pixels), components, alphas);
    }

    /** Training images' mean, the images centred on it, and their principal axes (columns of V). */
    private record Principal(double[] mean, double[][] centred, double[][] v) {

        static Principal of(double[][] pixels) {
            int n = pixels.length;
            int p = pixels[0].length;
            double[] mean = new double[p];
            for (double[] row : pixels) {
                for (int j = 0; j < p; j++) {
                    mean[j] += row[j] / n;
                }
            }
            double[][] centred = new double[n][p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    centred[i][j] = pixels[i][j] - mean[j];
                }
            }
            org.apache.commons.math3.linear.SingularValueDecomposition svd =
                    new org.apache.commons.math3.linear.SingularValueDecomposition(
                            new org.apache.commons.math3.linear.Array2DRowRealMatrix(centred, false));
            return new Principal(mean, centred, svd.getV().getData());
        }
    }

    private static PixelReconstruction fitComponents(double[][] voxels, Principal principal, int components, double[] alphas) {
        double[][] centred = principal.centred();
        int n = centred.length;
        int p = centred[0].length;
        if (components < 1 || components > Math.min(n, p)) {
            throw new DecoderException("reconstruction: expected 1.." + Math.min(n, p) + " components, found " + components);
        }
        double[][] axes = new double[components][];
        double[][] v = principal.v();
        for (int k = 0; k < components; k++) {
            axes[k] = new double[p];
            for (int j = 0; j < p; j++) {
                axes[k][j] = v[j][k];
            }
        }
        double[][] scores = new double[n][components];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < components; k++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += centred[i][j] * axes[k][j];
                }
                scores[i][k] = s;
            }
        }
        PixelReconstruction onPixels = fit(voxels, scores, alphas, false);
        return new PixelReconstruction(onPixels.voxelScaling, onPixels.ridge, principal.mean().clone(), axes);
    }

    /** Fits trials × voxels {@code voxels} to trials × pixels {@code pixels}. */
    public static PixelReconstruction fit(double[][] voxels, double[][] pixels, double[] alphas, boolean alphaPerPixel) {
        if (voxels.length != pixels.length || voxels.length < 3) {
            throw new DecoderException("reconstruction: expected the same number (>= 3) of voxel and image rows, found "
                    + voxels.length + " and " + pixels.length);
        }
        Standardizer scaling = Standardizer.fit(voxels);
        return new PixelReconstruction(scaling, Ridge.fit(scaling.apply(voxels), pixels, alphas, alphaPerPixel), null, null);
    }

    /** The reconstructed pixels of each trial, trials × pixels. */
    public double[][] predict(double[][] voxels) {
        double[][] decoded = ridge.predict(voxelScaling.apply(voxels));
        if (axes == null) {
            return decoded;
        }
        double[][] out = new double[decoded.length][];
        for (int i = 0; i < decoded.length; i++) {
            out[i] = pixelMean.clone();
            for (int k = 0; k < axes.length; k++) {
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] += decoded[i][k] * axes[k][j];
                }
            }
        }
        return out;
    }

    /** The penalty chosen for each pixel (one value when one penalty serves all). */
    public double[] alphas() {
        return ridge.alphas().clone();
    }
}
