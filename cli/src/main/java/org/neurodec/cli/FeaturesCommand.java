package org.neurodec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurodec.decoders.DecoderException;
import org.neurodec.decoders.stimuli.ImageFeatureModel;
import org.neurodec.decoders.stimuli.StimulusSets;
import org.neurodec.decoders.stimuli.TextFeatureModel;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.ingest.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec features}: a stimulus feature CSV from images (low-level or a TorchScript model) or another format. */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write stimulus features as CSV (stimulus_id,f0,f1,...), the --features input of train, adapt and transfer:",
            "from a folder of PNG/JPEG images, as low-level features (grey levels downsampled to --pixels, then --components",
            "principal components) or through a local TorchScript (.pt) or ONNX (.onnx) image model (--model, run by DJL);",
            "from stimulus texts through a local TorchScript or ONNX text model (--text-model, with its WordPiece --vocab);",
            "or converted from an HDF5 file (datasets ids and features) or a .npy matrix with NAME.ids.txt beside it."})
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "a folder of images, or a .h5/.hdf5/.npy/.csv features file")
    private Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "CSV", description = "the features CSV to write")
    private Path out;

    @Option(names = "--pixels", defaultValue = "16", paramLabel = "N",
            description = "low-level features: images downsampled to N x N grey levels (default: ${DEFAULT-VALUE})")
    private int pixels;

    @Option(names = "--components", defaultValue = "32", paramLabel = "K",
            description = "low-level features: principal components kept, 0 for the pixels (default: ${DEFAULT-VALUE})")
    private int components;

    @Option(names = "--model", paramLabel = "MODEL", description = "a TorchScript (.pt) or ONNX (.onnx) image model to compute the features with")
    private Path model;

    @Option(names = "--size", defaultValue = "224", paramLabel = "N", description = "--model: input images are N x N RGB"
            + " (default: ${DEFAULT-VALUE})")
    private int size;

    @Option(names = "--mean", split = ",", defaultValue = "0.485,0.456,0.406", paramLabel = "R,G,B",
            description = "--model: per-channel mean subtracted after scaling to [0, 1] (default: ImageNet's, ${DEFAULT-VALUE})")
    private float[] mean;

    @Option(names = "--std", split = ",", defaultValue = "0.229,0.224,0.225", paramLabel = "R,G,B",
            description = "--model: per-channel standard deviation divided by (default: ImageNet's, ${DEFAULT-VALUE})")
    private float[] std;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "--model: images per batch (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--text-model", paramLabel = "MODEL",
            description = "a TorchScript (.pt) or ONNX (.onnx) text model taking input_ids and attention_mask; INPUT is then"
                    + " a folder of .txt files (one stimulus each) or a .tsv of stimulus_id<TAB>text lines")
    private Path textModel;

    @Option(names = "--vocab", paramLabel = "vocab.txt", description = "--text-model: its WordPiece vocabulary")
    private Path vocab;

    @Option(names = "--max-length", defaultValue = "64", paramLabel = "N",
            description = "--text-model: tokens per text at most (default: ${DEFAULT-VALUE})")
    private int maxLength;

    @Mixin
    private DeviceOption device;

    /** Stimulus texts: each .txt file of a folder (id: its name), or the lines of a .tsv (id TAB text). */
    private static java.util.Map<String, String> texts(Path input) throws java.io.IOException {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        if (Files.isDirectory(input)) {
            try (var files = Files.list(input)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    String name = f.getFileName().toString();
                    texts.put(name.substring(0, name.length() - 4), Files.readString(f).strip());
                }
            }
        } else {
            int line = 0;
            for (String row : Files.readAllLines(input)) {
                line++;
                if (row.isBlank() || (line == 1 && row.startsWith("stimulus_id"))) {
                    continue;
                }
                String[] cells = row.split("\t", 2);
                if (cells.length != 2) {
                    throw new DecoderException(input + ": line " + line + ": expected stimulus_id<TAB>text, found '" + row + "'");
                }
                texts.put(cells[0], cells[1]);
            }
        }
        if (texts.isEmpty()) {
            throw new DecoderException(input + ": expected stimulus texts, found none");
        }
        return texts;
    }

    @picocli.CommandLine.Mixin
    private OutputOptions output;

    /** A features CSV that neurodec wrote: its header starts {@code stimulus_id,f0}. */
    static boolean isFeaturesFile(Path file) {
        try (java.io.BufferedReader r = Files.newBufferedReader(file)) {
            char[] head = new char[16];
            int n = r.read(head);
            return n > 0 && new String(head, 0, n).startsWith("stimulus_id,f0");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Integer call() throws java.io.IOException {
        java.util.List<Path> inputs = new java.util.ArrayList<>(java.util.List.of(input));
        for (Path p : new Path[] {model, textModel, vocab}) {
            if (p != null) {
                inputs.add(p);
            }
        }
        try (org.neurodec.ingest.OutputTarget target = output.claim("--out", out, org.neurodec.ingest.OutputTarget.Kind.file(
                "features", FeaturesCommand::isFeaturesFile), inputs, spec.commandLine().getErr())) {
            return write();
        }
    }

    private int write() throws java.io.IOException {
        StimulusFeatures features;
        if (textModel != null) {
            if (vocab == null) {
                throw new DecoderException("--text-model: expected --vocab with its vocabulary, found none");
            }
            try (TextFeatureModel m = TextFeatureModel.load(textModel, vocab, maxLength, device.device())) {
                features = m.features(texts(input), batch);
            }
        } else if (Files.isDirectory(input)) {
            if (model != null) {
                try (ImageFeatureModel m = ImageFeatureModel.load(model, size, mean, std, device.device())) {
                    features = m.features(input, batch);
                }
            } else {
                features = StimulusSets.fromImages(input, pixels, components);
            }
        } else if (Files.isRegularFile(input)) {
            features = StimulusSets.read(input);
        } else {
            throw new DecoderException(input + ": expected a folder of images or a features file, found nothing");
        }
        StringBuilder csv = new StringBuilder("stimulus_id");
        for (int k = 0; k < features.dim(); k++) {
            csv.append(",f").append(k);
        }
        csv.append('\n');
        for (String id : features.ids()) {
            csv.append(id);
            for (float v : features.get(id)) {
                csv.append(',').append(v);
            }
            csv.append('\n');
        }
        AtomicFile.write(out, stream -> stream.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        spec.commandLine().getOut().printf(Locale.ROOT, "%d stimuli x %d features written to %s%n", features.ids().size(),
                features.dim(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
