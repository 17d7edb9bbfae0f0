"""Fixtures for StimulusSetsTest: the same 6 stimuli x 3 features as .npy (+ ids file), as HDF5
(datasets ids and features, written by h5py) and as CSV; and the PCA scores scikit-learn gives for
a small deterministic image set that the test draws again in Java (principal_scores.json, absolute
values, since a component's sign is arbitrary)."""
import json
import os

import h5py
import numpy as np
from sklearn.decomposition import PCA

here = os.path.dirname(os.path.abspath(__file__))
ids = ["cat", "dog", "img-01", "img-02", "hammer", "saw"]
features = np.arange(18, dtype=np.float32).reshape(6, 3) / 4 - 1
np.save(os.path.join(here, "features.npy"), features)
with open(os.path.join(here, "features.ids.txt"), "w") as f:
    f.write("\n".join(ids) + "\n")
with h5py.File(os.path.join(here, "features.h5"), "w") as f:
    f["ids"] = np.array(ids, dtype=h5py.string_dtype())
    f["features"] = features
with open(os.path.join(here, "features.csv"), "w") as f:
    f.write("stimulus_id,f0,f1,f2\n")
    for i, row in zip(ids, features):
        f.write(i + "," + ",".join(repr(float(v)) for v in row) + "\n")
# image i, pixel (y, x) of a 4 x 4 grid: ((3 * i + 5 * y + 7 * x) % 11) / 10
rows = np.array([[((3 * i + 5 * y + 7 * x) % 11) / 10 for y in range(4) for x in range(4)] for i in range(8)])
scores = PCA(n_components=3, svd_solver="full").fit_transform(rows)
with open(os.path.join(here, "principal_scores.json"), "w") as f:
    json.dump({"abs_scores": np.abs(scores).tolist()}, f)
