"""Golden values for neurodec's time-resolved decoding (time_resolved), computed by MNE-Python.

EEGBCI subject 1, imagined hands vs feet (runs 6, 10, 14): each run filtered 7-30 Hz (FIR, MNE's
defaults), epochs 0..0.5 s without baseline, then MNE's SlidingEstimator over a StandardScaler +
LogisticRegression (C = 1, lbfgs) pipeline, scored by ROC AUC with cross_val_multiscore over
scikit-learn's StratifiedKFold(5); the score at each time point is the mean over the five folds.
Run with Debian's python3-mne:  /usr/bin/python3 make_sliding_golden.py DATA_DIR
"""
import json
import os
import sys

import mne
import numpy as np
from mne.decoding import SlidingEstimator, cross_val_multiscore
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "..", "..", "shared", "data")
parts = []
for run in (6, 10, 14):
    raw = mne.io.read_raw_edf(os.path.join(DATA, "real", "eegbci-S001", f"S001R{run:02d}.edf"), preload=True, verbose="error")
    raw.filter(7.0, 30.0, fir_design="firwin", verbose="error")
    events, _ = mne.events_from_annotations(raw, event_id=dict(T1=2, T2=3), verbose="error")
    parts.append(mne.Epochs(raw, events, dict(hands=2, feet=3), tmin=0.0, tmax=0.5, baseline=None, preload=True,
                            verbose="error"))
epochs = mne.concatenate_epochs(parts, verbose="error")
x = epochs.get_data()
y = (epochs.events[:, 2] == 2).astype(int)  # 1 = hands
out = {"times": epochs.times.tolist(), "trials": int(len(y))}
for name, positive in (("hands", y), ("feet", 1 - y)):
    sliding = SlidingEstimator(make_pipeline(StandardScaler(), LogisticRegression(C=1.0, tol=1e-4, max_iter=100)),
                               scoring="roc_auc", verbose="error")
    scores = cross_val_multiscore(sliding, x, positive, cv=StratifiedKFold(5), verbose="error")
    out["auc_positive_" + name] = scores.mean(axis=0).tolist()
with open(os.path.join(HERE, "sliding.json"), "w") as f:
    json.dump(out, f, indent=1)
print(out["trials"], len(out["times"]), max(out["auc_positive_hands"]), max(out["auc_positive_feet"]))
