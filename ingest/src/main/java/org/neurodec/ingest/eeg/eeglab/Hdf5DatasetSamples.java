package org.neurodec.ingest.eeg.eeglab;

import java.nio.file.Path;
import org.neurodec.ingest.eeg.SampleSource;
import org.neurodec.ingest.hdf5.Hdf5File;

/** Samples inside a MATLAB v7.3 file: a samples × channels dataset (MATLAB's channels × samples, transposed). */
final class Hdf5DatasetSamples implements SampleSource {

    private final Path file;
    private final String dataset;
    private final double[] scale;

    Hdf5DatasetSamples(Path file, String dataset, double[] scale) {
        this.file = file;
        this.dataset = dataset;
        this.scale = scale.clone();
    }

    @Override
    public void read(int channel, long start, int count, double[] out, int offset) {
        try (Hdf5File hdf = Hdf5File.open(file)) {
            float[] block = hdf.read(dataset, new long[] {start, channel}, new int[] {count, 1}).toFloats();
            for (int i = 0; i < count; i++) {
                out[offset + i] = block[i] * scale[channel];
            }
        }
    }

    @Override
    public void readAll(long start, int count, double[][] out) {
        try (Hdf5File hdf = Hdf5File.open(file)) {
            int channels = out.length;
            float[] block = hdf.read(dataset, new long[] {start, 0}, new int[] {count, channels}).toFloats();
            for (int t = 0; t < count; t++) {
                for (int c = 0; c < channels; c++) {
                    out[c][t] = block[t * channels + c] * scale[c];
                }
            }
        }
    }
}
