package org.neurodec.decoders.stimuli;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.decoders.DecoderException;

/**
 * Stimulus features from a local image model, a TorchScript file ({@code .pt}, saved with
 * {@code torch.jit.save}) run by DJL's PyTorch engine or an ONNX file ({@code .onnx}) run by its ONNX
 * Runtime engine, on the CPU or a GPU; nothing is downloaded. Each image is drawn at {@code size} × {@code size} (bilinear), scaled to [0, 1] per RGB
 * channel, normalised by the model's {@code mean} and {@code std}, and batched as NCHW float32; the
 * model's first output, flattened per image, is the image's feature vector.
 */
public final class ImageFeatureModel implements AutoCloseable {

    private final ZooModel<NDList, NDList> model;
    private final int size;
    private final float[] mean;
    private final float[] std;

    private ImageFeatureModel(ZooModel<NDList, NDList> model, int size, float[] mean, float[] std) {
        this.model = model;
        this.size = size;
        this.mean = mean;
        this.std = std;
    }

    /** Loads {@code file} onto {@code device}. */
    public static ImageFeatureModel load(Path file, int size, float[] mean, float[] std, Device device) {
        if (!Files.isRegularFile(file)) {
            throw new DecoderException(file + ": expected a TorchScript model file, found none");
        }
        if (mean.length != 3 || std.length != 3 || size < 1) {
            throw new DecoderException(file + ": expected an image size >= 1 and a mean and std for R, G and B, found size "
                    + size + ", " + mean.length + " means, " + std.length + " stds");
        }
        String engine = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx") ? "OnnxRuntime" : "PyTorch";
        try {
            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(file.toAbsolutePath()).optEngine(engine).optDevice(device)
                    .optTranslator(new NoopTranslator()).build();
            return new ImageFeatureModel(criteria.loadModel(), size, mean.clone(), std.clone());
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new DecoderException(file + ": not a " + (engine.equals("PyTorch") ? "TorchScript" : "ONNX") + " model the "
                    + engine + " engine can load: " + e.getMessage(), e);
        }
    }

    /** Features of every PNG/JPEG in {@code folder}, ids the file names without extension, {@code batch} images at a time. */
    public StimulusFeatures features(Path folder, int batch) {
        List<Path> files = StimulusSets.imageFiles(folder);
        Map<String, float[]> out = new LinkedHashMap<>();
        try (Predictor<NDList, NDList> predictor = model.newPredictor(); NDManager manager = model.getNDManager().newSubManager()) {
            for (int from = 0; from < files.size(); from += batch) {
                List<Path> part = files.subList(from, Math.min(files.size(), from + batch));
                float[] pixels = new float[part.size() * 3 * size * size];
                for (int i = 0; i < part.size(); i++) {
                    draw(part.get(i), pixels, i * 3 * size * size);
                }
                NDArray input = manager.create(pixels, new Shape(part.size(), 3, size, size));
                NDArray result = predictor.predict(new NDList(input)).get(0);
                long width = result.size() / part.size();
                float[] flat = result.toFloatArray();
                for (int i = 0; i < part.size(); i++) {
                    String name = part.get(i).getFileName().toString();
                    float[] v = new float[(int) width];
                    System.arraycopy(flat, (int) (i * width), v, 0, (int) width);
                    out.put(name.substring(0, name.lastIndexOf('.')), v);
                }
            }
        } catch (TranslateException e) {
            throw new DecoderException(model.getName() + ": the model failed on the images of " + folder + ": " + e.getMessage(), e);
        }
        return StimulusFeatures.of(out);
    }

    private void draw(Path file, float[] out, int offset) {
        BufferedImage source;
        try {
            source = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DecoderException(file + ": cannot read the image: " + e.getMessage(), e);
        }
        if (source == null) {
            throw new DecoderException(file + ": expected a PNG or JPEG image, found an unreadable file");
        }
        BufferedImage image = source;
        if (source.getWidth() != size || source.getHeight() != size) {
            image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, size, size, null);
            g.dispose();
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = image.getRGB(x, y);
                int[] channel = {rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255};
                for (int c = 0; c < 3; c++) {
                    out[offset + (c * size + y) * size + x] = (channel[c] / 255f - mean[c]) / std[c];
                }
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
