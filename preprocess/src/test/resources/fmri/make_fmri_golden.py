"""HRF kernels and a cosine drift basis computed with SciPy/NumPy from their published definitions.

SPM canonical HRF: gamma(6/1, scale 1) - 0.167 * gamma(16/1, scale 1); Glover: gamma(6/0.9, 0.9) -
0.35 * gamma(12/0.9, 0.9); both sampled at round(32 / dt) points evenly from 0 to 32 s, each density
shifted by dt, normalised to sum 1 (nilearn's convention). Cosine drift: order = min(n - 1,
floor(2 n f dt)) columns sqrt(2/n) cos(pi k (t + 1/2) / n), then a constant.
Run with Debian's python3-scipy:  /usr/bin/python3 make_fmri_golden.py
"""
import json
import os

import numpy as np
from scipy.stats import gamma

HERE = os.path.dirname(os.path.abspath(__file__))


def hrf(dt, delay, undershoot, dispersion, u_dispersion, ratio, onset=0.0, length=32.0):
    t = np.linspace(0, length, np.rint(length / dt).astype(int)) - onset
    h = gamma.pdf(t, delay / dispersion, loc=dt, scale=dispersion) - ratio * gamma.pdf(
        t, undershoot / u_dispersion, loc=dt, scale=u_dispersion)
    return h / h.sum()


def cosine(frame_times, high_pass):
    n = len(frame_times)
    dt = (frame_times[-1] - frame_times[0]) / (n - 1)
    order = min(n - 1, int(np.floor(2 * n * high_pass * dt)))
    basis = np.zeros((n, order + 1))
    for k in range(1, order + 1):
        basis[:, k - 1] = np.sqrt(2.0 / n) * np.cos(np.pi / n * (np.arange(n) + 0.5) * k)
    basis[:, -1] = 1.0
    return basis


out = {"spm_dt0.04": hrf(0.04, 6, 16, 1, 1, 0.167).tolist(),
       "glover_dt0.04": hrf(0.04, 6, 12, 0.9, 0.9, 0.35).tolist(),
       "spm_dt0.02_onset0.1": hrf(0.02, 6, 16, 1, 1, 0.167, onset=0.1).tolist(),
       "cosine_tr2_n200_hp0.01": cosine(np.arange(200) * 2.0, 0.01).tolist(),
       "cosine_tr0.8_n450_hp0.008": cosine(np.arange(450) * 0.8, 0.008).tolist()}
with open(os.path.join(HERE, "fmri_golden.json"), "w") as f:
    json.dump(out, f)

# Cleaning: a seeded 120 x 5 run with a drift and two confounds, cleaned as Cleaning does it:
# least-squares line removed, cosine basis (TR 2 s, 0.01 Hz) regressed out, confounds (put through
# the same two steps, plus a constant) regressed out, z-scored with the population std.
rng = np.random.default_rng(3)
n, v = 120, 5
t = np.arange(n)
frame_times = t * 2.0
confounds = np.c_[np.sin(t / 7.0), rng.standard_normal(n)]
data = 100 + 0.05 * t[:, None] + confounds @ rng.standard_normal((2, v)) + rng.standard_normal((n, v))


def residual(basis, y):
    coef, *_ = np.linalg.lstsq(basis, y, rcond=None)
    return y - basis @ coef


line = np.c_[np.ones(n), t]
drift = cosine(frame_times, 0.01)
y = residual(drift, residual(line, data))
c = residual(drift, residual(line, confounds))
y = residual(np.c_[c, np.ones(n)], y)
clean = (y - y.mean(axis=0)) / y.std(axis=0)
out["clean_input"] = data.tolist()
out["clean_confounds"] = confounds.tolist()
out["clean_zscore"] = clean.tolist()
with open(os.path.join(HERE, "fmri_golden.json"), "w") as f:
    json.dump(out, f)
