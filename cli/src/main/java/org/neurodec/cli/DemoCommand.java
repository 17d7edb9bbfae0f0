package org.neurodec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.preprocess.epochs.EpochSpec;
import org.neurodec.preprocess.pipeline.EpochStep;
import org.neurodec.preprocess.pipeline.Pipeline;
import org.neurodec.preprocess.pipeline.PreprocessedFile;
import org.neurodec.preprocess.pipeline.Steps;
import org.neurodec.ingest.hdf5.Hdf5Writer;
import org.neurodec.ingest.hdf5.TrialMatrices;
import org.neurodec.ingest.hdf5.TrialMatrix;
import org.neurodec.ingest.hdf5.TrialMatrixSpec;
import org.neurodec.ingest.nifti.NiftiDataType;
import org.neurodec.ingest.nifti.NiftiHeader;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.NiftiWriter;
import org.neurodec.ingest.nifti.VoxelMask;
import org.neurodec.ingest.nifti.VoxelSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neurodec demo}: what works today, run on the bundled example files. It reads a real fMRI
 * run and the digits69 trial matrices, computes a temporal SNR map and writes it back as NIfTI and
 * HDF5, and says plainly which parts of the decoding pipeline are still to come.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show what neurodec does today, on the example data.",
            "Reads a 4D fMRI run from ../shared/data, masks it and computes temporal SNR, reads the",
            "digits69 trial matrices, writes NIfTI and HDF5 outputs and reads them back, and reads",
            "EEG (an EDF+ motor-imagery run and a Muse CSV export) with their events, and epochs the",
            "motor-imagery run as MNE's example does.",
            "Decoding itself arrives in later releases; the demo says so rather than pretend."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "the example data folder (default: $NEURODEC_DATA or ../shared/data)")
    private Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "neurodec-demo-output",
            description = "where the outputs go (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path root = DataRoot.find(data);
        o.println("neurodec demo: example data from " + root);
        o.println();

        Path run = root.resolve("nifti/functional.nii");
        NiftiImage image = NiftiImage.open(run);
        NiftiHeader h = image.header();
        o.printf(Locale.ROOT, "1. fMRI run %s: %s voxels x %d volumes, %s, TR %.1f s, scaled by %.4g + %.4g%n",
                run.getFileName(), shape3(h.shape()), h.volumeCount(), h.dataType().name().toLowerCase(Locale.ROOT),
                h.repetitionTimeSeconds(), h.slope(), h.intercept());
        double[] first = image.volume(0);
        double threshold = Arrays.stream(first).average().orElse(0);
        boolean[] inside = new boolean[first.length];
        for (int i = 0; i < first.length; i++) {
            inside[i] = first[i] > threshold;
        }
        VoxelMask mask = VoxelMask.of(h.shape(), inside);
        VoxelSeries series = image.mask(mask);
        double[] tsnr = new double[first.length];
        double[] masked = new double[series.voxels()];
        for (int v = 0; v < series.voxels(); v++) {
            float[] ts = series.timeSeries(v);
            double mean = 0;
            for (float x : ts) {
                mean += x;
            }
            mean /= ts.length;
            double var = 0;
            for (float x : ts) {
                var += (x - mean) * (x - mean);
            }
            double sd = Math.sqrt(var / ts.length);
            masked[v] = sd == 0 ? 0 : mean / sd;
            tsnr[mask.indices()[v]] = masked[v];
        }
        double[] sorted = masked.clone();
        Arrays.sort(sorted);
        o.printf(Locale.ROOT, "   mask (volume 0 above its mean): %d voxels; time series %d x %d float32%n",
                mask.size(), series.times(), series.voxels());
        o.printf(Locale.ROOT, "   temporal SNR in the mask: median %.1f, 5th-95th percentile %.1f-%.1f%n",
                sorted[sorted.length / 2], sorted[sorted.length / 20], sorted[sorted.length * 19 / 20]);

        Path digits = root.resolve("real/digits69/digits69.h5");
        TrialMatrix train = TrialMatrices.read(digits, TrialMatrixSpec.of("train/fmri").withLabels("train/labels"));
        TrialMatrix test = TrialMatrices.read(digits, TrialMatrixSpec.of("test/fmri").withLabels("test/labels"));
        o.printf(Locale.ROOT, "2. digits69 trial matrices: train %d x %d (labels %s), test %d x %d (labels %s)%n",
                train.trials(), train.features(), counts(train), test.trials(), test.features(), counts(test));

        Path tsnrFile = out.resolve("functional_tsnr.nii.gz");
        NiftiWriter.create(Arrays.copyOf(h.shape(), 3)).dataType(NiftiDataType.FLOAT32).affine(h.affine())
                .description("neurodec demo: temporal SNR").write(tsnrFile, tsnr);
        Path h5File = out.resolve("demo.h5");
        Hdf5Writer.create()
                .dataset("tsnr/values", toFloats(masked))
                .dataset("tsnr/voxel_index", mask.indices())
                .attribute("tsnr", "source", run.toString())
                .dataset("digits69/train", train.toArray(), train.trials(), train.features())
                .write(h5File);
        double check = NiftiImage.open(tsnrFile).volume(0)[mask.indices()[0]];
        try (Hdf5File written = Hdf5File.open(h5File)) {
            o.printf(Locale.ROOT, "3. wrote %s and %s; read back: tSNR of voxel %d = %.4f, HDF5 holds %s%n",
                    tsnrFile, h5File, mask.indices()[0], check,
                    Arrays.toString(written.shape("digits69/train")));
        }
        Path run6 = root.resolve("real/eegbci-S001/S001R06.edf");
        EegRecording eeg = EegRecording.open(run6);
        Map<String, Integer> events = new TreeMap<>();
        Events.fromAnnotations(eeg.annotations()).list().forEach(e -> events.merge(e.trialType(), 1, Integer::sum));
        o.printf(Locale.ROOT, "4. EEG %s (%s): %d channels at %.0f Hz, %.1f s; events %s%n", run6.getFileName(),
                eeg.format(), eeg.channels().size(), eeg.sfreq(), eeg.times() / eeg.sfreq(), events);
        Path csv = root.resolve("real/eegnb-n170/subject1/session1/data_2017-09-13-15.30.01.csv");
        EegRecording muse = EegRecording.open(csv);
        o.printf(Locale.ROOT, "   Muse CSV %s: channels %s at %.0f Hz, %d face/house markers%n", csv.getFileName(),
                muse.channelNames(), muse.sfreq(), muse.annotations().size());
        Pipeline pipeline = Pipeline.empty().then(new Steps.Filter(7.0, 30.0, "fir", 4))
                .then(new Steps.AverageReference(List.of()))
                .epochs(new EpochStep(EpochSpec.of(-1, 4), "annotations", Map.of("T1", "hands", "T2", "feet")));
        Pipeline.Result result = pipeline.run(eeg);
        Path epochsFile = out.resolve("S001R06_epochs.h5");
        PreprocessedFile.write(result, epochsFile);
        o.printf(Locale.ROOT, "5. preprocessed %s as MNE's motor-imagery recipe does (7-30 Hz FIR, average reference):%n"
                + "   %d epochs x %d channels x %d samples -> %s%n", run6.getFileName(), result.epochs().size(),
                result.epochs().channels(), result.epochs().times(), epochsFile);
        o.println();
        o.println("Inspect any of these files with: ./neurodec inspect FILE [--json]");
        o.println("Preprocess your own data with: ./neurodec preprocess INPUT --out OUT.h5 (see --help)");
        o.println("Train the shared cross-subject encoder: ./neurodec cohort DIR, then ./neurodec train and");
        o.println("./neurodec adapt (see --help). Not yet built (coming in order): batch decoding jobs with reports,");
        o.println("transfer experiments, and this demo running them; notebooks.");
        o.flush();
        return 0;
    }

    private static String shape3(long[] shape) {
        return shape[0] + " x " + shape[1] + " x " + (shape.length > 2 ? shape[2] : 1);
    }

    private static String counts(TrialMatrix m) {
        Map<String, Integer> counts = new TreeMap<>();
        m.labels().forEach(l -> counts.merge(l, 1, Integer::sum));
        return counts.toString();
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
