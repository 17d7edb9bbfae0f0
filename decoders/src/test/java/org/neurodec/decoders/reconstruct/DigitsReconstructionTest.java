package org.neurodec.decoders.reconstruct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;

import org.junit.jupiter.api.Test;
import org.neurodec.decoders.classify.Golden;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.subjects.adapters.Ridge;
import org.neurodec.decoders.stats.Significance;
import org.neurodec.decoders.stats.Metrics;

/**
 * Real fMRI image reconstruction on digits69 (van Gerven et al. 2010): ridge from the 3092 V1–V3
 * voxels to the 28 × 28 pixels, trained on the 90 training trials, scored on the 10 test images
 * against the data README's ridge baseline, pixel correlation 0.787.
 */
class DigitsReconstructionTest {

    @Test
    void reconstructsTheTestDigitsAtLeastAsWellAsTheRidgeBaseline(@TempDir Path dir) throws Exception {
        try (Hdf5File h5 = Hdf5File.open(TestData.file("real/digits69/digits69.h5"))) {
            double[][] trainVoxels = Golden.rows(h5, "train/fmri");
            double[][] trainPixels = scaled(Golden.rows(h5, "train/stimuli"));
            double[][] testVoxels = Golden.rows(h5, "test/fmri");
            double[][] testPixels = scaled(Golden.rows(h5, "test/stimuli"));
            double[] alphas = Ridge.logSpace(-1, 6, 29);
            Significance.Score pixels = Metrics.pixelCorrelation(
                    PixelReconstruction.fit(trainVoxels, trainPixels, alphas, false).predict(testVoxels), testPixels, 999, 1);
            PixelReconstruction components = PixelReconstruction.fitComponentsCrossValidated(trainVoxels, trainPixels,
                    new int[] {2, 3, 5, 8, 12, 20, 30, 40}, 10, alphas);
            Significance.Score pca = Metrics.pixelCorrelation(components.predict(testVoxels), testPixels, 999, 1);
            System.out.printf("digits69: ridge to pixels %.4f [%.3f, %.3f]; ridge to %d principal components (chosen by"
                    + " 10-fold CV on the training trials) %.4f [%.3f, %.3f], p %.4f%n", pixels.value(), pixels.low(),
                    pixels.high(), components.components(), pca.value(), pca.low(), pca.high(), pca.pValue());
            assertTrue(pixels.value() > 0.78, "ridge to pixels is the data README's baseline, 0.787: " + pixels);
            assertTrue(pca.value() >= 0.787, "at least the data README's ridge baseline, 0.787: " + pca);
            assertTrue(pca.pValue() < 0.01, pca.toString());
            Path grid = dir.resolve("figures/reconstructions.png");
            ImageGrid.write(grid, new double[][][] {testPixels, components.predict(testVoxels)}, 28, 28, 4);
            BufferedImage image = ImageIO.read(grid.toFile());
            assertEquals(10 * (28 * 4 + 4) + 4, image.getWidth(), "ten columns of 28 × 4 pixels with gaps");
            assertEquals(2 * (28 * 4 + 4) + 4, image.getHeight(), "seen above reconstructed");
            int seenCentre = image.getRaster().getSample(4 + 14 * 4, 4 + 14 * 4, 0);
            assertEquals((int) Math.round(255 * testPixels[0][14 * 28 + 14]), seenCentre, "the first seen digit's centre pixel");
        }
    }

    private static double[][] scaled(double[][] pixels) {
        for (double[] row : pixels) {
            for (int i = 0; i < row.length; i++) {
                row[i] /= 255.0;
            }
        }
        return pixels;
    }
}
