"""scikit-learn's side of benchmarks/linear.sh: LogisticRegression (default lbfgs, multinomial) and
LinearSVC (liblinear, dual as 1.2's default and primal as 1.3's dual="auto" picks here) with C = 1 on the CSV that LinearBenchmark wrote, leave-one-run-out
over its 12 runs, features z-scored on each training part; the median of REPEATS runs after one
warm-up, and the accuracy. Usage: python3 linear_bench.py CSV [REPEATS]"""
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneGroupOut
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

warnings.simplefilter("ignore", ConvergenceWarning)
data = np.loadtxt(sys.argv[1], delimiter=",")
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
y, runs, x = data[:, 0].astype(int), data[:, 1].astype(int), data[:, 2:]
for name, make in (("logistic regression", lambda: LogisticRegression(C=1.0)),
                   ("linear SVM (dual)", lambda: LinearSVC(C=1.0, dual=True)),
                   ("linear SVM (primal)", lambda: LinearSVC(C=1.0, dual=False))):
    seconds = []
    for r in range(repeats + 1):
        start = time.perf_counter()
        correct = 0
        for train, test in LeaveOneGroupOut().split(x, y, runs):
            scaler = StandardScaler().fit(x[train])
            model = make().fit(scaler.transform(x[train]), y[train])
            correct += int((model.predict(scaler.transform(x[test])) == y[test]).sum())
        if r > 0:
            seconds.append(time.perf_counter() - start)
    print("sklearn  %-20s %7.2f s for 12 folds (median of %d)  accuracy %.4f" % (name, float(np.median(seconds)), repeats,
                                                                             correct / len(y)))
