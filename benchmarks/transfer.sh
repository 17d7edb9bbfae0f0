#!/usr/bin/env bash
# neurodec transfer at the size of a real multi-subject P300 study (5 subjects, 7,000 epochs of
# 4 × 231, every arm: subject-only, Riemannian, shared encoder + new adapter, fine-tuned), then the
# classical comparisons alone in MNE-Python + scikit-learn on the same generated files (python3-mne),
# in one run.
# Usage: benchmarks/transfer.sh [PARALLEL_FOLDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=benchmarks/build.sh
. "$root/benchmarks/build.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java ${BENCH_JAVA_OPTS:-} -cp "$cp" org.neurodec.benchmarks.TransferBenchmark "$work" ${1:-} | grep -v '^ *[0-9.]* s (+'
if /usr/bin/python3 -c "import mne, sklearn" 2>/dev/null; then
  /usr/bin/python3 "$root/benchmarks/transfer_reference.py" "$work/study"
fi
