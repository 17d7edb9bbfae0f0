#!/usr/bin/env bash
# The Riemannian core (mean, distance, tangent space, MDM) on the SSVEP-Exo covariances: neurodec,
# then the data's NumPy reference with python3-mne and python3-sklearn, in one run.
# Usage: benchmarks/riemann.sh [SSVEP_DIR] [REPEATS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/data/real/ssvep-exo}"
repeats="${2:-5}"
# shellcheck source=benchmarks/build.sh
. "$root/benchmarks/build.sh"
java ${BENCH_JAVA_OPTS:-} -cp "$cp" org.neurodec.benchmarks.RiemannBenchmark "$data" "$repeats"
if /usr/bin/python3 -c "import mne, sklearn" 2>/dev/null; then
  /usr/bin/python3 "$root/benchmarks/riemann_bench.py" "$data" "$repeats"
fi
