"""Golden values for EDF signals at their own sampling rates, computed by MNE-Python 1.3.

MNE resamples every signal of an EDF file to the highest rate; neurodec reads each at its own.
For a like-for-like comparison this script reads each group of equal-rate signals with MNE alone
(include=...), so that MNE does not resample them, and records their rate, sample count, mean, std
and first samples.  Run with Debian's python3-mne:  /usr/bin/python3 make_native_rate_golden.py DATA_DIR
"""
import json
import os
import sys
import warnings

import mne
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "data")
out = {}
for name in ["EDF/test_reduced.edf"]:
    path = os.path.join(DATA, "eeg", name)
    with open(path, "rb") as f:
        head = f.read(256)
        ns = int(head[252:256])
        rest = f.read(256 * ns)
    labels = [rest[16 * i:16 * i + 16].decode("latin-1").strip() for i in range(ns)]
    offset = ns * (16 + 80 + 8 * 5 + 80)
    n_samps = [int(rest[offset + 8 * i:offset + 8 * i + 8]) for i in range(ns)]
    duration = float(head[244:252])
    channels = {}
    for n in sorted(set(n for label, n in zip(labels, n_samps) if label != "EDF Annotations")):
        group = [label for label, k in zip(labels, n_samps) if k == n and label != "EDF Annotations"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            raw = mne.io.read_raw_edf(path, include=group, preload=True, verbose="error")
        data = raw.get_data()
        for label, row in zip(raw.ch_names, data):
            channels[label] = {"sfreq": raw.info["sfreq"], "n_times": int(row.shape[0]),
                               "mean": float(row.mean()), "std": float(row.std()),
                               "first": [float(v) for v in row[:4]]}
    out[os.path.basename(name)] = {"reader": "mne " + mne.__version__, "record_duration": duration,
                                   "channels": channels}
with open(os.path.join(HERE, "native_rate_golden.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
