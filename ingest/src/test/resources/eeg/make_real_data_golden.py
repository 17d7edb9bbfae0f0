"""What the real recordings contain, for the reader tests: per EEG Motor Imagery run, MNE-Python's
sampling rate, channel count, sample count and annotation counts by description; per N170 CSV file,
the rows, the columns and the marker onsets (rows where Marker0 changes to a non-zero code) by code.

Run with Debian's python3-mne:  /usr/bin/python3 make_real_data_golden.py DATA_DIR
"""
import collections
import csv
import glob
import json
import os
import sys

import mne

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "data")
out = {"eegbci": {}, "n170": {}}
for path in sorted(glob.glob(os.path.join(DATA, "real", "eegbci-S001", "*.edf"))):
    raw = mne.io.read_raw_edf(path, preload=False, verbose="error")
    counts = collections.Counter(raw.annotations.description)
    out["eegbci"][os.path.basename(path)] = {
        "sfreq": raw.info["sfreq"], "n_channels": len(raw.ch_names), "n_times": int(raw.n_times),
        "first_channels": raw.ch_names[:3], "annotation_counts": {str(k): int(v) for k, v in counts.items()},
        "first_onsets": [float(x) for x in raw.annotations.onset[:3]]}
for path in sorted(glob.glob(os.path.join(DATA, "real", "eegnb-n170", "*", "*", "*.csv"))):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [r for r in rows[1:] if r]
    col = header.index("Marker0")
    previous, codes = 0.0, collections.Counter()
    for r in body:
        value = float(r[col])
        if value != 0 and value != previous:
            codes[str(int(value))] += 1
        previous = value
    out["n170"][os.path.relpath(path, os.path.join(DATA, "real", "eegnb-n170"))] = {
        "rows": len(body), "columns": header, "marker_counts": dict(codes)}
with open(os.path.join(HERE, "real_data_golden.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
