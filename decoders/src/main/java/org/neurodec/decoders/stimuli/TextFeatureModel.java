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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.decoders.DecoderException;

/**
 * Stimulus features from a local text model, TorchScript ({@code .pt}) or ONNX ({@code .onnx}), that
 * takes {@code input_ids} and {@code attention_mask} (int64, texts × tokens) and returns one vector
 * per text (a BERT-style sentence encoder with its pooling inside the model). Texts are tokenized by
 * {@link WordPiece} with the model's {@code vocab.txt} and padded per batch; nothing is downloaded.
 */
public final class TextFeatureModel implements AutoCloseable {

    private final ZooModel<NDList, NDList> model;
    private final WordPiece tokenizer;
    private final int maxLength;

    private TextFeatureModel(ZooModel<NDList, NDList> model, WordPiece tokenizer, int maxLength) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    /** Loads {@code file} with the vocabulary {@code vocab} onto {@code device}; texts are cut to {@code maxLength} tokens. */
    public static TextFeatureModel load(Path file, Path vocab, int maxLength, Device device) {
        if (!Files.isRegularFile(file)) {
            throw new DecoderException(file + ": expected a TorchScript or ONNX text model file, found none");
        }
        if (maxLength < 2) {
            throw new DecoderException(file + ": expected a maximum length of 2 or more tokens, found " + maxLength);
        }
        WordPiece tokenizer = WordPiece.read(vocab);
        String engine = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx") ? "OnnxRuntime" : "PyTorch";
        try {
            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(file.toAbsolutePath()).optEngine(engine).optDevice(device)
                    .optTranslator(new NoopTranslator()).build();
            return new TextFeatureModel(criteria.loadModel(), tokenizer, maxLength);
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new DecoderException(file + ": not a text model the " + engine + " engine can load: " + e.getMessage(), e);
        }
    }

    /** The features of each text (by stimulus id), {@code batch} texts at a time. */
    public StimulusFeatures features(Map<String, String> texts, int batch) {
        if (texts.isEmpty()) {
            throw new DecoderException("text features: expected at least one text, found none");
        }
        List<String> ids = new ArrayList<>(texts.keySet());
        Map<String, float[]> out = new LinkedHashMap<>();
        try (Predictor<NDList, NDList> predictor = model.newPredictor(); NDManager manager = model.getNDManager().newSubManager()) {
            for (int from = 0; from < ids.size(); from += batch) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + batch));
                List<int[]> encoded = part.stream().map(id -> tokenizer.encode(texts.get(id), maxLength)).toList();
                int length = encoded.stream().mapToInt(e -> e.length).max().orElse(2);
                long[] tokens = new long[part.size() * length];
                long[] mask = new long[tokens.length];
                java.util.Arrays.fill(tokens, tokenizer.padding());
                for (int i = 0; i < encoded.size(); i++) {
                    for (int t = 0; t < encoded.get(i).length; t++) {
                        tokens[i * length + t] = encoded.get(i)[t];
                        mask[i * length + t] = 1;
                    }
                }
                NDArray input = manager.create(tokens, new Shape(part.size(), length));
                input.setName("input_ids");
                NDArray attention = manager.create(mask, new Shape(part.size(), length));
                attention.setName("attention_mask");
                NDArray result = predictor.predict(new NDList(input, attention)).get(0);
                int width = (int) (result.size() / part.size());
                float[] flat = result.toFloatArray();
                for (int i = 0; i < part.size(); i++) {
                    out.put(part.get(i), java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width));
                }
            }
        } catch (TranslateException e) {
            throw new DecoderException(model.getName() + ": the model failed on the texts: " + e.getMessage(), e);
        }
        return StimulusFeatures.of(out);
    }

    @Override
    public void close() {
        model.close();
    }
}
