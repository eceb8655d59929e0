#!/usr/bin/env bash
# Maze-task accuracy of rate and spiking (ALIF) seRNNs over regularisation strengths from the paper's
# range, and of the L1 baseline (issue: training under the seRNN cost). 10 epochs, batch 128, as the
# original. Writes one training directory per run under OUT and prints a table of the final epoch.
#   benchmarks/experiments/maze-accuracy.sh [OUT]      (default OUT: runs/maze-accuracy)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/runs/maze-accuracy}"
mkdir -p "$out/configs"
"$root/sernn" --version >/dev/null

runs=()
for kind in rate alif; do
  for lambda in 0.01 0.1 0.3; do
    name="$kind-sernn-$lambda"
    sed "s/^name: .*/name: $name/; s/regulariser: {kind: sernn, lambda: [0-9.]*/regulariser: {kind: sernn, lambda: $lambda/" \
      "$root/models/$kind-sernn.yaml" > "$out/configs/$name.yaml"
    runs+=("$name")
  done
  for lambda in 0.001 0.003; do
    name="$kind-l1-$lambda"
    sed "s/^name: .*/name: $name/; s/regulariser: {kind: l1, lambda: [0-9.]*/regulariser: {kind: l1, lambda: $lambda/" \
      "$root/models/$kind-l1.yaml" > "$out/configs/$name.yaml"
    runs+=("$name")
  done
done

for name in "${runs[@]}"; do
  if [ -f "$out/$name/done" ]; then continue; fi
  start=$(date +%s)
  "$root/sernn" train "$out/configs/$name.yaml" --out "$out/$name" --resume --no-progress > "$out/$name.log" 2>&1
  echo $(( $(date +%s) - start )) > "$out/$name/done"
done

printf '%-20s %10s %8s %9s %10s %12s %14s %8s\n' run val_acc test_acc rate_hz near_zero total_abs_w corr_w_dist seconds
for name in "${runs[@]}"; do
  last=$(tail -n 1 "$out/$name/metrics.csv")
  test=$(grep -o 'test accuracy [0-9.]*' "$out/$name.log" | awk '{print $3}')
  IFS=, read -r epoch task reg rate trainacc valacc hz nz total corr secs <<< "$last"
  printf '%-20s %10s %8s %9.2f %10s %12.2f %14s %8s\n' "$name" "$valacc" "$test" "$hz" "$nz" "$total" "$corr" "$(cat "$out/$name/done")"
done
