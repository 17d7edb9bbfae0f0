package org.neurodec.subjects.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.cohort.Cohort;
import org.neurodec.cohort.CohortSpec;
import org.neurodec.ingest.TestData;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.SubjectTrials;
import org.neurodec.subjects.SubjectsException;
import org.neurodec.subjects.TrialInfo;

/** The three trial sources give typed trials: values, registry entry and each trial's subject, session, run, label and stimulus. */
class TrialSourcesTest {

    private static final Path REAL = TestData.root().resolve("real");

    @Test
    void bidsFmriAndEegTrialsCarryTheirRecordingsSessionRunLabelAndStimulus(@TempDir Path dir) {
        Cohort cohort = Cohort.generate(CohortSpec.defaults().withSubjects(2, -1).withStimuli(12, 2, 6), dir);
        Set<String> stimuli = Set.copyOf(cohort.stimuli().ids());

        BidsTrialSource fmri = BidsTrialSource.of(dir, Modality.FMRI);
        assertEquals(List.of("01", "02"), fmri.subjects());
        SubjectTrials betas = fmri.load("02", line -> { });
        assertEquals(Modality.FMRI, betas.trials().modality());
        assertEquals(betas.trials().trials(), betas.info().size());
        assertEquals(cohort.mask("02").toString(), betas.entry().mask());
        Set<String> runs = betas.info().stream().map(TrialInfo::run).collect(Collectors.toSet());
        assertTrue(runs.size() > 1, "trials from each fMRI run: " + runs);
        for (TrialInfo t : betas.info()) {
            assertEquals("02", t.subject());
            assertTrue(stimuli.contains(t.stimulus()), t.stimulus());
            assertFalse(t.label().isEmpty() || t.label().equals(t.stimulus()), "the label is the event's trial type: " + t);
            assertTrue(t.source().endsWith("_bold.nii.gz"), t.source());
        }
        assertTrue(betas.secondsPerTrial() > 0, "seconds per trial from the events: " + betas.secondsPerTrial());
        assertTrue(Double.isNaN(betas.tmin()));

        SubjectTrials epochs = BidsTrialSource.of(dir, Modality.EEG).load("01", line -> { });
        assertEquals(Modality.EEG, epochs.trials().modality());
        assertEquals(-0.1, epochs.tmin(), 1 / epochs.sfreq(), "the window's start on the sample grid");
        assertEquals(epochs.trials().channels(), epochs.entry().channels().size());
        assertEquals(0.7, (epochs.trials().times() - 1) / epochs.sfreq(), 1.5 / epochs.sfreq());
        assertEquals(epochs.trials().stimuli(), epochs.info().stream().map(TrialInfo::stimulus).toList());

        SubjectsException missing = assertThrows(SubjectsException.class, () -> fmri.load("07", line -> { }));
        assertTrue(missing.getMessage().contains("subject 07"), missing.getMessage());
        assertThrows(SubjectsException.class, () -> BidsTrialSource.of(dir.resolve("nothing"), Modality.EEG).subjects());
    }

    @Test
    void eegFilesThroughAPipelineAreEpochsOfTheirConditionsWithEachFileAsTheRun() throws IOException {
        Path r06 = REAL.resolve("eegbci-S001/S001R06.edf");
        Path r10 = REAL.resolve("eegbci-S001/S001R10.edf");
        Pipeline pipeline = pipeline("{\"epochs\": {\"tmin\": -1, \"tmax\": 4, \"events\": \"annotations\","
                + " \"conditions\": {\"T1\": \"hands\", \"T2\": \"feet\"}}}");
        EegFileSource source = new EegFileSource(Map.of("a", List.of(r06), "b", List.of(r10)), pipeline);
        SubjectTrials a = source.load("a", line -> { });
        assertEquals(64, a.trials().channels());
        assertEquals(801, a.trials().times());
        assertEquals(-1.0, a.tmin(), 1e-12);
        assertEquals(160.0, a.sfreq(), 1e-12);
        assertEquals(Set.of("hands", "feet"), Set.copyOf(a.labels()));
        assertTrue(a.info().stream().allMatch(t -> t.subject().equals("a") && t.run().equals("S001R06.edf")));
        assertEquals(15, a.labels().size(), "S001R06 has 15 imagined hands or feet (MNE's example: 45 epochs in 3 runs)");
        assertEquals(Map.of(r06, "recording"), source.inputs());
        assertTrue(a.secondsPerTrial() > 4 && a.secondsPerTrial() < 10, "about 125 s over 30 trials: " + a.secondsPerTrial());

        Pipeline nyquist = pipeline("{\"steps\": [{\"filter\": {\"l_freq\": 7, \"h_freq\": 100, \"method\": \"fir\"}}],"
                + " \"epochs\": {\"tmin\": -1, \"tmax\": 4, \"events\": \"annotations\", \"conditions\": {\"T1\": \"hands\"}}}");
        PreprocessException e = assertThrows(PreprocessException.class,
                () -> new EegFileSource(Map.of("", List.of(r06)), nyquist).load("", line -> { }));
        assertTrue(e.getMessage().contains("h_freq") && e.getMessage().contains(r06.toString()), e.getMessage());
    }

