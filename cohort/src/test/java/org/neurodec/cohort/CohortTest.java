package org.neurodec.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.bids.BidsDataset;
import org.neurodec.ingest.bids.BidsRecording;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.VoxelMask;

/** The cohort is real files that neurodec's own readers open, and the same seed gives the same bytes. */
class CohortTest {

    private static final CohortSpec SMALL = CohortSpec.defaults().withSubjects(2, 1).withStimuli(12, 2, 4);

    @Test
    void writesABidsDatasetThatTheReadersOpen(@TempDir Path root) throws Exception {
        Cohort cohort = Cohort.generate(SMALL, root);
        BidsDataset dataset = BidsDataset.open(root);
        assertEquals(List.of("01", "02"), dataset.subjects());
        List<BidsRecording> recordings = dataset.recordings("01");
        assertEquals(SMALL.fmriRuns() + 1, recordings.size());
        int trials = 0;
        for (BidsRecording recording : recordings) {
            if (recording.datatype().equals("func")) {
                assertEquals(1.0, recording.repetitionTime().getAsDouble());
                trials += recording.events().size();
                assertEquals(4, NiftiImage.open(recording.data()).header().dim()[0]);
            } else {
                EegRecording eeg = EegRecording.open(recording.data());
                assertEquals(cohort.subjects().get(0).channels().size(), eeg.channels().size());
                assertEquals(SMALL.stimuli() * SMALL.eegRepetitions(), eeg.annotations().size());
                assertEquals(128.0, eeg.sfreq());
            }
        }
        assertEquals(SMALL.stimuli(), trials);
        assertEquals(cohort.subjects().get(0).voxels(), VoxelMask.nonZero(NiftiImage.open(cohort.mask("01"))).size());
        BufferedImage image = ImageIO.read(root.resolve("stimuli/images/img-003.png").toFile());
        assertEquals(Stimuli.IMAGE_SIZE, image.getWidth());
        assertEquals(SMALL.stimuli() + 1, Files.readAllLines(root.resolve("stimuli/features.csv")).size());
        assertTrue(cohort.subjects().get(1).inconsistent());
    }

    @Test
    void theSameSeedWritesTheSameFiles(@TempDir Path root) throws Exception {
        Cohort.generate(SMALL, root.resolve("a"));
        Cohort.generate(SMALL, root.resolve("b"));
        Cohort.generate(SMALL.withSeed(1), root.resolve("c"));
        for (String file : List.of("sub-02/func/sub-02_task-view_run-03_bold.nii.gz", "sub-01/eeg/sub-01_task-view_eeg.edf",
                "stimuli/features.csv", "stimuli/images/img-000.png")) {
            assertArrayEquals(Files.readAllBytes(root.resolve("a").resolve(file)),
                    Files.readAllBytes(root.resolve("b").resolve(file)), file);
        }
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(root.resolve("a/stimuli/features.csv")),
                Files.readAllBytes(root.resolve("c/stimuli/features.csv"))));
    }

    @Test
    void badSizesNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohortSpec.defaults().withSubjects(0, -1));
        assertTrue(e.getMessage().contains("subjects"), e.getMessage());
    }
}
