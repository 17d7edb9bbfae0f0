package org.neurodec.subjects.sources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neurodec.NeurodecException;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.SubjectsException;
import org.neurodec.subjects.TrialInfo;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.TrialSource;

/**
 * A trial matrix in an HDF5 file: dataset {@code x} (trials × features, or trials × any shape,
 * flattened: the epochs {@code neurodec preprocess} writes as {@code data}), with optional stimulus
 * images ({@code images}: trials × height × width, uint8 scaled to [0, 1] or floats as they are) and
 * {@code labels}, numbers or text (such as the {@code epochs/condition} or {@code stimulus} datasets
 * {@code neurodec preprocess} writes); when {@code train} and {@code test} groups are named, each holds its own
 * datasets of those names and the test group's trials are held out. One subject, id "". A trial's
 * stimulus id is its index in the file.
 *
 * @param file the HDF5 file
 * @param x the trial matrix's dataset path
 * @param images the images' dataset path (null: none)
 * @param labels the labels' dataset path (null: none)
 * @param train the training group (null: the datasets are at the file's root)
 * @param test the held-out group (null: none)
 */
public record Hdf5TrialSource(Path file, String x, String images, String labels, String train, String test)
        implements TrialSource {

    @Override
    public List<String> subjects() {
        return List.of("");
    }

    @Override
    public SubjectTrials load(String subject, Consumer<String> progress) {
        progress.accept("reading " + file.getFileName());
        List<String> groups = train == null ? List.of("") : test == null ? List.of(train) : List.of(train, test);
        List<double[]> rows = new ArrayList<>();
        List<double[]> pictures = new ArrayList<>();
        List<TrialInfo> info = new ArrayList<>();
        int width = 0;
        int height = 0;
        String name = file.getFileName().toString();
        try (Hdf5File h5 = Hdf5File.open(file)) {
            for (String group : groups) {
                String prefix = group.isEmpty() ? "" : group + "/";
                int before = rows.size();
                rows.addAll(matrix(h5, prefix + x));
                int n = rows.size() - before;
                if (images != null) {
                    long[] shape = h5.shape(prefix + images);
                    if (shape.length != 3 || shape[0] != n) {
                        throw new SubjectsException(file + ": dataset " + prefix + images + ": expected an array of " + n
                                + " × height × width, found " + Arrays.toString(shape));
                    }
                    height = (int) shape[1];
                    width = (int) shape[2];
                    double scale = h5.dtype(prefix + images).equals("uint8") ? 255.0 : 1.0;
                    for (double[] image : matrix(h5, prefix + images)) {
                        for (int i = 0; i < image.length; i++) {
                            image[i] /= scale;
                        }
                        pictures.add(image);
                    }
                }
                String[] classes = new String[n];
                Arrays.fill(classes, "");
                if (labels != null) {
                    org.neurodec.ingest.hdf5.Hdf5Array array = h5.read(prefix + labels);
                    if (array.size() != n) {
                        throw new SubjectsException(file + ": dataset " + prefix + labels + ": expected " + n + " labels, found "
                                + array.size());
                    }
                    if (array.isNumeric()) {
                        double[] values = array.toDoubles();
                        for (int i = 0; i < n; i++) {
                            double v = values[i];
                            classes[i] = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
                        }
                    } else {
                        // text labels, as neurodec preprocess writes them (epochs/condition, stimulus)
                        String[] text = array.toStrings();
                        System.arraycopy(text, 0, classes, 0, n);
                    }
                }
                boolean heldOut = group.equals(test);
                for (int i = 0; i < n; i++) {
                    info.add(new TrialInfo(subject, group, "", classes[i], String.valueOf(before + i), name, heldOut));
                }
            }
        } catch (NeurodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SubjectsException(file + ": " + e.getMessage(), e);
        }
        int features = rows.isEmpty() ? 0 : rows.get(0).length;
        if (rows.isEmpty() || features == 0) {
            throw new SubjectsException(file + ": dataset " + x + ": expected trials × features, found " + rows.size()
                    + " × " + features);
        }
        float[] values = new float[rows.size() * features];
        for (int t = 0; t < rows.size(); t++) {
            for (int f = 0; f < features; f++) {
                values[t * features + f] = (float) rows.get(t)[f];
            }
        }
        TrialSet trials = TrialSet.wrapFeatures(subject, features, values, info.stream().map(TrialInfo::stimulus).toList());
        SubjectTrials.TrialImages stimuli = pictures.isEmpty() ? null
                : new SubjectTrials.TrialImages(width, height, pictures.toArray(double[][]::new));
        return new SubjectTrials(trials, Subject.of(trials.withSubject(subject.isEmpty() ? "all" : subject), List.of()), info,
                Double.NaN, Double.NaN, stimuli, Double.NaN);
    }

    private static List<double[]> matrix(Hdf5File h5, String path) {
        long[] shape = h5.shape(path);
        double[] flat = h5.read(path).toDoubles();
        int n = (int) shape[0];
        int width = n == 0 ? 0 : flat.length / n;
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Arrays.copyOfRange(flat, i * width, (i + 1) * width));
        }
        return out;
    }

    @Override
    public Map<Path, String> inputs() {
        return Map.of(file, "trials");
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hdf5", file.toAbsolutePath().normalize().toString());
        p.put("x", x);
        p.put("images", images);
        p.put("labels", labels);
        p.put("train", train);
        p.put("test", test);
        return p;
    }
}
