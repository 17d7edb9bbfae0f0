#!/usr/bin/env bash
# neurodec on Apache Spark against the single-machine commands, in one run (issue 18's benchmark):
#  1. preprocessing every recording of a 40-subject synthetic cohort (40 EEG recordings, 160 fMRI runs);
#  2. leave-one-subject-out transfer on a 16-subject synthetic cohort (16 trainings, 48 calibration tasks).
# Each as the single-machine command and with --master local[1] on one core (taskset -c 0: the JVM sees one
# core), then as the single-machine command and with --master local[2] on both cores. Each command is timed
# as a user runs it (JVM start included); every output of a Spark run is compared with the single-machine
# one on the same cores (training times aside).
# Usage: benchmarks/spark.sh [SUBJECTS_PREPROCESS] [SUBJECTS_TRANSFER]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nd="$root/neurodec"
work="$(mktemp -d)"
trap '[ -n "${BENCH_KEEP:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT
"$nd" --version >/dev/null
"$nd" batch --version >/dev/null   # builds both jars before anything is timed
# a first Spark run, untimed: it leaves the class-data archive later starts use (see ./neurodec)
mkdir -p "$work/one/sub-01/eeg"
"$nd" cohort "$work/c1" --subjects 1 >/dev/null
cp "$work/c1/dataset_description.json" "$work/one/" && cp "$work/c1/sub-01/eeg/"* "$work/one/sub-01/eeg/"
printf 'preprocess:\n  epochs: {tmin: -0.1, tmax: 0.6}\n' > "$work/one.yaml"
"$nd" preprocess "$work/one" --config "$work/one.yaml" --out "$work/one-out" --master 'local[1]' >/dev/null 2>&1

seconds() {   # seconds NAME COMMAND...: runs the command, prints and returns its wall time
  local start end
  start=$(date +%s.%N)
  "${@:2}" >"$work/$1.log" 2>&1 || { echo "$1 failed:"; tail -5 "$work/$1.log"; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f}')"
}

same() {   # same A B: every file of A has the same bytes in B (training times aside)
  (cd "$1" && find . -type f | sort) > "$work/a.list"
  (cd "$2" && find . -type f | sort) > "$work/b.list"
  cmp -s "$work/a.list" "$work/b.list" || { echo "different files in $1 and $2"; return 1; }
  while read -r f; do
    if ! cmp -s "$1/$f" "$2/$f"; then
      case "$f" in
        *.json) diff <(sed -E 's/"seconds" : [0-9.eE+-]+/"seconds" : T/' "$1/$f") \
                     <(sed -E 's/"seconds" : [0-9.eE+-]+/"seconds" : T/' "$2/$f") >/dev/null \
                || { echo "$f differs"; return 1; } ;;
        *) echo "$f differs"; return 1 ;;
      esac
    fi
  done < "$work/a.list"
  echo "same bytes"
}

# compare NAME OUT TASKS COMMAND...: the command (writing OUT) on one core and with --master local[1] there, then
# on two cores and with --master local[2]; each output at the same path (provenance records the command
# line), moved aside in turn and compared with the single-machine one on the same cores
compare() {
  local name=$1 out=$2 tasks=$3 t
  shift 3
  declare -A time
  for run in single1 local1 single2 local2; do
    local cmd=("$@")
    case $run in *1) cmd=(taskset -c 0 "${cmd[@]}") ;; esac
    case $run in local1) cmd+=(--master 'local[1]') ;; local2) cmd+=(--master 'local[2]') ;; esac
    t=$(seconds "$out-$run" "${cmd[@]}")
    time[$run]=$t
    mv "$work/$out" "$work/$out-$run"
  done
  printf '  one core:  neurodec %-16s %s s\n' "$name" "${time[single1]}"
  printf '             --master local[1]         %s s   (%s)\n' "${time[local1]}" "$(same "$work/$out-single1" "$work/$out-local1")"
  printf '  two cores: neurodec %-16s %s s   (%s)\n' "$name" "${time[single2]}" "$(same "$work/$out-single1" "$work/$out-single2")"
  printf '             --master local[2]         %s s   (%s)\n' "${time[local2]}" "$(same "$work/$out-single2" "$work/$out-local2")"
  python3 -c "l1, l2, s1 = ${time[local1]}, ${time[local2]}, ${time[single1]}
print(f'  speed-up local[1] -> local[2]: {l1 / l2:.2f}x; Spark overhead at local[1]: {100 * (l1 - s1) / s1:+.1f} % ({1000 * (l1 - s1) / $tasks:.0f} ms per task)')"
}

n1=${1:-40}
"$nd" cohort "$work/cohort40" --subjects "$n1" >/dev/null
cat > "$work/steps.yaml" <<YAML
preprocess:
  steps:
    - filter: {l_freq: 1, h_freq: 40}
  epochs: {tmin: -0.1, tmax: 0.6}
  fmri: {mask: $work/cohort40/derivatives/masks/sub-01_mask.nii.gz, betas: lsa}
YAML
recordings=$(find "$work/cohort40" -name '*_eeg.edf' -o -name '*_bold.nii.gz' | wc -l)
echo "preprocess: $n1-subject cohort, $recordings recordings"
compare preprocess pre "$recordings" "$nd" preprocess "$work/cohort40" --config "$work/steps.yaml" --out "$work/pre"

n2=${2:-16}
"$nd" cohort "$work/cohort16" --subjects "$n2" --images 60 >/dev/null
subjects=$(python3 -c "print(', '.join(f'\"{i:02d}\"' for i in range(1, $n2 + 1)))")
sed -e "s|  train: \[\"01\", \"02\", \"03\", \"04\"\]|  leave_one_out: [$subjects]|" -e '/^  new: "05"/d' \
    -e 's/calibration: \[10, 25, 50, 100\]/calibration: [10, 25]/' -e 's/epochs: 60/epochs: 10/' \
    "$root/examples/synthetic-transfer.yaml" > "$work/loso.yaml"
folds=$n2
echo "transfer: $n2-subject cohort, leave-one-subject-out: $folds folds, $((folds * 3)) calibration tasks"
compare transfer tr $((folds * 4)) "$nd" transfer "$work/loso.yaml" --set "cohort=$work/cohort16" --out "$work/tr"