    @Test
    void preprocessedEpochFilesAreTheEpochsOfTheirRecordingsWithSubjectsAndRunsFromTheirNames(@TempDir Path dir) throws IOException {
        Path r06 = REAL.resolve("eegbci-S001/S001R06.edf");
        Path r10 = REAL.resolve("eegbci-S001/S001R10.edf");
        Pipeline pipeline = pipeline("{\"epochs\": {\"tmin\": -1, \"tmax\": 4, \"events\": \"annotations\","
                + " \"conditions\": {\"T1\": \"hands\", \"T2\": \"feet\"}}}");
        Path a = dir.resolve("sub-07_ses-2_run-06_preproc.h5");
        Path b = dir.resolve("sub-07_ses-2_run-10_preproc.h5");
        org.neurodec.preprocess.pipeline.PreprocessedFile.write(pipeline.run(org.neurodec.ingest.eeg.EegRecording.open(r06)), a);
        org.neurodec.preprocess.pipeline.PreprocessedFile.write(pipeline.run(org.neurodec.ingest.eeg.EegRecording.open(r10)), b);
        PreprocessedSource files = new PreprocessedSource(Map.of("", List.of(a, b)));
        assertEquals(List.of("07"), files.subjects(), "the sub- entity of every file name");
        SubjectTrials read = files.load("07", line -> { });
        SubjectTrials direct = new EegFileSource(Map.of("07", List.of(r06, r10)), pipeline).load("07", line -> { });
        assertEquals(direct.labels(), read.labels());
        assertEquals(direct.tmin(), read.tmin(), 0.0);
        assertEquals(direct.sfreq(), read.sfreq(), 0.0);
        assertEquals(direct.entry().channels(), read.entry().channels());
        for (int t = 0; t < direct.trials().trials(); t += 7) {
            assertEquals(java.util.Arrays.toString(direct.trials().row(t)), java.util.Arrays.toString(read.trials().row(t)), "trial " + t);
        }
        assertEquals(Set.of("06", "10"), read.info().stream().map(TrialInfo::run).collect(Collectors.toSet()));
        assertTrue(read.info().stream().allMatch(t -> t.session().equals("2") && t.subject().equals("07")));
        assertTrue(read.secondsPerTrial() > 4 && read.secondsPerTrial() < 10, "the gap between events: " + read.secondsPerTrial());

        Path continuous = dir.resolve("raw.h5");
        org.neurodec.preprocess.pipeline.PreprocessedFile.write(Pipeline.empty().run(org.neurodec.ingest.eeg.EegRecording.open(r06)),
                continuous);
        SubjectsException raw = assertThrows(SubjectsException.class,
                () -> new PreprocessedSource(Map.of("x", List.of(continuous))).load("x", line -> { }));
        assertTrue(raw.getMessage().contains("raw.h5") && raw.getMessage().contains("continuous"), raw.getMessage());
        Pipeline shorter = pipeline("{\"epochs\": {\"tmin\": 0, \"tmax\": 2, \"events\": \"annotations\"}}");
        Path c = dir.resolve("short.h5");
        org.neurodec.preprocess.pipeline.PreprocessedFile.write(shorter.run(org.neurodec.ingest.eeg.EegRecording.open(r10)), c);
        SubjectsException window = assertThrows(SubjectsException.class,
                () -> new PreprocessedSource(Map.of("x", List.of(a, c))).load("x", line -> { }));
        assertTrue(window.getMessage().contains("short.h5") && window.getMessage().contains("samples"), window.getMessage());
    }

    @Test
    void anHdf5TrialMatrixHoldsOutItsTestGroupAndCarriesItsImages() {
        Path file = REAL.resolve("digits69/digits69.h5");
        SubjectTrials all = new Hdf5TrialSource(file, "fmri", "stimuli", "labels", "train", "test").load("", line -> { });
        assertEquals(Modality.FEATURES, all.trials().modality());
        assertEquals(100, all.trials().trials());
        assertEquals(3092, all.trials().features());
        assertEquals(10, all.info().stream().filter(TrialInfo::heldOut).count());
        assertTrue(all.info().subList(90, 100).stream().allMatch(t -> t.heldOut() && t.session().equals("test")));
        assertEquals(Set.of("1", "2"), Set.copyOf(all.labels()));
        assertEquals(28, all.images().width());
        assertEquals(100, all.images().size());
        double max = java.util.Arrays.stream(all.images().pixels()).flatMapToDouble(java.util.Arrays::stream).max().orElseThrow();
        assertTrue(max > 0.5 && max <= 1.0, "uint8 scaled to [0, 1]: " + max);

        SubjectTrials bare = new Hdf5TrialSource(file, "train/fmri", null, null, null, null).load("", line -> { });
        assertNull(bare.images());
        assertTrue(bare.labels().stream().allMatch(String::isEmpty));
        SubjectsException wrong = assertThrows(SubjectsException.class,
                () -> new Hdf5TrialSource(file, "fmri", "labels", null, "train", null).load("", line -> { }));
        assertTrue(wrong.getMessage().contains(file.toString()) && wrong.getMessage().contains("train/labels"),
                wrong.getMessage());
    }

    private static Pipeline pipeline(String json) throws IOException {
        return Pipeline.fromSection(Path.of("job.yaml"), new ObjectMapper().readTree(json));
    }
}
