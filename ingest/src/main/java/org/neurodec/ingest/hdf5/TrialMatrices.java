package org.neurodec.ingest.hdf5;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurodec.ingest.IngestException;

/** Reads {@link TrialMatrix trial matrices} from HDF5 files as a {@link TrialMatrixSpec} describes them. */
public final class TrialMatrices {

    private TrialMatrices() {
    }

    /**
     * Reads the trial matrix of {@code spec} from {@code file}, one trial at a time, so that memory
     * holds the output and a single trial.
     */
    public static TrialMatrix read(Path file, TrialMatrixSpec spec) {
        try (Hdf5File hdf = Hdf5File.open(file)) {
            long[] shape = hdf.shape(spec.data());
            if (shape.length < 2) {
                throw IngestException.badField(file, spec.data(), "a trials × features dataset (2 or more dimensions)",
                        "shape " + Arrays.toString(shape));
            }
            long[] featureShape = Arrays.copyOfRange(shape, 1, shape.length);
            long perTrial = Arrays.stream(featureShape).reduce(1, (a, b) -> a * b);
            if (perTrial > Integer.MAX_VALUE - 64) {
                throw IngestException.badField(file, spec.data(), "trials of at most 2^31 values", perTrial);
            }
            int[] selection = selection(file, spec, (int) perTrial);
            int trials = Math.toIntExact(shape[0]);
            int features = selection == null ? (int) perTrial : selection.length;
            if (trials == 0 || features == 0) {
                throw IngestException.badField(file, spec.data(), "at least one trial and one feature",
                        "shape " + Arrays.toString(shape) + (selection == null ? "" : " with " + features + " features selected"));
            }
            if ((long) trials * features > Integer.MAX_VALUE - 64) {
                throw IngestException.badField(file, spec.data(), "a trial matrix that fits one Java array",
                        trials + " x " + features);
            }
            double divisor = divisor(hdf, spec);
            float[] values = new float[trials * features];
            long[] offset = new long[shape.length];
            int[] count = new int[shape.length];
            count[0] = 1;
            for (int d = 1; d < shape.length; d++) {
                count[d] = (int) shape[d];
            }
            for (int t = 0; t < trials; t++) {
                offset[0] = t;
                double[] trial = hdf.read(spec.data(), offset, count).toDoubles();
                for (int f = 0; f < features; f++) {
                    values[t * features + f] = (float) (trial[selection == null ? f : selection[f]] / divisor);
                }
            }
            return new TrialMatrix(values, trials, features, labels(hdf, spec, trials), featureShape, file);
        }
    }

    private static int[] selection(Path file, TrialMatrixSpec spec, int perTrial) {
        int[] selection = spec.features();
        if (selection != null) {
            for (int index : selection) {
                if (index < 0 || index >= perTrial) {
                    throw IngestException.badField(file, spec.data() + " feature selection",
                            "indices in [0, " + perTrial + ")", index);
                }
            }
        }
        return selection;
    }

    private static double divisor(Hdf5File hdf, TrialMatrixSpec spec) {
        if (spec.divisorAttribute().isEmpty()) {
            return spec.divisor();
        }
        String name = spec.divisorAttribute().get();
        Object value = hdf.attributes(spec.data()).get(name);
        double divisor = value instanceof Number n ? n.doubleValue()
                : value != null && value.getClass().isArray() && java.lang.reflect.Array.getLength(value) == 1
                        ? ((Number) java.lang.reflect.Array.get(value, 0)).doubleValue() : Double.NaN;
        if (!(divisor != 0 && Double.isFinite(divisor))) {
            throw IngestException.badField(hdf.file(), spec.data() + " attribute '" + name + "'",
                    "a finite non-zero number", value);
        }
        return divisor;
    }

    private static List<String> labels(Hdf5File hdf, TrialMatrixSpec spec, int trials) {
        List<String> labels = new ArrayList<>(trials);
        if (spec.labels().isEmpty()) {
            for (int t = 0; t < trials; t++) {
                labels.add(Integer.toString(t));
            }
            return labels;
        }
        Hdf5Array array = hdf.read(spec.labels().get());
        if (array.size() != trials) {
            throw IngestException.badField(hdf.file(), spec.labels().get(), trials + " labels, one per trial",
                    array.size());
        }
        if (array.isNumeric() && !array.dtype().startsWith("float")) {
            for (long value : array.toLongs()) {
                labels.add(Long.toString(value));
            }
            return labels;
        }
        labels.addAll(Arrays.asList(array.toStrings()));
        return labels;
    }
}
