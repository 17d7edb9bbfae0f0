"""Golden values for the Riemannian toolkit, from the SSVEP-Exo reference implementation
(../shared/data/real/ssvep-exo/reference/riemann_reference.py: NumPy, SciPy, scikit-learn).

For subject 1: the extended signal of the first trial, scikit-learn's empirical, Ledoit-Wolf and OAS
covariances of it, the Ledoit-Wolf covariances of the first 4 trials, their Riemannian mean, the
distance between trials 0 and 1, tangent vectors at the mean, re-centred covariances; and for every
subject the labels and scikit-learn's StratifiedKFold(5, shuffle=True, random_state=42) test folds,
so that the Java tests run the reference's own protocol.

Run with Debian's python3 (mne 1.3, scipy, scikit-learn):
  /usr/bin/python3 make_riemann_golden.py [SSVEP_DIR]
"""
import json
import os
import sys

import numpy as np
from sklearn.covariance import empirical_covariance, ledoit_wolf, oas
from sklearn.model_selection import StratifiedKFold

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, *[".."] * 6, "shared", "data", "real", "ssvep-exo")
sys.path.insert(0, os.path.join(ROOT, "reference"))
from riemann_reference import load_subject, extended, covs, riemann_mean, dist, tangent, recenter, MDM  # noqa: E402

out = {"subject": 1, "folds": {}}
X, y, sf = load_subject(1, ROOT)
Xf = extended(X[:4], sf)
out["extended_trial0_first_samples"] = Xf[0][:, :5].tolist()
out["extended_trial0_channel_sums"] = Xf[0].sum(axis=1).tolist()
x0 = Xf[0].T
out["empirical"] = empirical_covariance(x0).tolist()
out["ledoit_wolf"] = ledoit_wolf(x0)[0].tolist()
out["oas"] = oas(x0)[0].tolist()
C = covs(Xf)
out["covariances"] = C.tolist()
M = riemann_mean(C)
out["mean"] = M.tolist()
out["distance_0_1"] = float(dist(C[0], C[1]))
out["tangent"] = tangent(C, M).tolist()
out["recentred"] = recenter(C).tolist()
for s in range(1, 9):
    _, ys, _ = load_subject(s, ROOT)
    folds = [te.tolist() for _, te in StratifiedKFold(5, shuffle=True, random_state=42).split(np.zeros(len(ys)), ys)]
    out["folds"][str(s)] = {"labels": ys.tolist(), "test_folds": folds}
with open(os.path.join(HERE, "riemann_golden.json"), "w") as f:
    json.dump(out, f)
