package org.neurodec.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ConfigurationException;
import org.neurodec.decoders.stats.Significance;
import org.neurodec.ingest.TestData;

/** The model registry: the built-in types, a toy decoder from the test class path, and the shared checks. */
class ModelTypesTest {

    @TempDir
    Path dir;

    private Path job(String model) throws IOException {
        return Files.writeString(dir.resolve("job.yaml"), "name: digits69 six vs nine\ndata:\n  hdf5: {file: \""
                + TestData.file("real/digits69/digits69.h5") + "\", x: fmri, labels: labels, train: train, test: test}\n"
                + "model: " + model + "\nprotocol: {type: train-test}\n");
    }

    @Test
    void theBuiltInTypesAndTheToyAreRegistered() {
        assertTrue(ModelTypes.names().containsAll(java.util.List.of("csp-lda", "lda", "logistic", "linear-svm", "ridge-reconstruction",
                "nearest-mean")), ModelTypes.names().toString());
        String listing = ModelTypes.describe();
        assertTrue(listing.contains("nearest-mean (classifies; data: eeg epochs, trial matrix)"), listing);
        assertTrue(listing.contains("alphas") && listing.contains("[-1, 6, 29]"), listing);
    }

    @Test
    void aJobRunsWithTheToyDecoderFromTheTestClassPath() throws IOException {
        JobResult result = JobRunner.run(Job.read(job("{type: nearest-mean}"), Map.of()), line -> { }, false);
        Significance.Score accuracy = result.scores().get(0);
        assertEquals("accuracy", accuracy.metric());
        assertTrue(accuracy.value() >= 0.8, "the 10 test digits, six vs nine: " + accuracy.value());
        assertEquals("nearest-mean", result.model().get("type"));
    }

    @Test
    void theRegistryChecksKeysDataAndClassesForEveryType() throws IOException {
        ConfigurationException unknownKey = assertThrows(ConfigurationException.class,
                () -> JobRunner.run(Job.read(job("{type: nearest-mean, k: 3}"), Map.of()), line -> { }, false));
        assertTrue(unknownKey.getMessage().contains("key 'model.k'"), unknownKey.getMessage());
        ConfigurationException wrongData = assertThrows(ConfigurationException.class,
                () -> JobRunner.run(Job.read(job("{type: csp-lda}"), Map.of()), line -> { }, false));
        assertTrue(wrongData.getMessage().contains("'csp-lda' on TRIAL_MATRIX"), wrongData.getMessage());
    }
}
