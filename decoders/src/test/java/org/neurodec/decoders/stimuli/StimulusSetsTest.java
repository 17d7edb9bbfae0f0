package org.neurodec.decoders.stimuli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.ingest.TestData;
import org.neurodec.decoders.DecoderException;

/** Stimulus features from CSV, HDF5 (h5py) and .npy (NumPy), and low-level image features against scikit-learn's PCA. */
class StimulusSetsTest {

    @Test
    void theSameFeaturesFromEveryFormat() {
        StimulusFeatures csv = StimulusSets.read(TestData.resource("stimuli/features.csv"));
        for (String file : List.of("stimuli/features.h5", "stimuli/features.npy")) {
            StimulusFeatures other = StimulusSets.read(TestData.resource(file));
            assertEquals(List.copyOf(csv.ids()), List.copyOf(other.ids()), file);
            for (String id : csv.ids()) {
                assertArrayEquals(csv.get(id), other.get(id), 0f, file + " " + id);
            }
        }
        assertEquals(List.of("cat", "dog", "img-01", "img-02", "hammer", "saw"), List.copyOf(csv.ids()));
    }

    @Test
    void principalScoresMatchScikitLearn() throws Exception {
        double[][] rows = new double[8][16];
        for (int i = 0; i < 8; i++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    rows[i][y * 4 + x] = ((3 * i + 5 * y + 7 * x) % 11) / 10.0;
                }
            }
        }
        double[][] scores = StimulusSets.principalScores(rows, 3);
        JsonNode golden = new ObjectMapper().readTree(TestData.resource("stimuli/principal_scores.json").toFile());
        for (int i = 0; i < 8; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(golden.at("/abs_scores/" + i + "/" + c).asDouble(), Math.abs(scores[i][c]), 1e-9, i + "," + c);
            }
        }
    }

    @Test
    void imagesAreDownsampledByAreaAndNamedByFile(@TempDir Path dir) throws Exception {
        // a 4 x 4 image of 2 x 2 blocks: black, white / white, grey 102 -> averages 0, 1, 1, 0.4
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        int[] blocks = {0, 255, 255, 102};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int g = blocks[(y / 2) * 2 + x / 2];
                image.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        ImageIO.write(image, "png", dir.resolve("b.png").toFile());
        ImageIO.write(image, "png", dir.resolve("a.png").toFile());
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        StimulusFeatures pixels = StimulusSets.fromImages(dir, 2, 0);
        assertEquals(List.of("a", "b"), List.copyOf(pixels.ids()));
        assertArrayEquals(new float[] {0, 1, 1, 0.4f}, pixels.get("a"), 1e-6f);
        DecoderException tooMany = assertThrows(DecoderException.class, () -> StimulusSets.fromImages(dir, 2, 3));
        assertTrue(tooMany.getMessage().contains("expected 1..2 principal components"), tooMany.getMessage());
    }
}
