package org.neurodec.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.eeg.EegRecording;

/** The EEG benchmark's generator and run work at a tiny size, so that the benchmark itself cannot rot. */
class EegReadBenchmarkTest {

    @Test
    void generatesAndReadsEdfAndBdf(@TempDir Path dir) throws Exception {
        EegReadBenchmark.generate(dir, 3);
        for (String name : new String[] {"long.edf", "long.bdf"}) {
            EegRecording recording = EegRecording.open(dir.resolve(name));
            assertEquals(64, recording.channels().size());
            assertEquals(3000, recording.times());
            assertEquals(1000.0, recording.sfreq());
            assertTrue(EegReadBenchmark.run(dir.resolve(name)).contains("\"output_mb\": 1.5"));
        }
    }
}
