package org.neurodec.benchmarks;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.neurodec.decoders.classify.ShrinkageLda;
import org.neurodec.encoders.ClassMetrics;
import org.neurodec.encoders.EncoderConfig;
import org.neurodec.encoders.NewSubject;
import org.neurodec.encoders.SharedEncoder;
import org.neurodec.experiments.SharedEncoderWorkflow;
import org.neurodec.encoders.Targets;
import org.neurodec.ingest.eeg.ChannelType;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.epochs.Epochs;
import org.neurodec.preprocess.pipeline.EpochStep;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.preprocess.pipeline.Steps;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.adapters.Recentering;

/**
 * Leave-one-subject-out transfer on eeg-notebooks' N170 recordings (faces vs houses, Muse headband):
 * 1–30 Hz FIR, epochs −0.1…0.8 s with baseline, rejection above 100 µV peak to peak, 64 Hz. For each
 * left-out subject the shared EEG encoder is trained on the others, then a new adapter is fitted on k
 * of the left-out subject's trials (closed form, then gradient steps) and scored by AUC on the rest;
 * beside it, shrinkage LDA on 32 Hz samples trained on the same k trials (subject only), on the other
 * subjects (pooled), and within the subject by 5-fold cross-validation.
 * With {@code recenter}, every subject's trials are first re-centred (Euclidean alignment: whitened by
 * the inverse square root of their mean covariance); a left-out subject's reference comes from its
 * calibration trials only, and for the pooled column from all its trials, labels unused.
 * Usage: {@code N170Transfer DATA_DIR [repeats] [recenter]}.
 */
public final class N170Transfer {

    private static final List<String> SUBJECTS = List.of("1", "2", "3", "11");
    private static final double[] FRACTIONS = {0.1, 0.25, 0.5};
    private static final List<String> MUSE = List.of("TP9", "AF7", "AF8", "TP10");

    private N170Transfer() {
    }

