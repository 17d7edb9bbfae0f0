package org.neurodec.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ConfigurationException;
import org.neurodec.decoders.DecoderException;
import org.neurodec.decoders.stats.Significance;
import org.neurodec.ingest.TestData;
import com.fasterxml.jackson.databind.JsonNode;

/** Jobs run through the module's API, without the command line: reference numbers and the checks made on data. */
class JobRunnerTest {

    static final Path EXAMPLES = Path.of(System.getProperty("neurodec.root", "..")).resolve("examples");
    private static final Map<String, String> DATA = Map.of("data", TestData.root().toString());

    @TempDir
    Path dir;

    private static JobResult run(Path job) {
        return JobRunner.run(Job.read(job, DATA), line -> { }, false);
    }

    @Test
    void leaveOneSubjectOutReproducesThePooledN170Baseline() {
        JobResult result = run(EXAMPLES.resolve("n170-pooled.yaml"));
        // the data README's pooled baseline by subject: subject 3 0.37, subject 11 0.66 (ours, with epochs decimated and
        // rejected as MNE does: 0.379, 0.613)
        for (String[] expected : List.of(new String[] {"3", "0.379"}, new String[] {"11", "0.613"})) {
            List<JobResult.Prediction> subject = result.predictions().stream()
                    .filter(p -> result.data().subjects.get(p.trial()).equals(expected[0])).toList();
            double auc = 0;
            long pairs = 0;
            for (JobResult.Prediction a : subject) {
                for (JobResult.Prediction b : subject) {
                    if (result.data().labels.get(a.trial()).equals("house") && result.data().labels.get(b.trial()).equals("face")) {
                        double d = a.values()[1] - b.values()[1];
                        auc += d > 0 ? 1 : d == 0 ? 0.5 : 0;
                        pairs++;
                    }
                }
            }
            assertEquals(Double.parseDouble(expected[1]), auc / pairs, 0.005, "pooled AUC of subject " + expected[0]);
        }
    }

    @Test
    void groupedAndStratifiedProtocolsSplitTheMotorImageryRunsAsScikitLearnWould() throws IOException {
        String csp = Files.readString(EXAMPLES.resolve("motor-imagery.yaml"));
        String protocol = "protocol:\n  type: shuffle-split\n  splits: 10\n  test_size: 0.2\n  seed: 42\n";
        assertTrue(csp.contains(protocol), "the example's protocol section moved; update this test");
        Path job = dir.resolve("runs.yaml");
        Files.writeString(job, csp.replace(protocol, "protocol: {type: leave-one-group-out, group: run}\n"));
        JobResult runs = run(job);
        assertEquals(3, runs.splits().size(), "one split per EDF file, each file a run");
        for (CrossValidation.Split split : runs.splits()) {
            List<String> files = java.util.Arrays.stream(split.test()).mapToObj(t -> runs.data().sources.get(t)).distinct().toList();
            assertEquals(1, files.size(), "a test set is one file: " + files);
            assertEquals(15, split.test().length);
        }
        assertTrue(runs.scores().get(0).value() > 0.8, "CSP + LDA across runs: " + runs.scores().get(0));
        Files.writeString(job, csp.replace(protocol, "protocol: {type: stratified-k-fold, folds: 5, shuffle: true, seed: 3}\n"));
        JobResult stratified = run(job);
        assertEquals(5, stratified.splits().size());
        for (CrossValidation.Split split : stratified.splits()) {
            long hands = java.util.Arrays.stream(split.test()).filter(t -> stratified.data().labels.get(t).equals("hands")).count();
            assertTrue(hands >= 4 && hands <= 5, "hands 23 of 45 trials: 4 or 5 per fold, found " + hands);
        }
        Files.writeString(job, csp.replace(protocol, "protocol: {type: leave-one-group-out, group: session}\n"));
        ConfigurationException noSessions = assertThrows(ConfigurationException.class, () -> run(job));
        assertTrue(noSessions.getMessage().contains("protocol.group") && noSessions.getMessage().contains("try group: source"),
                noSessions.getMessage());
    }

