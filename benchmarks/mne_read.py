"""The MNE side of benchmarks/eeg-read.sh: read_raw_edf/bdf(preload=True); one JSON line like EegReadBenchmark's."""
import json
import os
import resource
import sys
import time

import mne

path = sys.argv[1]
start = time.perf_counter()
read = mne.io.read_raw_bdf if path.endswith(".bdf") else mne.io.read_raw_edf
raw = read(path, preload=True, verbose="error")
seconds = time.perf_counter() - start
data = raw._data
size = os.path.getsize(path)
print(json.dumps({"file": os.path.basename(path), "tool": "mne " + mne.__version__, "seconds": round(seconds, 3),
                  "mb_per_s": round(size / 1e6 / seconds, 1), "output_mb": round(data.nbytes / 1e6, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6, 1),
                  "checksum": float(sum(data[c, data.shape[1] // 2] for c in range(0, data.shape[0], 9)))}))
