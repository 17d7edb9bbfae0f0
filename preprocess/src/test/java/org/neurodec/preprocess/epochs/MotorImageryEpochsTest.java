package org.neurodec.preprocess.epochs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.preprocess.filter.FirFilter;
import org.neurodec.preprocess.signal.Channels;

/**
 * MNE's motor-imagery recipe on real/eegbci-S001 runs 6, 10 and 14 (7–30 Hz FIR per run, average
 * reference, T1/T2 epochs from −1 to 4 s): the 45 × 64 × 801 epochs equal MNE's
 * (eegbci_epochs.h5, made by make_eegbci_epochs.py) within 1e-6 × the raw data's largest value.
 */
class MotorImageryEpochsTest {

    @Test
    void epochsEqualMnes() {
        List<Epochs> runs = new ArrayList<>();
        long offset = 0;
        List<Long> onsets = new ArrayList<>();
        for (int run : new int[] {6, 10, 14}) {
            EegRecording recording = EegRecording.open(TestData.file(String.format("real/eegbci-S001/S001R%02d.edf", run)));
            FirFilter fir = FirFilter.mne(recording.sfreq(), 7.0, 30.0);
            boolean[] eeg = new boolean[recording.channels().size()];
            java.util.Arrays.fill(eeg, true);
            Signals clean = Channels.averageReference(Channels.map(recording.readAll(), fir::apply), eeg);
            Epochs epochs = Epochs.extract(clean, recording.channels(), Events.fromAnnotations(recording.annotations()),
                    Map.of("T1", "hands", "T2", "feet"), EpochSpec.of(-1, 4), Map.of("run", Integer.toString(run)));
            for (Epochs.Info info : epochs.info()) {
                onsets.add(info.eventSample() + offset);
            }
            offset += recording.times();
            runs.add(epochs);
        }
        Epochs all = Epochs.concatenate(runs);
        assertEquals(45, all.size());
        assertEquals(64, all.channels());
        assertEquals(801, all.times());
        assertEquals(-1.0, all.tmin());
        try (Hdf5File golden = Hdf5File.open(TestData.resource("epochs/eegbci_epochs.h5"))) {
            double tolerance = 1e-6 * ((Number) golden.attributes("/").get("max_abs_raw")).doubleValue();
            long[] expectedOnsets = golden.read("onset_samples").toLongs();
            assertArrayEquals(expectedOnsets, onsets.stream().mapToLong(Long::longValue).toArray());
            String[] conditions = golden.read("conditions").toStrings();
            for (int e = 0; e < 45; e++) {
                assertEquals(conditions[e], all.info().get(e).condition(), "condition of epoch " + e);
            }
            double[] summary = golden.read("summary").toDoubles();
            int[] points = {0, 200, 400, 600, 800};
            for (int e = 0; e < 45; e++) {
                for (int c = 0; c < 64; c++) {
                    double[] trace = all.epoch(e)[c];
                    double mean = 0;
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (double v : trace) {
                        mean += v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                    mean /= trace.length;
                    double var = 0;
                    for (double v : trace) {
                        var += (v - mean) * (v - mean);
                    }
                    double[] actual = new double[9];
                    actual[0] = mean;
                    actual[1] = Math.sqrt(var / trace.length);
                    actual[2] = min;
                    actual[3] = max;
                    for (int p = 0; p < 5; p++) {
                        actual[4 + p] = trace[points[p]];
                    }
                    for (int k = 0; k < 9; k++) {
                        assertEquals(summary[(e * 64 + c) * 9 + k], actual[k], tolerance, "epoch " + e + " channel " + c + " stat " + k);
                    }
                }
            }
            double[] traces = golden.read("traces").toDoubles();
            long[] traceChannels = golden.read("trace_channels").toLongs();
            for (int e = 0; e < 45; e++) {
                for (int k = 0; k < traceChannels.length; k++) {
                    for (int t = 0; t < 801; t++) {
                        double expected = traces[(e * traceChannels.length + k) * 801 + t];
                        assertEquals(expected, all.get(e, (int) traceChannels[k], t), tolerance, "trace " + e + "," + k + "," + t);
                    }
                }
            }
        }
        assertTrue(all.dropped().isEmpty());
    }

    @Test
    void decimatedBaselinedRejectedEpochsEqualMnes() {
        try (Hdf5File golden = Hdf5File.open(TestData.resource("epochs/eegbci_decimated.h5"))) {
            Map<String, Object> attributes = golden.attributes("/");
            double threshold = ((Number) attributes.get("threshold")).doubleValue();
            List<Epochs> runs = new ArrayList<>();
            List<Long> onsets = new ArrayList<>();
            long offset = 0;
            for (int run : new int[] {6, 10, 14}) {
                EegRecording recording = EegRecording.open(TestData.file(String.format("real/eegbci-S001/S001R%02d.edf", run)));
                FirFilter fir = FirFilter.mne(recording.sfreq(), 7.0, 30.0);
                boolean[] eeg = new boolean[recording.channels().size()];
                java.util.Arrays.fill(eeg, true);
                Signals clean = Channels.averageReference(Channels.map(recording.readAll(), fir::apply), eeg);
                EpochSpec spec = EpochSpec.of(-0.1, 0.8).withBaseline(-0.097, 0)
                        .rejecting(org.neurodec.ingest.eeg.ChannelType.EEG, threshold).decimatedBy(3);
                Epochs epochs = Epochs.extract(clean, recording.channels(), Events.fromAnnotations(recording.annotations()),
                        Map.of("T1", "hands", "T2", "feet"), spec, Map.of());
                for (Epochs.Info info : epochs.info()) {
                    onsets.add(info.eventSample() + offset);
                }
                offset += recording.times();
                runs.add(epochs);
            }
            Epochs all = Epochs.concatenate(runs);
            double[] times = golden.read("times").toDoubles();
            assertEquals(times.length, all.times(), "samples kept per epoch");
            assertEquals(times[0], all.tmin(), 1e-12, "the first kept sample is on the grid through t = 0");
            assertEquals(160.0 / 3, all.sfreq(), 1e-12);
            assertArrayEquals(golden.read("onset_samples").toLongs(), onsets.stream().mapToLong(Long::longValue).toArray(),
                    "the epochs MNE keeps (one of them only because rejection reads the decimated samples)");
            double tolerance = 1e-6 * ((Number) attributes.get("max_abs_raw")).doubleValue();
            double[] data = golden.read("data").toDoubles();
            long[] channels = golden.read("trace_channels").toLongs();
            for (int e = 0; e < all.size(); e++) {
                for (int k = 0; k < channels.length; k++) {
                    for (int t = 0; t < times.length; t++) {
                        assertEquals(data[(e * channels.length + k) * times.length + t], all.get(e, (int) channels[k], t), tolerance,
                                "epoch " + e + ", channel " + channels[k] + ", sample " + t);
                    }
                }
            }
        }
    }
}
