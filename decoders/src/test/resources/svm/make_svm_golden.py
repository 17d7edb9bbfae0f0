"""Golden values for LinearSvmTest: scikit-learn's LinearSVC (squared hinge loss, L2 penalty, dual
coordinate descent in liblinear, one-vs-rest, intercept as a feature of value intercept_scaling) with a
tolerance tight enough that the solver's random visiting order no longer shows (tol=1e-10), on
seeded data with two, three and eight classes, and on the shared digits69 fMRI (90 training trials of
3092 voxels, digits 6 vs 9; decision values of its 10 test trials). Run with Debian's python3-sklearn
and python3-h5py from this folder: python3 make_svm_golden.py ../../../../../../shared/data"""
import json
import os
import sys

import h5py
import numpy as np
import sklearn
from sklearn.svm import LinearSVC

here = os.path.dirname(os.path.abspath(__file__))
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../../shared/data")

rng = np.random.default_rng(20261202)
cases = []
for n, p, classes, c, scaling in [(80, 5, 2, 1.0, 1.0), (90, 12, 3, 0.5, 1.0), (160, 20, 8, 0.1, 2.0), (40, 30, 2, 10.0, 1.0)]:
    y = np.arange(n) % classes
    x = rng.standard_normal((n, p)) + 0.8 * rng.standard_normal((classes, p))[y]
    order = rng.permutation(n)  # labels in no particular order, as liblinear sees them
    x, y = x[order], y[order]
    model = LinearSVC(C=c, tol=1e-10, max_iter=1_000_000, intercept_scaling=scaling).fit(x, y)
    test = rng.standard_normal((8, p))
    cases.append({"x": x.tolist(), "y": y.tolist(), "classes": classes, "C": c, "intercept_scaling": scaling,
                  "test": test.tolist(), "decision": np.atleast_2d(model.decision_function(test).T).T.tolist(),
                  "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist()})

with h5py.File(os.path.join(data, "real/digits69/digits69.h5"), "r") as f:
    x = f["train/fmri"][:].astype(np.float64)
    y = f["train/labels"][:]
    test = f["test/fmri"][:].astype(np.float64)
classes = np.unique(y)
model = LinearSVC(C=1.0, tol=1e-10, max_iter=1_000_000).fit(x, y)
digits = {"classes": classes.tolist(), "C": 1.0, "decision": model.decision_function(test).tolist(),
          "predicted": model.predict(test).tolist()}

with open(os.path.join(here, "svm_golden.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases, "digits69": digits}, f)
