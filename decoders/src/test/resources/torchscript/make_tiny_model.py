"""A tiny TorchScript image feature model and its outputs, for ImageFeatureModelTest: a seeded
conv (3 -> 4 channels, 3 x 3) + ReLU + global average pooling + linear (4 -> 6), traced and saved
with Debian's python3-torch (and exported to ONNX, opset 13); three 16 x 16 RGB PNG images drawn from formulas; and the model's
features of those images after the same input scaling neurodec applies (RGB / 255, then minus mean
and divided by std per channel, NCHW float32)."""
import json
import os

import numpy as np
import torch
from PIL import Image

here = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(7)
model = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3, padding=1), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1),
                            torch.nn.Flatten(), torch.nn.Linear(4, 6)).eval()
images = []
for i in range(3):
    y, x = np.mgrid[0:16, 0:16]
    rgb = np.stack([(x * 16 + 7 * i) % 256, (y * 13 + 40 * i) % 256, ((x + y) * 8 + 90 * i) % 256], axis=-1).astype(np.uint8)
    Image.fromarray(rgb, "RGB").save(os.path.join(here, "image%d.png" % i))
    images.append(rgb)
mean = np.array([0.485, 0.456, 0.406], dtype=np.float32)
std = np.array([0.229, 0.224, 0.225], dtype=np.float32)
batch = ((np.stack(images).astype(np.float32) / 255 - mean) / std).transpose(0, 3, 1, 2)
traced = torch.jit.trace(model, torch.from_numpy(batch))
traced.save(os.path.join(here, "tiny_features.pt"))
torch.onnx.export(traced, torch.from_numpy(batch), os.path.join(here, "tiny_features.onnx"), input_names=["images"],
                  output_names=["features"], dynamic_axes={"images": {0: "n"}, "features": {0: "n"}}, opset_version=13)
with torch.no_grad():
    features = traced(torch.from_numpy(batch)).numpy()
with open(os.path.join(here, "expected.json"), "w") as f:
    json.dump({"torch": torch.__version__, "mean": mean.tolist(), "std": std.tolist(),
               "features": {"image%d" % i: features[i].tolist() for i in range(3)}}, f)