    /** Runs the experiment and prints one table row per left-out subject. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("real/eegnb-n170");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean recenter = args.length > 2 && args[2].equals("recenter");
        List<TrialSet> all = new ArrayList<>();
        for (String s : SUBJECTS) {
            all.add(load(root.resolve("subject" + s), "s" + s));
            System.out.printf(Locale.ROOT, "subject %s: %d epochs (%d face)%n", s, all.get(all.size() - 1).trials(),
                    all.get(all.size() - 1).stimuli().stream().filter("face"::equals).count());
        }
        Targets targets = Targets.classes(Map.of("face", "face", "house", "house"));
        System.out.printf("%-8s %-10s %-10s", "left out", "within", "pooled");
        for (double f : FRACTIONS) {
            System.out.printf(Locale.ROOT, " | k=%2.0f%% adapter  +LDA  LDA(k)", 100 * f);
        }
        System.out.println();
        for (int l = 0; l < all.size(); l++) {
            TrialSet left = all.get(l);
            List<TrialSet> train = new ArrayList<>();
            List<TrialSet> validation = new ArrayList<>();
            List<Subject> subjects = new ArrayList<>();
            List<TrialSet> others = new ArrayList<>();
            for (int o = 0; o < all.size(); o++) {
                if (o != l) {
                    TrialSet t = recenter ? recenter(all.get(o), all.get(o)) : all.get(o);
                    others.add(t);
                    int[] order = shuffled(t.trials(), 7);
                    int cut = t.trials() * 85 / 100;
                    train.add(t.select(Arrays.copyOfRange(order, 0, cut)));
                    validation.add(t.select(Arrays.copyOfRange(order, cut, order.length)));
                    subjects.add(Subject.of(t, MUSE));
                }
            }
            EncoderConfig config = EncoderConfig.defaults().withShape(32, 1, 64).withConv(new EncoderConfig.Conv(8, 2, 9, 8, 4))
                    .withTraining(1e-3, 32, 10).withEpochs(40);
            double within = withinSubject(left, 5);
            double pooled = auc(lda(concat(others)), recenter ? recenter(left, left) : left);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-8s %-10.3f %-10.3f", left.subject(), within, pooled));
            try (SharedEncoderWorkflow.Trained trained = SharedEncoderWorkflow.train(train, validation, subjects,
                        targets, config, Device.cpu(), line -> { }, null, false)) {
                SharedEncoder encoder = trained.encoder();
                var report = trained.report();
                System.out.printf(Locale.ROOT, "backbone without %s: best validation AUC %.3f at epoch %d%n", left.subject(),
                        report.validation().get(report.bestEpoch()), report.bestEpoch() + 1);
                for (double fraction : FRACTIONS) {
                    double adapter = 0;
                    double readout = 0;
                    double ldaOnly = 0;
                    for (int r = 0; r < repeats; r++) {
                        int[] order = shuffled(left.trials(), 100 + r);
                        int k = (int) Math.round(fraction * left.trials());
                        String id = left.subject() + "k" + k + "r" + r;
                        TrialSet calibration = left.select(Arrays.copyOfRange(order, 0, k)).withSubject(id);
                        TrialSet test = left.select(Arrays.copyOfRange(order, k, order.length)).withSubject(id);
                        if (recenter) {
                            test = recenter(test, calibration);
                            calibration = recenter(calibration, calibration);
                        }
                        NewSubject.adapt(encoder, Subject.of(calibration, MUSE), calibration,
                                targets, 20, line -> { });
                        float[][] p = encoder.classProbabilities(test).toRows();
                        double[] face = new double[p.length];
                        for (int i = 0; i < p.length; i++) {
                            face[i] = p[i][0];
                        }
                        adapter += ClassMetrics.auc(face, isFace(test)) / repeats;
                        ShrinkageLda own = ShrinkageLda.fit(toDouble(encoder.embed(calibration).toRows()), labels(calibration), 2);
                        readout += ClassMetrics.auc(own.decision(toDouble(encoder.embed(test).toRows())), isFace(test)) / repeats;
                        ldaOnly += auc(lda(calibration), test) / repeats;
                    }
                    row.append(String.format(Locale.ROOT, " | %12.3f %5.3f %6.3f", adapter, readout, ldaOnly));
                }
            }
            System.out.println(row);
        }
    }

    /** Epochs of every session of one subject, EEG channels only, labelled face or house. */
    static TrialSet load(Path folder, String id) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        Pipeline pipeline = Pipeline.empty().then(new Steps.Filter(1.0, 30.0, "fir", 4))
                .epochs(new EpochStep(EpochSpec.of(-0.1, 0.8).withBaseline(-0.1, 0).rejecting(ChannelType.EEG, 100e-6)
                        .decimatedBy(4), "annotations", Map.of("1", "house", "2", "face")));
        List<float[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int channels = 0;
        int times = 0;
        for (Path file : files) {
            EegRecording recording = EegRecording.open(file);
            Epochs epochs = pipeline.run(recording).epochs();
            int[] eeg = IntStream.range(0, recording.channels().size())
                    .filter(c -> recording.channels().get(c).type() == ChannelType.EEG).toArray();
            channels = eeg.length;
            times = epochs.times();
            for (int e = 0; e < epochs.size(); e++) {
                float[] row = new float[channels * times];
                for (int c = 0; c < channels; c++) {
                    for (int t = 0; t < times; t++) {
                        row[c * times + t] = (float) epochs.get(e, eeg[c], t);
                    }
                }
                rows.add(row);
                labels.add(epochs.info().get(e).condition());
            }
        }
        float[] values = new float[rows.size() * channels * times];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * channels * times, channels * times);
        }
        return TrialSet.wrapEeg(id, channels, times, values, labels);
    }

    /**
     * {@code t}'s trials whitened by the inverse square root of {@code reference}'s mean trial covariance,
     * then scaled by 1e-6 so that the encoder's µV input scaling leaves them near unit variance.
     */
    static TrialSet recenter(TrialSet t, TrialSet reference) {
        List<double[][]> trials = new ArrayList<>();
        for (int i = 0; i < reference.trials(); i++) {
            trials.add(matrix(reference, i));
        }
        Recentering r = Recentering.fit(trials, Recentering.Mean.EUCLIDEAN, 0.0);
        float[] values = new float[t.trials() * t.features()];
        for (int i = 0; i < t.trials(); i++) {
            double[][] w = r.apply(matrix(t, i));
            for (int c = 0; c < t.channels(); c++) {
                for (int s = 0; s < t.times(); s++) {
                    values[i * t.features() + c * t.times() + s] = (float) (1e-6 * w[c][s]);
                }
            }
        }
        return TrialSet.wrapEeg(t.subject(), t.channels(), t.times(), values, t.stimuli());
    }

    private static double[][] matrix(TrialSet t, int trial) {
        float[] row = t.row(trial);
        double[][] m = new double[t.channels()][t.times()];
        for (int c = 0; c < t.channels(); c++) {
            for (int s = 0; s < t.times(); s++) {
                m[c][s] = row[c * t.times() + s];
            }
        }
        return m;
    }

    static int[] shuffled(int n, long seed) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    static boolean[] isFace(TrialSet t) {
        boolean[] out = new boolean[t.trials()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.stimuli().get(i).equals("face");
        }
        return out;
    }

    /** Every other 64 Hz sample: the 32 Hz features of the LDA baseline. */
    static double[][] features32(TrialSet t) {
        int keep = (t.times() + 1) / 2;
        double[][] out = new double[t.trials()][t.channels() * keep];
        for (int i = 0; i < t.trials(); i++) {
            float[] row = t.row(i);
            for (int c = 0; c < t.channels(); c++) {
                for (int s = 0; s < keep; s++) {
                    out[i][c * keep + s] = row[c * t.times() + 2 * s];
                }
            }
        }
        return out;
    }

    static ShrinkageLda lda(TrialSet t) {
        return ShrinkageLda.fit(features32(t), labels(t), 2);
    }

    /** 1 for a face, 0 for a house. */
    static int[] labels(TrialSet t) {
        boolean[] face = isFace(t);
        int[] y = new int[face.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = face[i] ? 1 : 0;
        }
        return y;
    }

    static double[][] toDouble(float[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j];
            }
        }
        return out;
    }

    static double auc(ShrinkageLda model, TrialSet t) {
        return ClassMetrics.auc(model.decision(features32(t)), isFace(t));
    }

    static TrialSet concat(List<TrialSet> parts) {
        int f = parts.get(0).features();
        int n = parts.stream().mapToInt(TrialSet::trials).sum();
        float[] values = new float[n * f];
        List<String> labels = new ArrayList<>();
        int i = 0;
        for (TrialSet p : parts) {
            for (int t = 0; t < p.trials(); t++) {
                p.copyRow(t, values, i++ * f);
            }
            labels.addAll(p.stimuli());
        }
        return TrialSet.wrapEeg("pooled", parts.get(0).channels(), parts.get(0).times(), values, labels);
    }

    /** Mean AUC of shrinkage LDA over {@code folds} interleaved folds of a seeded order. */
    static double withinSubject(TrialSet t, int folds) {
        int[] order = shuffled(t.trials(), 11);
        double sum = 0;
        for (int f = 0; f < folds; f++) {
            final int fold = f;
            int[] test = IntStream.range(0, order.length).filter(i -> i % folds == fold).map(i -> order[i]).toArray();
            int[] train = IntStream.range(0, order.length).filter(i -> i % folds != fold).map(i -> order[i]).toArray();
            sum += auc(lda(t.select(train)), t.select(test));
        }
        return sum / folds;
    }
}
