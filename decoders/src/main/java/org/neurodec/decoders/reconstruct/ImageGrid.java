package org.neurodec.decoders.reconstruct;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.neurodec.ingest.AtomicFile;
import org.neurodec.decoders.DecoderException;

/**
 * A PNG grid of seen and reconstructed images: one column per trial, one row per image set (for
 * example the seen images above their reconstructions), each image scaled up by an integer factor.
 * Values are grey levels in [0, 1], clipped; the file is written through {@link AtomicFile}.
 */
public final class ImageGrid {

    private ImageGrid() {
    }

    /** Writes {@code rows} (sets × images × width·height pixels, row-major) to {@code file}. */
    public static void write(Path file, double[][][] rows, int width, int height, int zoom) {
        BufferedImage image = render(rows, width, height, zoom);
        AtomicFile.writeVia(file, temporary -> {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new DecoderException(file + ": no PNG writer in this Java runtime");
            }
        });
    }

    /** The grid of {@code rows} (sets × images × width·height pixels, row-major) as an image. */
    public static BufferedImage render(double[][][] rows, int width, int height, int zoom) {
        int columns = rows[0].length;
        int gap = zoom;
        BufferedImage image = new BufferedImage(columns * (width * zoom + gap) + gap, rows.length * (height * zoom + gap) + gap,
                BufferedImage.TYPE_BYTE_GRAY);
        var raster = image.getRaster();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                raster.setSample(x, y, 0, 128);
            }
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new DecoderException("image grid: row " + r + ": expected " + columns + " images, found " + rows[r].length);
            }
            for (int c = 0; c < columns; c++) {
                double[] pixels = rows[r][c];
                if (pixels.length != width * height) {
                    throw new DecoderException("image grid: image " + c + " of row " + r + ": expected " + width * height
                            + " pixels, found " + pixels.length);
                }
                int left = gap + c * (width * zoom + gap);
                int top = gap + r * (height * zoom + gap);
                for (int y = 0; y < height * zoom; y++) {
                    for (int x = 0; x < width * zoom; x++) {
                        double v = pixels[(y / zoom) * width + x / zoom];
                        int grey = (int) Math.round(255 * Math.max(0, Math.min(1, Double.isNaN(v) ? 0 : v)));
                        raster.setSample(left + x, top + y, 0, grey);
                    }
                }
            }
        }
        return image;
    }
}
