package org.neurodec.cohort;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.neurodec.ingest.AtomicFile;

/**
 * The stimuli every subject sees, with their truth: a latent description of each (images: random;
 * words: near their category's centre), the shared neural code {@code relu(H z + b)} that brains
 * respond to, and the features {@code tanh(G z)} a decoder is asked to recover. Images are rendered
 * from the latent as 32 × 32 grey PNGs, so they look alike when their latents are alike.
 */
public final class Stimuli {

    /** Side of the rendered images in pixels. */
    public static final int IMAGE_SIZE = 32;

    private final List<String> ids;
    private final List<String> kinds;
    private final List<String> labels;
    private final double[][] latents;
    private final double[][] codes;
    private final double[][] features;
    private final double[][] basis;

    private Stimuli(List<String> ids, List<String> kinds, List<String> labels, double[][] latents, double[][] codes,
            double[][] features, double[][] basis) {
        this.ids = ids;
        this.kinds = kinds;
        this.labels = labels;
        this.latents = latents;
        this.codes = codes;
        this.features = features;
        this.basis = basis;
    }

    /** Draws the stimuli of a cohort. */
    public static Stimuli generate(CohortSpec spec) {
        Random random = new Random(spec.seed() ^ 0x5717L);
        int n = spec.stimuli();
        int l = spec.latentDim();
        List<String> ids = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[][] z = new double[n][];
        for (int i = 0; i < spec.images(); i++) {
            ids.add(String.format(Locale.ROOT, "img-%03d", i));
            kinds.add("image");
            labels.add("");
            z[i] = Matrices.gaussian(random, 1, l, 1.0)[0];
        }
        double[][] centres = Matrices.gaussian(random, spec.wordCategories(), l, 1.2);
        for (int c = 0, i = spec.images(); c < spec.wordCategories(); c++) {
            for (int w = 0; w < spec.wordsPerCategory(); w++, i++) {
                ids.add(Vocabulary.word(c, w));
                kinds.add("word");
                labels.add(Vocabulary.category(c));
                double[] noise = Matrices.gaussian(random, 1, l, 0.6)[0];
                z[i] = new double[l];
                for (int k = 0; k < l; k++) {
                    z[i][k] = centres[c][k] + noise[k];
                }
            }
        }
        double[][] h = Matrices.gaussian(random, spec.codeDim(), l, 1.0 / Math.sqrt(l));
        double[][] g = Matrices.gaussian(random, spec.featureDim(), l, 1.5 / Math.sqrt(l));
        double[][] basis = Matrices.gaussian(random, l, IMAGE_SIZE * IMAGE_SIZE, 1.0);
        double[][] codes = new double[n][];
        double[][] features = new double[n][];
        for (int i = 0; i < n; i++) {
            codes[i] = code(h, z[i]);
            features[i] = Matrices.times(g, z[i]);
            for (int k = 0; k < features[i].length; k++) {
                features[i][k] = Math.tanh(features[i][k]);
            }
        }
        return new Stimuli(List.copyOf(ids), List.copyOf(kinds), List.copyOf(labels), z, codes, features,
                smooth(basis));
    }

    /** The shared neural code of a latent under the projection {@code h}: relu(h z + 0.2). */
    static double[] code(double[][] h, double[] z) {
        double[] c = Matrices.times(h, z);
        for (int k = 0; k < c.length; k++) {
            c[k] = Math.max(0, c[k] + 0.2);
        }
        return c;
    }

    /** Stimulus ids: {@code img-000 …} then the words. */
    public List<String> ids() {
        return ids;
    }

    /** How many stimuli. */
    public int size() {
        return ids.size();
    }

    /** "image" or "word" for stimulus {@code i}. */
    public String kind(int i) {
        return kinds.get(i);
    }

    /** The category of a word ("" for images). */
    public String label(int i) {
        return labels.get(i);
    }

    /** A copy of stimulus {@code i}'s latent. */
    public double[] latent(int i) {
        return latents[i].clone();
    }

    /** A copy of stimulus {@code i}'s shared neural code. */
    public double[] code(int i) {
        return codes[i].clone();
    }

    /** A copy of stimulus {@code i}'s features. */
    public double[] features(int i) {
        return features[i].clone();
    }

    /** The path of stimulus {@code i} under the dataset's {@code stimuli/} folder. */
    public String file(int i) {
        return kinds.get(i).equals("image") ? "images/" + ids.get(i) + ".png" : "words/" + ids.get(i) + ".txt";
    }

    /** Writes images, word files, {@code stimuli.tsv} and {@code features.csv} into {@code folder}. */
    public void write(Path folder) {
        StringBuilder table = new StringBuilder("stimulus_id\tkind\tcategory\tclass\tstim_file\n");
        StringBuilder csv = new StringBuilder("stimulus_id");
        for (int k = 0; k < features[0].length; k++) {
            csv.append(",f").append(k);
        }
        csv.append('\n');
        for (int i = 0; i < size(); i++) {
            Path file = folder.resolve(file(i));
            if (kind(i).equals("image")) {
                BufferedImage image = render(latents[i]);
                AtomicFile.write(file, out -> ImageIO.write(image, "png", out));
            } else {
                Texts.write(file, ids.get(i) + "\n");
            }
            table.append(ids.get(i)).append('\t').append(kind(i)).append('\t')
                    .append(label(i).isEmpty() ? "n/a" : label(i)).append('\t')
                    .append(label(i).isEmpty() ? kind(i) : label(i)).append('\t').append(file(i)).append('\n');
            csv.append(ids.get(i));
            for (double f : features[i]) {
                csv.append(',').append((float) f);
            }
            csv.append('\n');
        }
        Texts.write(folder.resolve("stimuli.tsv"), table.toString());
        Texts.write(folder.resolve("features.csv"), csv.toString());
    }

    /** The grey image of a latent: a logistic squash of the latent's mix of smooth basis patterns. */
    BufferedImage render(double[] z) {
        BufferedImage image = new BufferedImage(IMAGE_SIZE, IMAGE_SIZE, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < IMAGE_SIZE * IMAGE_SIZE; p++) {
            double v = 0;
            for (int k = 0; k < z.length; k++) {
                v += z[k] * basis[k][p];
            }
            int grey = (int) Math.rint(255 / (1 + Math.exp(-v / Math.sqrt(z.length))));
            image.getRaster().setSample(p % IMAGE_SIZE, p / IMAGE_SIZE, 0, grey);
        }
        return image;
    }

    /** Smooths each basis pattern with a 7 × 7 box (twice), so that images have blobs, not noise. */
    private static double[][] smooth(double[][] patterns) {
        double[][] out = new double[patterns.length][];
        for (int k = 0; k < patterns.length; k++) {
            double[] p = patterns[k];
            for (int pass = 0; pass < 2; pass++) {
                double[] q = new double[p.length];
                for (int y = 0; y < IMAGE_SIZE; y++) {
                    for (int x = 0; x < IMAGE_SIZE; x++) {
                        double sum = 0;
                        for (int dy = -3; dy <= 3; dy++) {
                            for (int dx = -3; dx <= 3; dx++) {
                                int yy = Math.floorMod(y + dy, IMAGE_SIZE);
                                int xx = Math.floorMod(x + dx, IMAGE_SIZE);
                                sum += p[yy * IMAGE_SIZE + xx];
                            }
                        }
                        q[y * IMAGE_SIZE + x] = sum / 7.0;
                    }
                }
                p = q;
            }
            out[k] = p;
        }
        return out;
    }
}
