"""Golden values for neurodec's Ridge: scikit-learn RidgeCV (GCV leave-one-out) on seeded data, with
more features than trials and with more trials than features, one alpha and one alpha per target.
Run with Debian's python3-sklearn: python3 make_ridge_golden.py > ridge_golden.json"""
import json

import numpy as np
import sklearn
from sklearn.linear_model import RidgeCV

rng = np.random.default_rng(5)
alphas = np.logspace(-2, 3, 12)
cases = []
for trials, features in ((30, 50), (60, 10)):
    x = rng.standard_normal((trials, features))
    w = rng.standard_normal((features, 4))
    y = x @ w + rng.standard_normal((trials, 4)) * np.array([0.1, 1.0, 5.0, 20.0]) + 3.0
    for per_target in (False, True):
        model = RidgeCV(alphas=alphas, alpha_per_target=per_target).fit(x, y)
        cases.append({"x": x.tolist(), "y": y.tolist(), "alpha_per_target": per_target,
                      "alpha": np.atleast_1d(model.alpha_).tolist(), "coef": model.coef_.T.tolist(),
                      "intercept": model.intercept_.tolist()})
print(json.dumps({"sklearn": sklearn.__version__, "alphas": alphas.tolist(), "cases": cases}))
