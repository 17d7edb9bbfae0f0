package org.neurodec.benchmarks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.neurodec.encoders.EncoderConfig;
import org.neurodec.encoders.SharedEncoder;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.encoders.Targets;
import org.neurodec.encoders.Trainer;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;

/**
 * Training throughput of the fMRI shared encoder at a realistic size (10 000 voxels, d = 1024,
 * batches of 256) against the matrix-multiply peak measured through the same engine: a 256 × 10 000
 * by 10 000 × 1024 product. Model FLOPs per trial are counted from the layer shapes (multiply-adds ×
 * 2, forward × 3 for forward and backward). Usage: {@code EncoderThroughput [device] [epochs]}.
 */
public final class EncoderThroughput {

    private EncoderThroughput() {
    }

    /** Prints peak GFLOP/s, training samples/s and achieved GFLOP/s. */
    public static void main(String[] args) {
        Device device = SharedEncoder.device(args.length > 0 ? args[0] : "auto");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int voxels = 10_000;
        int d = 1024;
        int batch = 256;
        int featureDim = 512;
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            NDArray a = manager.randomNormal(new Shape(batch, voxels));
            NDArray b = manager.randomNormal(new Shape(voxels, d));
            for (int i = 0; i < 3; i++) {
                a.matMul(b).toFloatArray();
            }
            int reps = 20;
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double peak = 2.0 * batch * voxels * d * reps / seconds / 1e9;
            System.out.printf(Locale.ROOT, "matmul %d x %d x %d on %s: %.1f GFLOP/s%n", batch, voxels, d, device, peak);

            Random random = new Random(1);
            int trials = batch * 10;
            float[] values = new float[trials * voxels];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            Map<String, float[]> vectors = new HashMap<>();
            List<String> stimuli = new ArrayList<>();
            for (int t = 0; t < trials; t++) {
                float[] f = new float[featureDim];
                for (int k = 0; k < featureDim; k++) {
                    f[k] = (float) random.nextGaussian();
                }
                vectors.put("s" + t, f);
                stimuli.add("s" + t);
            }
            TrialSet train = TrialSet.wrapFmri("01", voxels, values, stimuli);
            Targets targets = Targets.of(StimulusFeatures.of(vectors));
            EncoderConfig config = EncoderConfig.defaults().withShape(d, 2, d).withTraining(1e-3, batch, epochs)
                    .withEpochs(epochs);
            try (SharedEncoder encoder = SharedEncoder.create(config, targets, List.of(Subject.of(train, List.of())), device)) {
                try (Trainer warmUp = new Trainer(encoder, targets, line -> { })) {
                    warmUp.train(List.of(train), List.of(), Set.of());
                }
                long begin = System.nanoTime();
                try (Trainer timed = new Trainer(encoder, targets, line -> { })) {
                    timed.train(List.of(train), List.of(), Set.of());
                }
                double elapsed = (System.nanoTime() - begin) / 1e9;
                double perTrial = 2.0 * (voxels * (double) d + 2 * 2.0 * d * d + 2.0 * d * featureDim) * 3;
                double samples = (double) trials * epochs / elapsed;
                double achieved = samples * perTrial / 1e9;
                System.out.printf(Locale.ROOT, "training: %d parameters, %.0f samples/s, %.1f GFLOP/s = %.0f %% of the matmul peak%n",
                        encoder.parameterCount(), samples, achieved, 100 * achieved / peak);
            }
        }
    }
}
