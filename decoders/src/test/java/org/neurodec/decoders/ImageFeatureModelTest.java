package org.neurodec.decoders;

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

/** A TorchScript image model saved by PyTorch (make_tiny_model.py) gives, through DJL, the features PyTorch computed. */
class ImageFeatureModelTest {

    @Test
    void featuresMatchPyTorch() throws Exception {
        Path folder = TestData.resource("torchscript/tiny_features.pt").getParent();
        JsonNode expected = new ObjectMapper().readTree(folder.resolve("expected.json").toFile());
        float[] mean = floats(expected.get("mean"));
        float[] std = floats(expected.get("std"));
        try (ImageFeatureModel model = ImageFeatureModel.load(folder.resolve("tiny_features.pt"), 16, mean, std, Device.cpu())) {
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
