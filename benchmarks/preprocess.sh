#!/usr/bin/env bash
# Preprocessing benchmark on the 64-channel, 1-hour, 1 kHz EDF of eeg-read.sh: 1-40 Hz FIR, 4th-order
# IIR band-pass, 8000 epochs; neurodec (each in a fresh JVM) and, with python3-mne, MNE and SciPy.
# The filters run with a 3.6 GB heap, under 2x the 1.84 GB of samples, so a run that completes shows
# that they fit in it; epoching (whose 2.5 GB of epochs come on top of the samples) gets 8 GB.
# Usage: benchmarks/preprocess.sh [DATA_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/bench-data}"
# shellcheck source=benchmarks/build.sh
. "$root/benchmarks/build.sh"
[ -f "$data/long.edf" ] || java -cp "$cp" org.neurodec.benchmarks.EegReadBenchmark generate "$data"
for operation in fir iir epochs; do
  heap=3600m
  [ "$operation" = epochs ] && heap=8g
  java ${BENCH_JAVA_OPTS:--Xmx$heap} -cp "$cp" org.neurodec.benchmarks.PreprocessBenchmark run "$data/long.edf" "$operation"
  if /usr/bin/python3 -c "import mne" 2>/dev/null; then
    /usr/bin/python3 "$root/benchmarks/preprocess.py" "$data/long.edf" "$operation"
  fi
done
