"""Golden values for neurodec's nested cross-validation (protocol.tune), computed by scikit-learn.

A seeded 3-class matrix (90 trials x 12 features) is written to nested.h5 (x, labels); then, for
LinearSVC (C grid) and LogisticRegression (C grid), GridSearchCV with an inner StratifiedKFold(3)
is run inside an outer StratifiedKFold(4): the C chosen in each outer split, every inner mean
accuracy, and the outer predictions. Run with Debian's python3 (python3-sklearn, python3-h5py):
    /usr/bin/python3 make_nested_golden.py
"""
import json

import h5py
import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

rng = np.random.RandomState(3)
n, p = 90, 12
y = np.repeat([0, 1, 2], n // 3)
rng.shuffle(y)
centres = rng.randn(3, p) * 0.6
x = centres[y] + rng.randn(n, p) * 1.5
with h5py.File("nested.h5", "w") as f:
    f["x"] = x
    f["labels"] = y.astype(float)

# logistic regression starts at 0.01: at C = 0.001 its probabilities are within about 1e-4 of uniform and
# two L-BFGS runs stopped by the same tolerance may order some trials differently
grids = {"linear-svm": [0.001, 0.01, 0.1, 1.0], "logistic": [0.01, 0.1, 1.0, 10.0]}
out = {"sklearn": sklearn.__version__, "grids": grids, "models": {}}
for name, model in [("linear-svm", LinearSVC(C=1.0, tol=1e-4, max_iter=1000)),
                    ("logistic", LogisticRegression(C=1.0, tol=1e-4, max_iter=100))]:
    grid = grids[name]
    rows = []
    for train, test in StratifiedKFold(4).split(x, y):
        search = GridSearchCV(make_pipeline(StandardScaler(), model), {model.__class__.__name__.lower() + "__C": grid},
                              cv=StratifiedKFold(3), scoring="accuracy")
        search.fit(x[train], y[train])
        rows.append({"test": test.tolist(),
                     "chosen": float(list(search.best_params_.values())[0]),
                     "inner_means": search.cv_results_["mean_test_score"].tolist(),
                     "predicted": search.predict(x[test]).tolist()})
    out["models"][name] = rows
with open("nested.json", "w") as f:
    json.dump(out, f, indent=1)
