#!/usr/bin/env bash
# e-prop figures (issue: e-prop): evidence accumulation error against iterations with e-prop, without
# and with the seRNN regulariser (models/eprop-evidence.yaml: 5 iterations of batch 64 per epoch,
# 100 epochs = 500 iterations), and the maze task with e-prop on the spiking seRNN
# (models/alif-sernn.yaml with learning_rule eprop). Each run resumes where it stopped.
#   benchmarks/experiments/eprop.sh [OUT] [RUN...]   (default OUT runs/eprop; runs: evidence
#   evidence-sernn maze)
# Prints per epoch: iterations done, training error (mean over the epoch's minibatches), validation
# error (256 fixed trials), mean rate.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/runs/eprop}"
shift || true
runs=("$@")
[ ${#runs[@]} -gt 0 ] || runs=(evidence evidence-sernn maze)
mkdir -p "$out/configs"
"$root/sernn" --version >/dev/null
# A private copy of the jar, so that a rebuild during the (long) runs cannot pull it from under them.
[ -f "$out/sernn.jar" ] || cp "$root/target/sernn.jar" "$out/sernn.jar"
[ -f "$out/configs/evidence.yaml" ] || cp "$root/models/eprop-evidence.yaml" "$out/configs/evidence.yaml"
sed 's/^name: .*/name: eprop-evidence-sernn/; s/regulariser: {kind: none}/regulariser: {kind: sernn, lambda: 0.03, strength: out, gradient: full}/' \
  "$root/models/eprop-evidence.yaml" > "$out/configs/evidence-sernn.yaml"
sed 's/^name: .*/name: alif-sernn-eprop/; s/learning_rule: bptt/learning_rule: eprop/' \
  "$root/models/alif-sernn.yaml" > "$out/configs/maze.yaml"

for name in "${runs[@]}"; do
  if [ ! -f "$out/$name/done" ]; then
    start=$(date +%s)
    nice java -Xmx3g -Djava.awt.headless=true -jar "$out/sernn.jar" train "$out/configs/$name.yaml" --out "$out/$name" --resume --no-progress > "$out/$name.log" 2>&1
    echo $(( $(date +%s) - start )) > "$out/$name/done"
  fi
  echo "== $name ($(cat "$out/$name/done") s)"
  per_epoch=$(awk '/batch_size:/ {print $2}' "$out/configs/$name.yaml")
  trials=$(grep -o 'train_trials: [0-9]*' "$out/configs/$name.yaml" | awk '{print $2}')
  trials=${trials:-5120}
  tail -n +2 "$out/$name/metrics.csv" | awk -F, -v it=$(( (trials + per_epoch - 1) / per_epoch )) \
    '{printf "iterations %5d  train error %.3f  validation error %.3f  rate %.1f Hz\n", $1 * it, 1 - $5, 1 - $6, $7}'
  grep -o 'test accuracy [0-9.]*' "$out/$name.log" || true
done
