package org.neurodec.experiments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurodec.decoders.DecoderException;
import org.neurodec.decoders.reconstruct.PixelReconstruction;
import org.neurodec.subjects.adapters.Ridge;

/** Images from a trial matrix: ridge to pixels, or to principal components chosen by cross-validation. */
public final class RidgeReconstructionType implements ModelType {

    @Override
    public String name() {
        return "ridge-reconstruction";
    }

    @Override
    public String summary() {
        return "Images from a trial matrix: ridge to pixels, or to principal components chosen by cross-validation.";
    }

    @Override
    public List<Key> keys() {
        return List.of(
            new Key("components", "[0]", "principal-component counts to choose from by cross-validation (0: pixels)"),
            new Key("alphas", "[-1, 6, 29]", "[from, to, count] of a log10 grid, powers in -12..12, count 1..1000"),
            new Key("folds", "10", "cross-validation folds, 2..100"));
    }

    @Override
    public Set<Data> accepts() {
        return Set.of(Data.TRIAL_MATRIX);
    }

    @Override
    public boolean classifies() {
        return false;
    }

    @Override
    public JobModel create(Job.Section section, TrialData data) {
        if (data != null && data.images == null) {
            throw section.error("type", "data with images (data.hdf5 with x and images)", "'ridge-reconstruction' on data"
                    + " without them");
        }
        int[] counts = section.has("components") ? section.integers("components", 0, 100_000) : new int[] {0};
        double[] alphas = section.has("alphas") ? section.logGrid("alphas", -12, 12, 1000) : Ridge.logSpace(-1, 6, 29);
        return new Model(counts, alphas, section.integer("folds", 10, 2, 100));
    }

    /** Ridge from voxels to pixels or to principal components chosen by cross-validation. */
    static final class Model extends JobModel {
        private final int[] components;
        private final double[] alphas;
        private final int folds;
        private PixelReconstruction fitted;

        Model(int[] components, double[] alphas, int folds) {
            this.components = components;
            this.alphas = alphas;
            this.folds = folds;
        }

        @Override
        public boolean classifies() {
            return false;
        }

        @Override
        public void fit(TrialData data, int[] train) {
            double[][] x = new double[train.length][];
            double[][] y = new double[train.length][];
            for (int i = 0; i < train.length; i++) {
                x[i] = data.rows[train[i]];
                y[i] = data.images[train[i]];
            }
            boolean pixels = components.length == 1 && components[0] == 0;
            if (!pixels && java.util.Arrays.stream(components).anyMatch(c -> c < 1)) {
                throw new DecoderException("model.components: expected 0 (pixels) or positive counts, found "
                        + java.util.Arrays.toString(components));
            }
            fitted = pixels ? PixelReconstruction.fit(x, y, alphas, false)
                    : PixelReconstruction.fitComponentsCrossValidated(x, y, components, folds, alphas);
        }

        @Override
        public double[][] predict(TrialData data, int[] test) {
            double[][] x = new double[test.length][];
            for (int i = 0; i < test.length; i++) {
                x[i] = data.rows[test[i]];
            }
            return fitted.predict(x);
        }

        @Override
        public Map<String, Object> describe() {
            return org.neurodec.Ordered.map("type", "ridge-reconstruction", "components", fitted.components(), "alphas", fitted.alphas());
        }
    }
}
