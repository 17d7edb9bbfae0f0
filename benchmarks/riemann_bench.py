"""The Riemannian core timed with the SSVEP-Exo reference implementation (NumPy/SciPy/scikit-learn,
real/ssvep-exo/reference/riemann_reference.py), the same operations as RiemannBenchmark.java:
the Riemannian mean of all 576 trial covariances, each trial's distance to it, the tangent vectors
at it, MDM fitted and applied. Prints the median of REPEATS runs after one warm-up.
usage: /usr/bin/python3 riemann_bench.py SSVEP_DIR [REPEATS]
"""
import statistics
import sys
import time

import numpy as np

root = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
sys.path.insert(0, root + "/reference")
from riemann_reference import load_subject, extended, covs, riemann_mean, dist, tangent, MDM  # noqa: E402

C, y = [], []
for s in range(1, 9):
    X, ys, sf = load_subject(s, root)
    C.append(covs(extended(X, sf)))
    y.append(ys)
C = np.concatenate(C)
y = np.concatenate(y)
times = [[], [], [], []]
for r in range(repeats + 1):
    t0 = time.perf_counter()
    M = riemann_mean(C)
    t1 = time.perf_counter()
    d = [dist(c, M) for c in C]
    t2 = time.perf_counter()
    T = tangent(C, M)
    t3 = time.perf_counter()
    p = MDM().fit(C, y).predict(C)
    t4 = time.perf_counter()
    if r > 0:
        for k, v in enumerate((t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            times[k].append(v)
m = [statistics.median(t) for t in times]
print(f"numpy    trials {len(C)}: mean {m[0]:.3f}s distance {m[1]:.3f}s tangent {m[2]:.3f}s mdm fit+predict {m[3]:.3f}s"
      f" (median of {repeats})")
