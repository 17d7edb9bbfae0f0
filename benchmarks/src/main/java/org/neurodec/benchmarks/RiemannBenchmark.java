package org.neurodec.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.neurodec.decoders.riemann.Mdm;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.fif.FifEvents;
import org.neurodec.subjects.riemann.Covariances;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;

/**
 * The Riemannian core on the SSVEP-Exo covariances (8 subjects, 576 trials of 24 × 24 Ledoit–Wolf
 * covariances of the extended signal), the operations that {@code benchmarks/riemann_bench.py} times
 * with the data's NumPy reference: the Riemannian mean of all trials, each trial's distance to it,
 * the tangent vectors at it, and MDM fitted and applied to all trials. Prints the median of REPEATS
 * runs after one warm-up. Usage: {@code RiemannBenchmark [SSVEP_DIR] [REPEATS]}.
 */
public final class RiemannBenchmark {

    private RiemannBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/real/ssvep-exo");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Spd> covariances = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int[] classOf = {-1, 0, 1, 3, 2};
        for (int s = 1; s <= 8; s++) {
            List<Path> raws;
            try (Stream<Path> files = Files.list(root.resolve(String.format("subject%02d", s)))) {
                raws = files.filter(p -> p.getFileName().toString().endsWith("_raw.fif")).sorted().toList();
            }
            for (Path raw : raws) {
                EegRecording r = EegRecording.open(raw);
                int length = (int) Math.round(2 * r.sfreq());
                for (int[] e : FifEvents.read(FifEvents.besides(raw))) {
                    long start = e[0] - r.firstSample() + length;
                    if (start + length <= r.times()) {
                        covariances.add(Covariances.estimate(Covariances.extended(r.read(start, length).toArray(), r.sfreq(),
                                new double[] {13, 17, 21}, 1, 4), Covariances.Estimator.LEDOIT_WOLF, 0));
                        labels.add(classOf[e[2]]);
                    }
                }
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        double[][] times = new double[4][repeats];
        for (int r = -1; r < repeats; r++) {
            long t0 = System.nanoTime();
            Spd mean = Riemann.mean(covariances);
            long t1 = System.nanoTime();
            Spd inverseRoot = mean.invSqrt();
            double[] d = covariances.parallelStream().mapToDouble(c -> Riemann.distances(c, List.of(inverseRoot))[0]).toArray();
            long t2 = System.nanoTime();
            double[][] tangent = Riemann.tangentVectors(covariances, mean);
            long t3 = System.nanoTime();
            int[] predicted = Mdm.fit(covariances, y, 4).predict(covariances);
            long t4 = System.nanoTime();
            if (r >= 0) {
                times[0][r] = (t1 - t0) / 1e9;
                times[1][r] = (t2 - t1) / 1e9;
                times[2][r] = (t3 - t2) / 1e9;
                times[3][r] = (t4 - t3) / 1e9;
            }
            if (d.length + tangent.length + predicted.length == 0) {
                throw new AssertionError();
            }
        }
        System.out.printf("neurodec trials %d: mean %.3fs distance %.3fs tangent %.3fs mdm fit+predict %.3fs (median of %d,"
                + " %d cores)%n", covariances.size(), median(times[0]), median(times[1]), median(times[2]), median(times[3]),
                repeats, Runtime.getRuntime().availableProcessors());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
