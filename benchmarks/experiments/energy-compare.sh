#!/usr/bin/env bash
# Energy per inference on the maze (docs/energy.md): the rate seRNN (models/rate-sernn.yaml) on every
# von Neumann profile against the spiking seRNN (models/alif-sernn.yaml) on every neuromorphic
# profile, as low / point / high ranges with the terms that dominate each side, NeuroBench metrics,
# and routing under spatial and random placement (loihi and snn-horowitz45 at NEURONS_PER_CORE).
# Trains both models (10 epochs, or EPOCHS) unless OUT/rate/model.npz and OUT/alif/model.npz exist.
# SUFFIX picks the task's configs: "" for the maze (models/rate-sernn.yaml, models/alif-sernn.yaml),
# "-fmnist" for row-wise Fashion-MNIST (models/rate-sernn-fmnist.yaml, models/alif-sernn-fmnist.yaml).
#   benchmarks/experiments/energy-compare.sh [OUT] [TRIALS] [NEURONS_PER_CORE] [SUFFIX] [EPOCHS]
#   (defaults: runs/energy-compare, 512 test trials, 10 units per core, maze, the configs' epochs)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/runs/energy-compare}"
trials="${2:-512}"
per_core="${3:-10}"
suffix="${4:-}"
epochs=(${5:+--epochs "$5"})
mkdir -p "$out"
"$root/sernn" --version >/dev/null
[ -f "$out/sernn.jar" ] || cp "$root/target/sernn.jar" "$out/sernn.jar"
sernn=(nice -n 10 java -Xmx3g -Djava.awt.headless=true -jar "$out/sernn.jar")
for kind in rate alif; do
  [ -f "$out/$kind/model.npz" ] || "${sernn[@]}" train "$root/models/$kind-sernn$suffix.yaml" "${epochs[@]}" --out "$out/$kind" --no-progress \
    > "$out/$kind.train.log" 2>&1
done
"${sernn[@]}" energy-compare "$out/rate/model.npz" "$out/alif/model.npz" --profiles "$root/hardware-profiles" \
  --trials "$trials" --device-seeds 1 --neurons-per-core "$per_core" --out "$out/compare" | tee "$out/compare.log"
