"""The classical comparisons of benchmarks/transfer.sh done with MNE-Python and scikit-learn, timed.

Reads the same generated Muse CSV study, filters 1-30 Hz (FIR), epochs -0.1..0.8 s with baseline and
100 uV rejection, and for each subject left out scores shrinkage LDA on its first 10, 25 and 50 % of
trials (subject only) and on the other subjects (pooled) by AUC on its last 30 %.
Usage: python3 transfer_reference.py STUDY_DIR
"""
import glob
import sys
import time

import mne
import numpy as np
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.metrics import roc_auc_score

mne.set_log_level("ERROR")
start = time.perf_counter()
study = sys.argv[1]
subjects = {}
for s in range(1, 6):
    xs, ys = [], []
    for f in sorted(glob.glob(f"{study}/subject{s}/*/*.csv")):
        data = np.loadtxt(f, delimiter=",", skiprows=1)
        info = mne.create_info(["TP9", "AF7", "AF8", "TP10", "stim"], 256.0, ["eeg"] * 4 + ["stim"])
        raw = mne.io.RawArray(np.vstack([data[:, 1:5].T * 1e-6, data[:, 6]]), info)
        raw.filter(1, 30, method="fir", picks="eeg")
        events = mne.find_events(raw, stim_channel="stim", shortest_event=1)
        epochs = mne.Epochs(raw, events, {"standard": 1, "target": 2}, -0.1, 0.8, baseline=(-0.1, 0),
                            reject={"eeg": 100e-6}, preload=True, picks="eeg")
        xs.append(epochs.get_data().reshape(len(epochs), -1))
        ys.append(epochs.events[:, 2] == 2)
    subjects[s] = (np.vstack(xs), np.concatenate(ys))
read = time.perf_counter()


def lda():
    return LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")


for s, (x, y) in subjects.items():
    test = np.arange(int(0.7 * len(y)), len(y))
    pool = np.arange(0, test[0])
    others = [t for t in subjects if t != s]
    pooled = lda().fit(np.vstack([subjects[t][0] for t in others]), np.concatenate([subjects[t][1] for t in others]))
    line = f"subject {s}: pooled {roc_auc_score(y[test], pooled.decision_function(x[test])):.3f}"
    for fraction in (0.1, 0.25, 0.5):
        k = int(round(fraction * len(pool)))
        own = lda().fit(x[pool[:k]], y[pool[:k]])
        line += f"  k={k} {roc_auc_score(y[test], own.decision_function(x[test])):.3f}"
    print(line)
end = time.perf_counter()
print(f"MNE + scikit-learn: {sum(len(v[1]) for v in subjects.values())} epochs, reading {read - start:.1f} s,"
      f" comparisons {end - read:.1f} s, total {end - start:.1f} s")
