package org.neurodec.ingest.eeg;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurodec.ingest.TestData;

/** Every EEG fixture in the shared data reads as MNE-Python 1.3 read it. */
class EegGoldenTest {

    static final String[] FIXTURES = {
        "EDF/test_generator_2.edf", "BDF/test_generator_2.bdf", "EDF/chtypes_edf.edf", "EDF/test_reduced.edf",
        "Brainvision/test_NO.vhdr", "EEGLAB/test_raw.set"};

    @TestFactory
    Stream<DynamicTest> matchesMne() {
        return Stream.of(FIXTURES).map(path -> DynamicTest.dynamicTest(path, () -> {
            String name = path.substring(path.indexOf('/') + 1);
            EegGolden.assertMatches(TestData.golden(name), EegRecording.open(TestData.file("eeg/" + path)));
        }));
    }
}