    @Test
    void n170DecodedOverTimePeaksAfterTheFaceAndGeneralisesAroundIt() throws IOException {
        String pooled = Files.readString(EXAMPLES.resolve("n170-pooled.yaml"));
        String job = pooled.replaceAll("(?s)  eeg:\n.*?preprocess:", "  eeg: \"\\${data}/real/eegnb-n170/subject1/*/*.csv\"\npreprocess:")
                .replace("model: {type: lda, shrinkage: auto, decimate: 2}", "model: {type: lda, shrinkage: auto}")
                .replace("protocol: {type: leave-one-subject-out}", "protocol: {type: stratified-k-fold, folds: 5}\n"
                        + "time_resolved: {generalize: true}");
        Path file = Files.writeString(dir.resolve("n170-time.yaml"), job);
        JobResult result = run(file);
        TimeResolved course = result.timeResolved();
        assertEquals("AUC", course.metric());
        assertEquals(58, course.times().length, "-0.094 to 0.797 s at 64 Hz");
        assertEquals(-0.09375, course.times()[0], 1e-9, "on the grid through t = 0, as MNE decimates");
        int peak = 0;
        double before = 0;
        int pre = 0;
        for (int t = 0; t < course.times().length; t++) {
            peak = course.scores()[t] > course.scores()[peak] ? t : peak;
            if (course.times()[t] < 0) {
                before += course.scores()[t];
                pre++;
            }
            assertEquals(course.scores()[t], course.generalization()[t][t], 1e-12, "the diagonal is the time course");
        }
        assertTrue(course.times()[peak] > 0.1 && course.times()[peak] < 0.4 && course.scores()[peak] > 0.57,
                "the N170 window decodes best: AUC " + course.scores()[peak] + " at " + course.times()[peak] + " s");
        assertTrue(before / pre < 0.55, "before the stimulus, near chance: " + before / pre);
    }

    /**
     * MNE's SlidingEstimator (StandardScaler + LogisticRegression, ROC AUC, cross_val_multiscore over
     * StratifiedKFold(5)) on EEGBCI imagery epochs 0..0.5 s: golden values and their script in
     * {@code resources/sliding}.
     */
    /**
     * The EEGBCI imagery runs laid out as BIDS (each EDF a run, its annotations written as its
     * events.tsv) and decoded through the same preprocess section as {@code data.eeg}: the same
     * trials, the same predictions, the same score; subject and run come from the BIDS names.
     */
    @Test
    void bidsEegThroughThePreprocessSectionDecodesAsTheSameFilesDo() throws IOException {
        String motor = Files.readString(EXAMPLES.resolve("motor-imagery.yaml"));
        Path bids = dir.resolve("bids");
        Path eegDir = Files.createDirectories(bids.resolve("sub-01/eeg"));
        Files.writeString(bids.resolve("dataset_description.json"), "{\"Name\": \"eegbci\", \"BIDSVersion\": \"1.8.0\"}\n");
        for (String run : List.of("06", "10", "14")) {
            Path edf = TestData.root().resolve("real/eegbci-S001/S001R" + run + ".edf");
            String base = "sub-01_task-imagery_run-" + run;
            Files.copy(edf, eegDir.resolve(base + "_eeg.edf"));
            StringBuilder events = new StringBuilder("onset\tduration\ttrial_type\n");
            for (org.neurodec.ingest.eeg.Annotation a : org.neurodec.ingest.eeg.EegRecording.open(edf).annotations()) {
                events.append(a.onset()).append('\t').append(a.duration()).append('\t').append(a.description()).append('\n');
            }
            Files.writeString(eegDir.resolve(base + "_events.tsv"), events);
        }
        JobResult files = run(Files.writeString(dir.resolve("files.yaml"), motor));
        String asBids = motor.replaceAll("(?s)data:\n  eeg:.*?preprocess:", "data: {bids: " + bids + ", modality: eeg}\npreprocess:")
                .replace(" events: annotations,", "");
        JobResult fromBids = run(Files.writeString(dir.resolve("bids.yaml"), asBids));
        assertEquals(files.data().size(), fromBids.data().size());
        assertEquals(files.data().labels, fromBids.data().labels);
        assertEquals(files.scores().get(0).value(), fromBids.scores().get(0).value(), 0.0);
        assertEquals(files.predictions().size(), fromBids.predictions().size());
        for (int i = 0; i < files.predictions().size(); i++) {
            assertEquals(files.predictions().get(i).trial(), fromBids.predictions().get(i).trial());
            assertArrayEquals(files.predictions().get(i).values(), fromBids.predictions().get(i).values(), 0.0, "prediction " + i);
        }
        assertEquals(List.of("06", "10", "14"), fromBids.data().info.stream().map(org.neurodec.subjects.TrialInfo::run).distinct().toList());
        assertTrue(fromBids.data().subjects.stream().allMatch("01"::equals));

        ConfigurationException events = assertThrows(ConfigurationException.class, () -> run(Files.writeString(
                dir.resolve("events.yaml"), asBids.replace("epochs: {", "epochs: {events: annotations, "))));
        assertTrue(events.getMessage().contains("events.tsv"), events.getMessage());
        ConfigurationException window = assertThrows(ConfigurationException.class, () -> run(Files.writeString(
                dir.resolve("window.yaml"), asBids.replace("modality: eeg}", "modality: eeg, window: [0, 1]}"))));
        assertTrue(window.getMessage().contains("set it in preprocess.epochs"), window.getMessage());
    }

