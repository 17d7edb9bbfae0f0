"""Golden values for the SSIM test: scikit-image's structural_similarity with its defaults
(7 x 7 uniform windows, sample covariance, K1 = 0.01, K2 = 0.03) and data_range=1, on seeded image
pairs of several sizes, including values outside [0, 1]. Run with Debian's python3-skimage."""
import json
import os

import numpy as np
import skimage
from skimage.metrics import structural_similarity

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261125)
cases = []
for h, w in [(28, 28), (7, 7), (12, 20), (32, 9)]:
    a = rng.uniform(0, 1, (h, w))
    b = np.clip(a + rng.normal(0, 0.2, (h, w)), -0.2, 1.2)
    cases.append({"height": h, "width": w, "a": a.ravel().tolist(), "b": b.ravel().tolist(),
                  "ssim": float(structural_similarity(a, b, data_range=1.0))})
with open(os.path.join(here, "ssim_golden.json"), "w") as f:
    json.dump({"skimage": skimage.__version__, "cases": cases}, f)
