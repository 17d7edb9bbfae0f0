package org.neurodec.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.neurodec.experiments.TransferJob;

/**
 * {@code neurodec transfer} at the size of a real multi-subject P300 study: 5 subjects, 7,000 epochs
 * of 4 channels × 231 samples (Muse CSV at 256 Hz, epochs −0.1…0.8 s undecimated), each subject left
 * out in turn with 10, 25 and 50 % calibration, every arm (subject-only, Riemannian on ERP prototypes,
 * shared encoder + new adapter, fine-tuned). Prints the wall time of the whole job and of each phase.
 * Usage: {@code TransferBenchmark [WORK_DIR [PARALLEL_FOLDS]]}.
 */
public final class TransferBenchmark {

    private TransferBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("neurodec-transfer");
        Path study = work.resolve("study");
        if (!Files.isDirectory(study)) {
            P300Study.write(study, 5, 4, 350, 300);
        }
        Path file = work.resolve("p300-transfer.yaml");
        Files.writeString(file, """
                name: P300-sized transfer benchmark
                data:
                  eeg:
                    "1": study/subject1/*/*.csv
                    "2": study/subject2/*/*.csv
                    "3": study/subject3/*/*.csv
                    "4": study/subject4/*/*.csv
                    "5": study/subject5/*/*.csv
                  stimulus_classes: true
                preprocess:
                  steps:
                    - filter: {l_freq: 1, h_freq: 30, method: fir}
                  epochs: {tmin: -0.1, tmax: 0.8, baseline: [-0.1, 0], reject: {eeg: 100e-6},
                           events: annotations, conditions: {"1": standard, "2": target}}
                subjects:
                  leave_one_out: ["1", "2", "3", "4", "5"]
                calibration: [0.1, 0.25, 0.5]
                riemann: {estimator: oas, erp: true}
                """ + (args.length > 1 ? "parallel: " + args[1] + "\n" : ""));
        long start = System.nanoTime();
        long[] last = {start};
        TransferJob.Result result = TransferJob.run(file, Map.of(), line -> {
            long now = System.nanoTime();
            System.out.printf(Locale.ROOT, "%7.1f s (+%5.1f) %s%n", (now - start) / 1e9, (now - last[0]) / 1e9, line);
            last[0] = now;
        });
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "transfer, %d rows, 5 subjects left out in turn: %.1f s on %d cores%n", result.rows().size(),
                (end - start) / 1e9, Runtime.getRuntime().availableProcessors());
        TransferJob.withMeans(result.rows()).stream().filter(r -> r.subject().equals("mean")).forEach(r -> System.out.printf(
                Locale.ROOT, "mean  %5d  %-28s %s%n", r.trials(), r.method(), r.scores()));
    }
}
