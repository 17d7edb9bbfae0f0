#!/usr/bin/env bash
# Masking benchmark: a ~1 GB float32 4D image as .nii and .nii.gz, masked by neurodec (each run in a
# fresh JVM) and, when Debian's python3-nibabel is installed, by nibabel's get_fdata() for comparison.
# Usage: benchmarks/mask.sh [DATA_DIR] [REPEATS]     (default: bench-data/, 3 repeats)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/bench-data}"
repeats="${2:-3}"
# shellcheck source=benchmarks/build.sh
. "$root/benchmarks/build.sh"
if [ ! -f "$data/bench.nii.gz" ]; then
  echo "generating $data (about 1 GB uncompressed, written twice) ..." >&2
  java -cp "$cp" org.neurodec.benchmarks.MaskBenchmark generate "$data"
fi
for file in bench.nii bench.nii.gz; do
  for _ in $(seq "$repeats"); do
    java ${BENCH_JAVA_OPTS:-} -cp "$cp" org.neurodec.benchmarks.MaskBenchmark run "$data/$file" "$data/mask.nii.gz"
  done
done
if /usr/bin/python3 -c "import nibabel" 2>/dev/null; then
  for file in bench.nii bench.nii.gz; do
    for _ in $(seq "$repeats"); do
      /usr/bin/python3 "$root/benchmarks/nibabel_mask.py" "$data/$file" "$data/mask.nii.gz"
    done
  done
else
  echo "python3-nibabel not installed: skipping the nibabel comparison" >&2
fi
