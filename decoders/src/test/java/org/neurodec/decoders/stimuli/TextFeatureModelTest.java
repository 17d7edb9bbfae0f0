package org.neurodec.decoders.stimuli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.ingest.TestData;

/**
 * A tiny text model saved by PyTorch as TorchScript and ONNX (make_tiny_text_model.py): WordPiece
 * tokens as BERT's uncased rules give them, and the features PyTorch computed.
 */
class TextFeatureModelTest {

    private static final Path FOLDER = TestData.resource("textmodel/vocab.txt").getParent();

    @Test
    void wordPieceSplitsAsBert() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(FOLDER.resolve("expected.json").toFile());
        List<String> vocab = java.nio.file.Files.readAllLines(FOLDER.resolve("vocab.txt"));
        WordPiece tokenizer = WordPiece.read(FOLDER.resolve("vocab.txt"));
        expected.get("tokens").fields().forEachRemaining(e -> {
            int[] want = new int[e.getValue().size()];
            for (int i = 0; i < want.length; i++) {
                want[i] = vocab.indexOf(e.getValue().get(i).asText());
            }
            assertArrayEquals(want, tokenizer.encode(e.getKey(), 16), e.getKey());
        });
        assertEquals(List.of("cafe", ",", "naive", "!"), WordPiece.words("Café,  NAÏVE!"));
        assertEquals(3, tokenizer.encode("hammer saw dog", 3).length, "cut to the maximum length, [SEP] kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny_text.pt", "tiny_text.onnx"})
    void featuresMatchPyTorch(String file) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(FOLDER.resolve("expected.json").toFile());
        Map<String, String> texts = new LinkedHashMap<>();
        expected.get("features").fieldNames().forEachRemaining(t -> texts.put("id-" + texts.size(), t));
        try (TextFeatureModel model = TextFeatureModel.load(FOLDER.resolve(file), FOLDER.resolve("vocab.txt"), 16, Device.cpu())) {
            StimulusFeatures features = model.features(texts, 2);
            for (Map.Entry<String, String> t : texts.entrySet()) {
                JsonNode want = expected.at("/features").get(t.getValue());
                float[] got = features.get(t.getKey());
                for (int k = 0; k < want.size(); k++) {
                    assertEquals(want.get(k).asDouble(), got[k], 1e-5, t.getValue() + " feature " + k);
                }
            }
        }
    }
}
