"""Golden values for ShrinkageLdaTest: scikit-learn's LinearDiscriminantAnalysis(solver="lsqr",
shrinkage="auto") on seeded data (two and three classes, n < p and n > p). Run with Debian's
python3-sklearn; writes lda_golden.json beside this script."""
import json
import os

import numpy as np
import sklearn
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis

rng = np.random.default_rng(20261125)
cases = []
for n, p, classes in [(60, 8, 2), (30, 50, 2), (90, 12, 3)]:
    y = np.arange(n) % classes
    x = rng.standard_normal((n, p)) * rng.uniform(0.5, 3.0, p) + 0.7 * y[:, None] * rng.standard_normal(p)
    x[:, 1] += 0.8 * x[:, 0]
    lda = LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto").fit(x, y)
    test = rng.standard_normal((10, p))
    cases.append({"x": x.tolist(), "y": y.tolist(), "classes": classes, "test": test.tolist(),
                  "scores": np.atleast_2d(lda.decision_function(test)).tolist()})
out = {"sklearn": sklearn.__version__, "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lda_golden.json"), "w") as f:
    json.dump(out, f)
