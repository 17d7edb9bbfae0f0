package org.neurodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** neurodec features: low-level image features as the CSV the encoder commands read. */
class FeaturesCommandTest {

    @Test
    void imagesBecomeAFeatureCsv(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 3; i++) {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    int g = (x * 30 + y * 7 * i) % 256;
                    image.setRGB(x, y, g << 16 | g << 8 | g);
                }
            }
            ImageIO.write(image, "png", images.resolve("img-" + i + ".png").toFile());
        }
        Path csv = dir.resolve("features.csv");
        CommandLineTest.Result r = CommandLineTest.run("features", images.toString(), "--pixels", "4", "--components", "2", "-o",
                csv.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("stimulus_id,f0,f1", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("img-0,"), lines.get(1));
        CommandLineTest.Result missing = CommandLineTest.run("features", dir.resolve("none").toString(), "-o",
                dir.resolve("none.csv").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("found nothing"), missing.err());
    }
}
