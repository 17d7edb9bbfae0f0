"""Golden values for LogisticRegressionTest: scikit-learn's LogisticRegression(C, penalty="l2",
solver="newton-cg", tol=1e-12, max_iter=10000) on seeded data, two classes (one weight vector) and three
(multinomial); class probabilities of held-out points. newton-cg rather than the default lbfgs, whose
relative-reduction stop (ftol) ends about 1e-6 short of the optimum on the multinomial case.
Run with Debian's python3-sklearn."""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(20261125)
cases = []
for n, p, classes, c in [(80, 5, 2, 1.0), (60, 12, 3, 0.5), (40, 30, 2, 10.0)]:
    y = np.arange(n) % classes
    x = rng.standard_normal((n, p)) + 0.8 * y[:, None] * rng.standard_normal(p)
    model = LogisticRegression(C=c, solver="newton-cg", tol=1e-12, max_iter=10000).fit(x, y)
    test = rng.standard_normal((8, p))
    cases.append({"x": x.tolist(), "y": y.tolist(), "classes": classes, "C": c, "test": test.tolist(),
                  "probabilities": model.predict_proba(test).tolist()})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "logistic_golden.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f)
