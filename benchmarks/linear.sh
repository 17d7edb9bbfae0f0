#!/usr/bin/env bash
# Linear classifiers at the size of nilearn's Haxby tutorial (864 × 530, 8 classes, 12 runs,
# leave-one-run-out, C = 1): neurodec's logistic regression and linear SVM, then scikit-learn's on the
# same seeded matrix (python3-sklearn), in one run.
# Usage: benchmarks/linear.sh [REPEATS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
# shellcheck source=benchmarks/build.sh
. "$root/benchmarks/build.sh"
csv="$(mktemp -d)/linear-bench.csv"
java ${BENCH_JAVA_OPTS:-} -cp "$cp" org.neurodec.benchmarks.LinearBenchmark "$csv" "$repeats"
if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  /usr/bin/python3 "$root/benchmarks/linear_bench.py" "$csv" "$repeats"
fi
rm -rf "$(dirname "$csv")"
