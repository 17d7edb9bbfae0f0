package org.neurodec.subjects.riemann;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.fif.FifEvents;

/**
 * One SSVEP-Exo subject's trials as the reference scripts cut them: every session in file order,
 * samples 2 s to 4 s after each event (512 at 256 Hz), labels rest, 13, 17, 21 Hz as 0–3.
 */
public record SsvepData(List<double[][]> trials, int[] labels, double sfreq) {

    /** Event codes 1 = rest, 2 = 13 Hz, 3 = 21 Hz, 4 = 17 Hz as indices into {rest, 13, 17, 21}. */
    static final int[] CODE_TO_CLASS = {-1, 0, 1, 3, 2};
    /** The stimulation frequencies. */
    public static final double[] FREQUENCIES = {13, 17, 21};

    /** Subject {@code s} (1–8). */
    public static SsvepData load(int s) throws IOException {
        Path folder = TestData.root().resolve(String.format("real/ssvep-exo/subject%02d", s));
        List<Path> raws;
        try (Stream<Path> list = Files.list(folder)) {
            raws = list.filter(p -> p.getFileName().toString().endsWith("_raw.fif")).sorted().toList();
        }
        List<double[][]> trials = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        double sfreq = 0;
        for (Path raw : raws) {
            EegRecording r = EegRecording.open(raw);
            sfreq = r.sfreq();
            int from = (int) Math.round(2 * sfreq);
            int length = (int) Math.round(2 * sfreq);
            for (int[] e : FifEvents.read(FifEvents.besides(raw))) {
                long start = e[0] - r.firstSample() + from;
                if (start + length <= r.times()) {
                    trials.add(r.read(start, length).toArray());
                    labels.add(CODE_TO_CLASS[e[2]]);
                }
            }
        }
        return new SsvepData(trials, labels.stream().mapToInt(Integer::intValue).toArray(), sfreq);
    }
}
