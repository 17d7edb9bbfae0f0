"""Golden values for training-free SSVEP CCA, from the SSVEP-Exo reference implementation
(real/ssvep-exo/reference/riemann_reference.py, scikit-learn's CCA): for subjects 1-8, the three
flicker classes only (13, 17, 21 Hz), references of 2 harmonics, epochs 2-4 s: each trial's
canonical correlation with each frequency's reference (first 5 trials of subject 1) and each
subject's accuracy.

Run with Debian's python3:  /usr/bin/python3 make_cca_golden.py [SSVEP_DIR]
"""
import json
import os
import sys

import numpy as np
from sklearn.cross_decomposition import CCA

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, *[".."] * 6, "shared", "data", "real", "ssvep-exo")
sys.path.insert(0, os.path.join(ROOT, "reference"))
from riemann_reference import load_subject, cca_predict, FREQS  # noqa: E402

out = {"accuracy": {}, "correlations_subject1": []}
for s in range(1, 9):
    X, y, sf = load_subject(s, ROOT)
    m = y > 0
    out["accuracy"][str(s)] = float(np.mean(cca_predict(X[m], sf) == (y[m] - 1)))
    if s == 1:
        t = np.arange(X.shape[-1]) / sf
        refs = [np.stack([fn(2 * np.pi * h * f * t) for h in (1, 2) for fn in (np.sin, np.cos)], 1) for f in FREQS]
        for x in X[m][:5]:
            row = []
            for R in refs:
                u, v = CCA(n_components=1).fit_transform(x.T, R)
                row.append(float(abs(np.corrcoef(u[:, 0], v[:, 0])[0, 1])))
            out["correlations_subject1"].append(row)
    print(s, out["accuracy"][str(s)], flush=True)
with open(os.path.join(HERE, "cca_golden.json"), "w") as f:
    json.dump(out, f, indent=1)
