package org.neurodec.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.ingest.eeg.edf.EdfWriter;

/**
 * Reading a long EEG recording completely: {@code generate DIR [SECONDS]} writes 64 channels at
 * 1 kHz (an hour by default) as EDF and BDF; {@code run FILE} opens one and reads every sample into
 * memory (what MNE's {@code preload=True} does) and prints one line of JSON: seconds, MB/s of file,
 * the JVM's peak heap and the process's peak resident memory. Run each in a fresh JVM (benchmarks/eeg-read.sh).
 */
public final class EegReadBenchmark {

    private EegReadBenchmark() {
    }

    /** {@code generate DIR [SECONDS]} or {@code run FILE}. */
    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("generate")) {
            generate(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3600);
        } else if (args.length == 2 && args[0].equals("run")) {
            System.out.println(run(Path.of(args[1])));
        } else {
            System.err.println("usage: EegReadBenchmark generate DIR [SECONDS] | run FILE");
            System.exit(2);
        }
    }

    static void generate(Path dir, int seconds) throws IOException {
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 64; c++) {
            names.add("EEG" + (c + 1));
        }
        EdfWriter.SignalFiller filler = (start, block) -> {
            SplittableRandom random = new SplittableRandom(start);
            for (int c = 0; c < block.length; c++) {
                for (int i = 0; i < block[c].length; i++) {
                    double t = (start + i) / 1000.0;
                    block[c][i] = 20e-6 * Math.sin(2 * Math.PI * (8 + c % 5) * t) + 5e-6 * (random.nextDouble() - 0.5);
                }
            }
        };
        for (boolean bdf : new boolean[] {false, true}) {
            EdfWriter.create(names, 1000).bdf(bdf).physicalRange(-100e-6, 100e-6)
                    .write(dir.resolve(bdf ? "long.bdf" : "long.edf"), seconds * 1000L, filler);
        }
    }

    static String run(Path file) throws IOException {
        ResidentMemory resident = ResidentMemory.start();
        long start = System.nanoTime();
        EegRecording recording = EegRecording.open(file);
        Signals all = recording.readAll();
        double seconds = (System.nanoTime() - start) / 1e9;
        resident.stop();
        double checksum = 0;
        for (int c = 0; c < all.channels(); c += 9) {
            checksum += all.get(c, all.times() / 2);
        }
        long bytes = Files.size(file);
        long values = (long) all.channels() * all.times();
        return String.format(Locale.ROOT, "{\"file\": \"%s\", \"seconds\": %.3f, \"mb_per_s\": %.1f, \"file_mb\": %.1f, "
                + "\"output_mb\": %.1f, \"peak_heap_mb\": %.1f, \"peak_rss_mb\": %.1f, \"checksum\": %.9g}",
                file.getFileName(), seconds, bytes / 1e6 / seconds, bytes / 1e6, values * 8 / 1e6, ResidentMemory.peakHeap() / 1e6,
                resident.peakTotal() / 1e6, checksum);
    }
}