    @Test
    void decodingOverTimeMatchesMnesSlidingEstimator() throws IOException {
        String motor = Files.readString(EXAMPLES.resolve("motor-imagery.yaml"));
        String job = motor.replace("epochs: {tmin: -1, tmax: 4,", "epochs: {tmin: 0, tmax: 0.5,")
                .replaceAll("(?s)model:.*", "model: {type: logistic}\nprotocol: {type: stratified-k-fold, folds: 5}\n"
                        + "time_resolved: {}\n");
        Path file = Files.writeString(dir.resolve("sliding.yaml"), job);
        TimeResolved course = run(file).timeResolved();
        com.fasterxml.jackson.databind.JsonNode golden = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Path.of("src/test/resources/sliding/sliding.json").toFile());
        assertEquals(golden.get("times").size(), course.times().length);
        assertEquals("AUC", course.metric());
        int differing = 0;
        for (int t = 0; t < course.times().length; t++) {
            assertEquals(golden.get("times").get(t).asDouble(), course.times()[t], 1e-9, "time " + t);
            double expected = golden.get("auc_positive_hands").get(t).asDouble();
            double diff = Math.abs(expected - course.scores()[t]);
            // a fold's AUC over 9 test trials moves by 0.05 per pair, the mean over 5 folds by 0.01: one pair of trials
            // whose decision values lie within the two solvers' tolerance may be ordered differently
            assertTrue(diff < 1e-9 || Math.abs(diff - 0.01) < 1e-9, "time " + t + ": " + course.scores()[t] + " vs " + expected);
            differing += diff < 1e-9 ? 0 : 1;
        }
        assertTrue(differing <= 1, differing + " of 81 time points differ from MNE's");
        assertEquals(0.8, java.util.Arrays.stream(course.scores()).max().orElseThrow(), 1e-12);
    }

    @Test
    void theBlockStudyAsBidsGivesTheSameScoresAsItsVolumesTable() throws IOException {
        Path study = Files.createDirectories(dir.resolve("block"));
        org.neurodec.cohort.BlockStudy.write(study, 7, org.neurodec.cohort.BlockStudy.SIGNAL, org.neurodec.cohort.BlockStudy.DEFAULT,
                true);
        Map<String, String> vars = Map.of("study", study.toString());
        JobResult table = JobRunner.run(Job.read(EXAMPLES.resolve("fmri-volumes.yaml"), vars), line -> { }, false);
        JobResult bids = JobRunner.run(Job.read(EXAMPLES.resolve("fmri-volumes-bids.yaml"), vars), line -> { }, false);
        assertEquals(table.data().labels, bids.data().labels, "the same volumes, the same labels, in the same order");
        assertEquals(table.splits().size(), bids.splits().size());
        for (int s = 0; s < table.splits().size(); s++) {
            assertArrayEquals(table.splits().get(s).test(), bids.splits().get(s).test(), "split " + s);
        }
        assertEquals(table.predictions().size(), bids.predictions().size());
        for (int i = 0; i < table.predictions().size(); i++) {
            assertArrayEquals(table.predictions().get(i).values(), bids.predictions().get(i).values(), 1e-12, "prediction " + i);
        }
        assertTrue(table.scores().get(0).value() > 0.7, "the categories are decoded: " + table.scores().get(0));
        // labelled 5 s (two volumes) after each block's onset, the same volumes shift by two
        Path delayed = Files.writeString(dir.resolve("delayed.yaml"), Files.readString(EXAMPLES.resolve("fmri-volumes-bids.yaml"))
                .replace("hrf_delay: 0", "hrf_delay: 5"));
        JobResult shifted = JobRunner.run(Job.read(delayed, vars), line -> { }, false);
        List<String> first = table.data().info.stream().map(t -> t.stimulus()).limit(3).toList();
        List<String> moved = shifted.data().info.stream().map(t -> t.stimulus()).limit(3).toList();
        assertEquals(List.of("bold.nii.gz:4", "bold.nii.gz:5", "bold.nii.gz:6"), first, "the first block begins after 4 rest volumes");
        assertEquals(List.of("sub-01_task-blocks_run-01_bold.nii.gz:6", "sub-01_task-blocks_run-01_bold.nii.gz:7",
                "sub-01_task-blocks_run-01_bold.nii.gz:8"), moved);
        Path eeg = Files.writeString(dir.resolve("eeg-volumes.yaml"), Files.readString(EXAMPLES.resolve("fmri-volumes-bids.yaml"))
                .replace("modality: fmri", "modality: eeg"));
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> JobRunner.run(Job.read(eeg, vars), line -> { }, false));
        assertTrue(e.getMessage().contains("data.trials") && e.getMessage().contains("volumes only for modality fmri"),
                e.getMessage());
    }

    @Test
    void analysesThatCannotRunStopTheJobBeforeAnyWork() throws IOException {
        String motor = Files.readString(EXAMPLES.resolve("motor-imagery.yaml"));
        for (String[] bad : List.of(new String[] {"time_resolved: {generalize: true}", "expected a model for [EEG_EPOCHS]"},
                new String[] {"searchlight: {radius: 5.6}", "fMRI volumes with a mask (data.nifti)"})) {
            Path file = Files.writeString(dir.resolve("bad.yaml"), motor + "\n" + bad[0] + "\n");
            List<String> log = new java.util.ArrayList<>();
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> JobRunner.run(Job.read(file, DATA), log::add, false));
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
            assertTrue(log.stream().noneMatch(l -> l.startsWith("split ")), "no split fitted before the refusal: " + log);
        }
    }

    @Test
    void searchlightScoresEverySphereOfTheMaskAndWritesTheMapOnItsGrid() throws IOException {
        Path study = Files.createDirectories(dir.resolve("small"));
        org.neurodec.cohort.BlockStudy.Design small = new org.neurodec.cohort.BlockStudy.Design(new int[] {8, 8, 2},
                new double[] {3, 3, 3}, java.util.List.of("face", "house", "cat", "shoe"), 4, 8, 4, 60);
        org.neurodec.cohort.BlockStudy.write(study, 5, 0.6, small);
        Path job = Files.writeString(dir.resolve("searchlight.yaml"), Files.readString(EXAMPLES.resolve("fmri-searchlight.yaml"))
                .replace("radius: 5.6", "radius: 3.0"));
        JobResult result = JobRunner.run(Job.read(job, Map.of("study", study.toString())), line -> { }, false);
        Searchlight light = result.searchlight();
        assertEquals(60, light.voxels().length, "one sphere per mask voxel");
        assertTrue(java.util.Arrays.stream(light.sphereSizes()).allMatch(n -> n >= 1 && n <= 7),
                "3 mm voxels within 3 mm: the centre and at most its 6 face neighbours");
        assertEquals(6, java.util.Arrays.stream(light.sphereSizes()).max().orElseThrow(),
                "an inner voxel of the two slices: itself, 4 in-plane neighbours and 1 in the other slice");
        double best = java.util.Arrays.stream(light.scores()).max().orElseThrow();
        assertTrue(best > 0.5, "the categories' patterns are found in some sphere (chance 0.25): " + best);
        Path map = dir.resolve("searchlight.nii.gz");
        light.write(map);
        org.neurodec.ingest.nifti.NiftiImage image = org.neurodec.ingest.nifti.NiftiImage.open(map);
        assertEquals(java.util.List.of(8L, 8L, 2L), java.util.Arrays.stream(image.header().shape()).boxed().toList());
        double[] values = image.volume(0);
        for (int v = 0; v < light.voxels().length; v++) {
            assertEquals(light.scores()[v], values[light.voxels()[v]], 1e-6, "the map holds each sphere's score at its centre");
        }
        assertEquals(light.voxels().length, java.util.Arrays.stream(values).filter(x -> x != 0).count(), "zero outside the mask");
    }

    @Test
    void fmriVolumesWithAMaskAndAVolumesTableAreCleanedPerRunAndDecodedLeavingOneRunOut() throws IOException {
        Path study = Files.createDirectories(dir.resolve("study"));
        org.neurodec.cohort.BlockStudy.write(study, 7, org.neurodec.cohort.BlockStudy.SIGNAL);
        Map<String, String> vars = Map.of("study", study.toString());
        JobResult result = JobRunner.run(Job.read(EXAMPLES.resolve("fmri-volumes.yaml"), vars), line -> { }, false);
        assertEquals(6 * 4 * org.neurodec.cohort.BlockStudy.BLOCK, result.data().size(), "the rest volumes left out");
        assertEquals(6, result.splits().size(), "one split per run");
        for (CrossValidation.Split split : result.splits()) {
            assertEquals(1, java.util.Arrays.stream(split.test()).mapToObj(t -> result.data().info.get(t).run()).distinct().count());
        }
        double cleaned = result.scores().get(0).value();
        assertTrue(cleaned > 0.75, "4 categories (chance 0.25), runs detrended and z-scored: " + cleaned);
        Path raw = dir.resolve("raw.yaml");
        Files.writeString(raw, Files.readString(EXAMPLES.resolve("fmri-volumes.yaml"))
                .replace("preprocess:\n  clean: {detrend: true, standardize: zscore}\n", ""));
        double uncleaned = JobRunner.run(Job.read(raw, vars), line -> { }, false).scores().get(0).value();
        assertTrue(uncleaned < cleaned - 0.3, "the runs' offsets and drifts hide the categories without cleaning: " + uncleaned);
        java.util.List<String> lines = Files.readAllLines(study.resolve("labels.txt"));
        Files.write(study.resolve("labels.txt"), lines.subList(0, lines.size() - 1));
        org.neurodec.NeurodecException shortTable = assertThrows(org.neurodec.NeurodecException.class,
                () -> JobRunner.run(Job.read(EXAMPLES.resolve("fmri-volumes.yaml"), vars), line -> { }, false));
        assertTrue(shortTable.getMessage().contains("labels.txt") && shortTable.getMessage().contains("312 rows, found 311"),
                shortTable.getMessage());
    }

    @Test
    void ssvepLeaveOneSubjectOutWithRecenteredMdmReproducesTheReferenceSubjectBySubject() {
        JsonNode reference = TestData.json(TestData.file("real/ssvep-exo/reference/results.json")).get("loso_recentred_mdm");
        JobResult result = run(EXAMPLES.resolve("ssvep-loso-mdm.yaml"));
        double mean = 0;
        for (int s = 1; s <= 8; s++) {
            String id = Integer.toString(s);
            List<JobResult.Prediction> own = result.predictions().stream()
                    .filter(p -> result.data().subjects.get(p.trial()).equals(id)).toList();
            double accuracy = own.stream().filter(p -> result.data().classes().get((int) p.values()[0])
                    .equals(result.data().labels.get(p.trial()))).count() / (double) own.size();
            assertEquals(reference.get(id).asDouble(), accuracy, 1e-9, "subject " + id);
            mean += accuracy / 8;
        }
        assertEquals(0.624, mean, 0.0005, "the data README's re-centred leave-one-subject-out MDM");
    }

    @Test
    void erpPrototypeCovariancesBeatLdaWithinEachN170Subject() throws IOException {
        String pooled = Files.readString(EXAMPLES.resolve("n170-pooled.yaml"));
        double[] auc = new double[2];
        String[] models = {"{type: lda, shrinkage: auto, decimate: 2}", "{type: ts-logistic, erp: true, estimator: oas}"};
        for (int m = 0; m < 2; m++) {
            Path job = Files.writeString(dir.resolve("n170-" + m + ".yaml"), pooled
                    .replace("model: {type: lda, shrinkage: auto, decimate: 2}", "model: " + models[m])
                    .replace("protocol: {type: leave-one-subject-out}", "protocol: {type: within-subject, folds: 5, seed: 0}"));
            auc[m] = run(job).scores().stream().filter(s -> s.metric().equals("AUC")).findFirst().orElseThrow().value();
        }
        assertTrue(auc[1] > auc[0] + 0.02, "within-subject AUC: ERP-prototype covariances " + auc[1] + ", LDA " + auc[0]);
    }

    @Test
    void logisticRegressionLinearSvmAndLdaClassifyTheTenTestDigits() throws IOException {
        for (String model : List.of("{type: logistic, C: 0.01}", "{type: linear-svm}", "{type: lda}")) {
            Path job = Files.writeString(dir.resolve("job.yaml"), "name: digits69 six vs nine\n"
                    + "data:\n  hdf5: {file: \"${data}/real/digits69/digits69.h5\", x: fmri, labels: labels, train: train,"
                    + " test: test}\nmodel: " + model + "\nprotocol: {type: train-test}\n");
            JobResult result = run(job);
            Significance.Score accuracy = result.scores().get(0);
            assertEquals("accuracy", accuracy.metric());
            assertEquals(1.0, accuracy.value(), 0, model + ": the 10 test digits");
            assertEquals(10, result.predictions().size());
        }
    }

    @Test
    void aModelTooLargeForTheHeapIsRefusedWithTheFixAndDataErrorsNameTheJob() throws IOException {
        Path job = Files.writeString(dir.resolve("lda.yaml"), Files.readString(EXAMPLES.resolve("motor-imagery.yaml")).replace(
                "  type: csp-lda\n  components: 4\n  window: [1.0, 2.0]", "  type: lda"));
        ConfigurationException heap = assertThrows(ConfigurationException.class, () -> run(job));
        assertTrue(heap.getMessage().contains("lda on 51264 features") && heap.getMessage().contains("model.decimate"),
                heap.getMessage());
        Files.writeString(job, Files.readString(job).replace("{l_freq: 7, h_freq: 30,", "{l_freq: 7, h_freq: 100,"));
        DecoderException nyquist = assertThrows(DecoderException.class, () -> run(job));
        assertTrue(nyquist.getMessage().contains(job.toString()) && nyquist.getMessage().contains("key 'preprocess"),
                nyquist.getMessage());
    }

    @Test
    void aClassicalJobReadsBidsEpochsLabelledByTrialTypeAndRefusesMixedMontages() throws IOException {
        Path one = dir.resolve("one");
        org.neurodec.cohort.Cohort.generate(org.neurodec.cohort.CohortSpec.defaults().withSubjects(1, -1)
                .withStimuli(12, 2, 6), one);
        String job = "vars: {data: unused}\ndata: {bids: one, modality: eeg, window: [-0.1, 0.5], decimate: 4}\nmodel: {type: lda}\n"
                + "protocol: {type: k-fold, folds: 3}\nmetrics: {resamples: 50}\n";
        JobResult result = run(Files.writeString(dir.resolve("bids.yaml"), job));
        assertEquals(List.of("image", "word"), result.data().classes(), "the events' trial types");
        assertEquals(result.data().size(), result.predictions().size(), "every trial predicted once");
        assertTrue(result.data().subjects.stream().allMatch("01"::equals));
        assertTrue(result.data().epochs()[0][0].length > 10, "epochs of the window, decimated");

        Path two = dir.resolve("two");
        org.neurodec.cohort.Cohort.generate(org.neurodec.cohort.CohortSpec.defaults().withSubjects(2, -1)
                .withStimuli(12, 2, 6), two);
        ConfigurationException mixed = assertThrows(ConfigurationException.class,
                () -> run(Files.writeString(dir.resolve("two.yaml"), job.replace("bids: one", "bids: two"))));
        assertTrue(mixed.getMessage().contains("of the subjects before"), mixed.getMessage());
        ConfigurationException pipeline = assertThrows(ConfigurationException.class, () -> run(Files.writeString(
                dir.resolve("p.yaml"), job + "preprocess: {epochs: {tmin: 0, tmax: 1}}\n")));
        assertTrue(pipeline.getMessage().contains("key 'data.window'") && pipeline.getMessage().contains("preprocess.epochs"),
                pipeline.getMessage());
        ConfigurationException misplaced = assertThrows(ConfigurationException.class, () -> run(Files.writeString(
                dir.resolve("m.yaml"), job.replace("bids: one, modality: eeg,", "eeg: [x.edf],"))));
        assertTrue(misplaced.getMessage().contains("key 'data.window': expected no BIDS option"), misplaced.getMessage());
    }

    @Test
    void aValueThatIsAVariableAloneTakesTheVariablesTypeButIdsWithLeadingZerosStayText() throws IOException {
        Path file = Files.writeString(dir.resolve("vars.yaml"), "vars: {n: 3, id: '01', x: 2.5}\n"
                + "data: {hdf5: {file: x.h5, x: '${id}'}}\nmodel: {type: lda}\n"
                + "protocol: {type: k-fold, folds: \"${n}\"}\nmetrics:\n  resamples: ${n}\n");
        Job job = Job.read(file, Map.of());
        assertEquals(3, job.protocol().integer("folds", 5, 2, 100));
        assertEquals(3, job.resamples());
        assertEquals("01", job.data().section("hdf5").text("x"));
        assertEquals(7, Job.read(file, Map.of("n", "7")).protocol().integer("folds", 5, 2, 100), "--set n=7");
    }

    @Test
    void jobKeysAreCheckedWhenTheJobIsRead() throws IOException {
        String good = Files.readString(EXAMPLES.resolve("motor-imagery.yaml"));
        Path job = Files.writeString(dir.resolve("job.yaml"), good.replace("  steps:", "  stepz:"));
        ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> Job.read(job, DATA));
        assertTrue(unknown.getMessage().contains("key 'preprocess.stepz'"), unknown.getMessage());
        Files.writeString(job, good);
        ConfigurationException set = assertThrows(ConfigurationException.class,
                () -> Job.read(job, Map.of("data", "x", "model.type", "svm")));
        assertTrue(set.getMessage().contains("--set sets variables, not keys"), set.getMessage());
        assertEquals(List.of(job), Job.read(job, DATA).declaredInputs().subList(0, 1));
        assertEquals(4, Job.read(job, DATA).declaredInputs().size(), "the job file and its three EDF files");
    }
}
