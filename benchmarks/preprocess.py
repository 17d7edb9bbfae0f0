"""The reference side of benchmarks/preprocess.sh: MNE filter_data(n_jobs=1) for the 1-40 Hz FIR,
SciPy sosfiltfilt for the 4th-order Butterworth band-pass, MNE Epochs for 8000 epochs; data loaded
first (not timed). One JSON line like PreprocessBenchmark's."""
import json
import os
import resource
import sys
import time

import mne
import numpy as np
from scipy import signal

path, operation = sys.argv[1], sys.argv[2]
raw = mne.io.read_raw_edf(path, preload=True, verbose="error")
data = raw.get_data()
sfreq = raw.info["sfreq"]
start = time.perf_counter()
if operation == "fir":
    out = mne.filter.filter_data(data, sfreq, 1.0, 40.0, n_jobs=1, verbose="error")
    tool = "mne " + mne.__version__ + " filter_data(n_jobs=1)"
elif operation == "iir":
    sos = signal.butter(4, (1, 40), btype="bandpass", fs=sfreq, output="sos")
    out = signal.sosfiltfilt(sos, data, axis=-1)
    tool = "scipy sosfiltfilt"
else:
    onsets = (np.round((1 + np.arange(8000) * 0.44) * sfreq)).astype(int)
    events = np.c_[onsets, np.zeros(8000, int), 1 + np.arange(8000) % 2]
    epochs = mne.Epochs(raw, events, dict(A=1, B=2), -0.1, 0.5, baseline=None, preload=True, proj=False, verbose="error")
    out = epochs.get_data()
    tool = "mne " + mne.__version__ + " Epochs(preload=True)"
seconds = time.perf_counter() - start
print(json.dumps({"file": os.path.basename(path), "operation": operation, "tool": tool, "seconds": round(seconds, 3),
                  "data_mb": round(data.nbytes / 1e6, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6, 1)}))
