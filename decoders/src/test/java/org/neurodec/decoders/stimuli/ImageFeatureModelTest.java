package org.neurodec.decoders.stimuli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.ingest.TestData;
import org.neurodec.decoders.DecoderException;

/**
 * A tiny image model saved by PyTorch as TorchScript and exported to ONNX (make_tiny_model.py) gives,
 * through DJL's PyTorch and ONNX Runtime engines, the features PyTorch computed.
 */
class ImageFeatureModelTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tiny_features.pt", "tiny_features.onnx"})
    void featuresMatchPyTorch(String file) throws Exception {
        Path folder = TestData.resource("torchscript/tiny_features.pt").getParent();
        JsonNode expected = new ObjectMapper().readTree(folder.resolve("expected.json").toFile());
        float[] mean = floats(expected.get("mean"));
        float[] std = floats(expected.get("std"));
        try (ImageFeatureModel model = ImageFeatureModel.load(folder.resolve(file), 16, mean, std, Device.cpu())) {
            StimulusFeatures features = model.features(folder, 2);
            assertEquals(List.of("image0", "image1", "image2"), List.copyOf(features.ids()));
            for (String id : features.ids()) {
                float[] want = floats(expected.at("/features/" + id));
                float[] got = features.get(id);
                assertEquals(want.length, got.length);
                for (int k = 0; k < want.length; k++) {
                    assertEquals(want[k], got[k], 1e-5, id + " feature " + k);
                }
            }
        }
    }

    @Test
    void aMissingOrBrokenModelIsNamed(@TempDir Path dir) throws Exception {
        DecoderException missing = assertThrows(DecoderException.class,
                () -> ImageFeatureModel.load(dir.resolve("none.pt"), 16, new float[3], new float[] {1, 1, 1}, Device.cpu()));
        assertTrue(missing.getMessage().contains("none.pt"), missing.getMessage());
        Path broken = dir.resolve("broken.pt");
        java.nio.file.Files.writeString(broken, "not a model");
        DecoderException bad = assertThrows(DecoderException.class,
                () -> ImageFeatureModel.load(broken, 16, new float[3], new float[] {1, 1, 1}, Device.cpu()));
        assertTrue(bad.getMessage().contains("not a TorchScript model"), bad.getMessage());
    }

    private static float[] floats(JsonNode node) {
        float[] out = new float[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) node.get(i).asDouble();
        }
        return out;
    }
}
