#!/usr/bin/env bash
# EEG reading benchmark: 64 channels x 1 hour at 1 kHz as EDF and BDF, read completely by neurodec
# (each run in a fresh JVM) and, when Debian's python3-mne is installed, by MNE's preload=True.
# Usage: benchmarks/eeg-read.sh [DATA_DIR] [REPEATS]     (default: bench-data/, 3 repeats)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/bench-data}"
repeats="${2:-3}"
# shellcheck source=benchmarks/build.sh
. "$root/benchmarks/build.sh"
if [ ! -f "$data/long.bdf" ]; then
  echo "generating $data/long.edf and long.bdf (64 channels, 1 h, 1 kHz) ..." >&2
  java -cp "$cp" org.neurodec.benchmarks.EegReadBenchmark generate "$data"
fi
for file in long.edf long.bdf; do
  for _ in $(seq "$repeats"); do
    java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "$cp" org.neurodec.benchmarks.EegReadBenchmark run "$data/$file"
  done
done
if /usr/bin/python3 -c "import mne" 2>/dev/null; then
  for file in long.edf long.bdf; do
    for _ in $(seq "$repeats"); do
      /usr/bin/python3 "$root/benchmarks/mne_read.py" "$data/$file"
    done
  done
else
  echo "python3-mne not installed: skipping the MNE comparison" >&2
fi
