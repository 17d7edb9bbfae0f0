package org.neurodec.ingest.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.nifti.NiftiWriter;

/** A small BIDS dataset: fMRI and EEG recordings, events and inherited sidecars. */
class BidsDatasetTest {

    @TempDir
    Path root;

    void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    void build() throws IOException {
        write("dataset_description.json", "{\"Name\": \"test\", \"BIDSVersion\": \"1.8.0\"}");
        write("task-faces_bold.json", "{\"RepetitionTime\": 2.0, \"TaskName\": \"faces\"}");
        Files.createDirectories(root.resolve("sub-01/func"));
        for (String run : List.of("1", "2")) {
            NiftiWriter.create(4, 4, 3, 5).write(root.resolve("sub-01/func/sub-01_task-faces_run-" + run + "_bold.nii.gz"),
                    new double[4 * 4 * 3 * 5]);
        }
        write("sub-01/func/sub-01_task-faces_run-2_bold.json", "{\"RepetitionTime\": 1.5}");
        write("sub-01/func/sub-01_task-faces_run-1_events.tsv",
                "onset\tduration\ttrial_type\tstim_file\tresponse_time\n"
                + "0.5\t1.0\tface\tstimuli/face01.png\t0.43\n"
                + "3.0\tn/a\thouse\tstimuli/house07.png\tn/a\n");
        write("sub-01/anat/sub-01_T1w.json", "{}");
        Files.createDirectories(root.resolve("sub-02/ses-a/eeg"));
        Files.copy(TestData.file("eeg/EDF/test_generator_2.edf"), root.resolve("sub-02/ses-a/eeg/sub-02_ses-a_task-rest_eeg.edf"));
        write("sub-02/ses-a/eeg/sub-02_ses-a_task-rest_eeg.json", "{\"SamplingFrequency\": 200, \"TaskName\": \"rest\"}");
        write("derivatives/sub-01/func/sub-01_task-faces_run-1_bold.json", "{}");
    }

    @Test
    void findsRecordingsEventsAndSidecars() throws IOException {
        build();
        BidsDataset dataset = BidsDataset.open(root);
        assertEquals(List.of("01", "02"), dataset.subjects());
        assertEquals(3, dataset.recordings().size());
        BidsRecording run1 = dataset.recordings("01").get(0);
        assertEquals("faces", run1.task());
        assertEquals(Optional.of("1"), run1.run());
        assertEquals("func", run1.datatype());
        assertEquals(2.0, run1.repetitionTime().getAsDouble());
        assertEquals(1.5, dataset.recordings("01").get(1).repetitionTime().getAsDouble(), "the closer sidecar overrides");
        Events events = run1.events();
        assertEquals(2, events.size());
        Event face = events.list().get(0);
        assertEquals("face", face.trialType());
        assertEquals("stimuli/face01.png", face.stimFile());
        assertEquals(Map.of("response_time", "0.43"), face.extra());
        assertTrue(Double.isNaN(events.list().get(1).duration()));
        assertEquals(0, dataset.recordings("01").get(1).events().size());

        BidsRecording eeg = dataset.recordings("02").get(0);
        assertEquals(Optional.of("a"), eeg.session());
        assertEquals("eeg", eeg.datatype());
        assertEquals(200.0, eeg.samplingFrequency().getAsDouble());
        assertEquals(200.0, EegRecording.open(eeg.data()).sfreq());
    }

    @Test
    void badEventsAndSidecarsNameTheFile() throws IOException {
        build();
        write("sub-01/func/sub-01_task-faces_run-1_events.tsv", "onset\tduration\n1.0\tsoon\n");
        IngestException e = assertThrows(IngestException.class, () -> BidsDataset.open(root).recordings("01").get(0).events());
        assertTrue(e.getMessage().contains("events.tsv") && e.getMessage().contains("line 2")
                && e.getMessage().contains("duration") && e.getMessage().contains("'soon'"), e.getMessage());
        write("sub-01/func/sub-01_task-faces_run-1_events.tsv", "start\tduration\n1.0\t2.0\n");
        assertThrows(IngestException.class, () -> BidsDataset.open(root).recordings("01").get(0).events());
        write("task-faces_bold.json", "{\"RepetitionTime\": ");
        IngestException json = assertThrows(IngestException.class, () -> BidsDataset.open(root));
        assertTrue(json.getMessage().contains("task-faces_bold.json"), json.getMessage());
    }
}
