package org.neurodec.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.epochs.Epochs;
import org.neurodec.preprocess.filter.Band;
import org.neurodec.preprocess.filter.FirFilter;
import org.neurodec.preprocess.filter.IirDesign;
import org.neurodec.preprocess.filter.SecondOrderSections;
import org.neurodec.preprocess.filter.ZeroPhase;
import org.neurodec.preprocess.signal.Channels;

/**
 * Preprocessing a long recording held in memory: {@code run FILE fir|iir|epochs} loads every sample
 * (not timed), then times one operation and prints one line of JSON: 1–40 Hz FIR with MNE's defaults,
 * a 4th-order 1–40 Hz Butterworth band-pass applied with zero phase (both in place, channels in
 * parallel), or 8000 epochs from −0.1 to 0.5 s. Peak heap is reported against the data's size.
 */
public final class PreprocessBenchmark {

    private PreprocessBenchmark() {
    }

    /** {@code run FILE fir|iir|epochs}. */
    public static void main(String[] args) {
        if (args.length != 3 || !args[0].equals("run")) {
            System.err.println("usage: PreprocessBenchmark run FILE fir|iir|epochs");
            System.exit(2);
        }
        EegRecording recording = EegRecording.open(Path.of(args[1]));
        double[][] data = new double[recording.channels().size()][(int) recording.times()];
        recording.readInto(0, data);
        double dataMb = 8.0 * data.length * data[0].length / 1e6;
        long start = System.nanoTime();
        String detail;
        switch (args[2]) {
            case "fir" -> {
                FirFilter fir = FirFilter.mne(recording.sfreq(), 1.0, 40.0);
                Channels.filterInPlace(data, fir);
                detail = fir.taps().length + " taps";
            }
            case "iir" -> {
                SecondOrderSections sos = IirDesign.butterworth(4, Band.BANDPASS, recording.sfreq(), 1, 40);
                Channels.mapInPlace(data, x -> ZeroPhase.apply(sos, x));
                detail = sos.size() + " sections";
            }
            case "epochs" -> {
                List<Event> events = new ArrayList<>();
                for (int i = 0; i < 8000; i++) {
                    events.add(Event.of(1 + i * 0.44, 0, i % 2 == 0 ? "a" : "b"));
                }
                Epochs epochs = Epochs.extract(Signals.wrap(data, recording.sfreq()), recording.channels(), Events.of(events),
                        Map.of("a", "A", "b", "B"), EpochSpec.of(-0.1, 0.5), Map.of());
                detail = epochs.size() + " epochs of " + epochs.times() + " samples";
            }
            default -> throw new IllegalArgumentException("operation must be fir, iir or epochs, got " + args[2]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "{\"file\": \"%s\", \"operation\": \"%s\", \"detail\": \"%s\", "
                + "\"seconds\": %.3f, \"data_mb\": %.1f, \"peak_heap_mb\": %.1f, \"checksum\": %.9g}",
                Path.of(args[1]).getFileName(), args[2], detail, seconds, dataMb, ResidentMemory.peakHeap() / 1e6,
                data[5][data[5].length / 2]));
    }
}
