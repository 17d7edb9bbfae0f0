package org.neurodec.decoders.stimuli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.ingest.npy.NpyFile;
import org.neurodec.decoders.DecoderException;

/**
 * Stimulus sets: each stimulus id with its feature vector, from a CSV ({@code stimulus_id,f0,…}),
 * an HDF5 file (a dataset of ids and one of features), a NumPy {@code .npy} matrix with the ids in a
 * text file (one per line), or computed from a folder of PNG/JPEG images as low-level features: each
 * image in grey levels, downsampled by area averaging, then projected on the set's principal
 * components (or kept as pixels). A word list with vectors is a CSV like any other.
 */
public final class StimulusSets {

    private StimulusSets() {
    }

    /** Features from a CSV, an HDF5 file (datasets {@code ids} and {@code features}) or a .npy with {@code <name>.ids.txt}. */
    public static StimulusFeatures read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return StimulusFeatures.readCsv(file);
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return readHdf5(file, "ids", "features");
        }
        if (name.endsWith(".npy")) {
            return readNpy(file, file.resolveSibling(name.substring(0, name.length() - 4) + ".ids.txt"));
        }
        throw new DecoderException(file + ": expected stimulus features as .csv, .h5/.hdf5 or .npy, found "
                + name.substring(Math.max(0, name.lastIndexOf('.'))));
    }

    /** Features from an HDF5 file: {@code idsPath} (strings) and {@code featuresPath} (stimuli × features). */
    public static StimulusFeatures readHdf5(Path file, String idsPath, String featuresPath) {
        try (Hdf5File h5 = Hdf5File.open(file)) {
            String[] ids = h5.read(idsPath).toStrings();
            long[] shape = h5.shape(featuresPath);
            double[] flat = h5.read(featuresPath).toDoubles();
            if (shape.length != 2 || shape[0] != ids.length) {
                throw new DecoderException(file + ": dataset '" + featuresPath + "': expected " + ids.length
                        + " × features (one row per id in '" + idsPath + "'), found " + java.util.Arrays.toString(shape));
            }
            return of(List.of(ids), flat, (int) shape[1]);
        }
    }

    /** Features from a .npy matrix (stimuli × features) and its ids, one per line of {@code idsFile}. */
    public static StimulusFeatures readNpy(Path file, Path idsFile) {
        NpyFile npy = NpyFile.read(file);
        List<String> ids;
        try {
            ids = Files.readAllLines(idsFile).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new DecoderException(file + ": expected its stimulus ids in " + idsFile + ", one per line, found none", e);
        }
        if (npy.shape().length != 2 || npy.shape()[0] != ids.size()) {
            throw new DecoderException(file + ": field 'shape': expected " + ids.size() + " × features (one row per id in "
                    + idsFile.getFileName() + "), found " + java.util.Arrays.toString(npy.shape()));
        }
        return of(ids, npy.values(), (int) npy.shape()[1]);
    }

    private static StimulusFeatures of(List<String> ids, double[] flat, int width) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            float[] v = new float[width];
            for (int j = 0; j < width; j++) {
                v[j] = (float) flat[i * width + j];
            }
            if (vectors.put(ids.get(i), v) != null) {
                throw new DecoderException("stimulus '" + ids.get(i) + "': expected one feature row, found two");
            }
        }
        return StimulusFeatures.of(vectors);
    }

    /**
     * Low-level features of every PNG/JPEG in {@code folder} (ids: file names without extension,
     * sorted): grey levels in [0, 1], downsampled to {@code size} × {@code size} by area averaging, then
     * the scores on the first {@code components} principal components of the set (0: the pixels).
     */
    public static StimulusFeatures fromImages(Path folder, int size, int components) {
        List<Path> files = imageFiles(folder);
        List<String> ids = new ArrayList<>();
        double[][] pixels = new double[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            ids.add(name.substring(0, name.lastIndexOf('.')));
            pixels[i] = downsample(image(files.get(i)), size);
        }
        double[][] rows = components == 0 ? pixels : principalScores(pixels, components);
        double[] flat = new double[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        return of(ids, flat, rows[0].length);
    }

    /** The PNG and JPEG files of {@code folder}, sorted by name; none is an error. */
    static List<Path> imageFiles(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new DecoderException(folder + ": cannot list the images: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new DecoderException(folder + ": expected PNG or JPEG images, found none");
        }
        return files;
    }

    private static BufferedImage image(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new DecoderException(file + ": expected a PNG or JPEG image, found an unreadable file");
            }
            return image;
        } catch (IOException e) {
            throw new DecoderException(file + ": cannot read the image: " + e.getMessage(), e);
        }
    }

    /** Grey levels (ITU-R 601 luma) averaged over the source pixels each output pixel covers. */
    static double[] downsample(BufferedImage image, int size) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] sums = new double[size * size];
        double[] weights = new double[size * size];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                double grey = (0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255)) / 255;
                int cell = (int) ((long) y * size / h) * size + (int) ((long) x * size / w);
                sums[cell] += grey;
                weights[cell]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] = weights[i] > 0 ? sums[i] / weights[i] : 0;
        }
        return sums;
    }

    /** The rows' scores on their first {@code k} principal components (centred; signs as the SVD gives them). */
    static double[][] principalScores(double[][] rows, int k) {
        int n = rows.length;
        int p = rows[0].length;
        if (k < 1 || k > Math.min(n, p)) {
            throw new DecoderException("image features: expected 1.." + Math.min(n, p) + " principal components for " + n
                    + " images of " + p + " pixels, found " + k);
        }
        double[] mean = new double[p];
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j] / n;
            }
        }
        double[][] centred = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                centred[i][j] = rows[i][j] - mean[j];
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(centred, false));
        double[][] u = svd.getU().getData();
        double[] s = svd.getSingularValues();
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                out[i][c] = u[i][c] * s[c];
            }
        }
        return out;
    }
}
