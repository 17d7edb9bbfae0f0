package org.neurodec.ingest.eeg;

import java.io.IOException;

/**
 * Where a recording's samples come from. Implementations read only what is asked for and return
 * values already scaled: volts for voltage channels, the physical unit otherwise.
 */
public interface SampleSource {

    /** Reads {@code count} samples of {@code channel} from sample {@code start} into {@code out} at {@code offset}. */
    void read(int channel, long start, int count, double[] out, int offset) throws IOException;

    /**
     * Reads {@code count} samples of every channel from {@code start}; {@code out[c]} receives channel c.
     * Formats that interleave channels override this to read each byte once.
     */
    default void readAll(long start, int count, double[][] out) throws IOException {
        for (int c = 0; c < out.length; c++) {
            read(c, start, count, out[c], 0);
        }
    }
}
