#!/usr/bin/env bash
# Placement experiment (docs/energy.md): does the seRNN cost lower a mesh chip's routing cost?
# Spiking (ALIF) seRNNs (models/alif-sernn.yaml, lambda 0.1) and L1 networks (models/alif-l1.yaml,
# lambda 0.001) on the maze, SEEDS seeds each, at 100 units (5 x 5 x 4 grid) and 1,000 units
# (10 x 10 x 10 grid, EPOCHS_1000 epochs). Both networks of a seed are pruned to the same number of
# recurrent synapses (the strongest DENSITY of the off-diagonal weights, matched sparsity), then
# deployed on loihi (8 x 4 tiles of 4 cores) spread over several cores (--neurons-per-core 5 at 100
# units, 25 at 1,000): hops and routing energy per inference under spatial and random placement.
# Pairs are by seed; the summary gives mean paired differences with 95% t intervals.
#   benchmarks/experiments/placement.sh [OUT] [SEEDS] [EPOCHS_1000] [DENSITY] [TRIALS] [SEEDS_1000] [EPOCHS_100]
#   (defaults: runs/placement, 5 seeds, 3 epochs at 1,000 units, density 0.2, 256 test trials,
#   SEEDS_1000 = SEEDS, 10 epochs at 100 units)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/runs/placement}"
seeds="${2:-5}"
epochs_big="${3:-3}"
density="${4:-0.2}"
trials="${5:-256}"
seeds_big="${6:-$seeds}"
epochs_small="${7:-10}"
mkdir -p "$out/configs"
"$root/sernn" --version >/dev/null
[ -f "$out/sernn.jar" ] || cp "$root/target/sernn.jar" "$out/sernn.jar"
sernn=(nice -n 10 java -Xmx3g -Djava.awt.headless=true -jar "$out/sernn.jar")

config() { # config KIND UNITS GRID EPOCHS -> configs/KIND-UNITS.yaml
  sed "s/^name: .*/name: $1-$2/; s/recurrent: 100/recurrent: $2/; s/grid: \[5, 5, 4\]/grid: [$3]/; s/epochs: 10/epochs: $4/" \
    "$root/models/alif-$1.yaml" > "$out/configs/$1-$2.yaml"
}
config sernn 100 "5, 5, 4" "$epochs_small"
config l1 100 "5, 5, 4" "$epochs_small"
config sernn 1000 "10, 10, 10" "$epochs_big"
config l1 1000 "10, 10, 10" "$epochs_big"

prune() { # prune IN OUT KEEP_COUNT: keep the KEEP_COUNT strongest off-diagonal recurrent weights
  python3 - "$1" "$2" "$3" <<'PY'
import sys, numpy as np
src, dst, keep = sys.argv[1], sys.argv[2], int(sys.argv[3])
arrays = dict(np.load(src))
w = arrays["w_rec"].copy()
off = ~np.eye(w.shape[0], dtype=bool)
order = np.argsort(-np.abs(w[off]), kind="stable")
flat = w[off]
flat[order[keep:]] = 0.0
w[off] = flat
arrays["w_rec"] = w
np.savez(dst, **arrays)
PY
}

for units in 100 $([ "$seeds_big" -gt 0 ] && echo 1000); do
  per_core=$([ "$units" = 100 ] && echo 5 || echo 25)
  keep=$(python3 -c "print(int(round($density * $units * ($units - 1))))")
  n_seeds=$([ "$units" = 100 ] && echo "$seeds" || echo "$seeds_big")
  for seed in $(seq 1 "$n_seeds"); do
    for kind in sernn l1; do
      run="$out/$kind-$units-s$seed"
      if [ ! -f "$run/train/seconds" ]; then   # written once training has finished (model.npz exists from epoch 0)
        start=$(date +%s)
        "${sernn[@]}" train "$out/configs/$kind-$units.yaml" --seed "$seed" --out "$run/train" --no-progress \
          > "$run.train.log" 2>&1 || { echo "training $run failed, see $run.train.log"; exit 1; }
        echo $(( $(date +%s) - start )) > "$run/train/seconds"
      fi
      [ -f "$run/pruned.npz" ] || prune "$run/train/model.npz" "$run/pruned.npz" "$keep"
      for model in train/model pruned; do
        dir="$run/deploy-$(basename "$model")"
        [ -f "$dir/report.json" ] || "${sernn[@]}" deploy "$run/$model.npz" --profile "$root/hardware-profiles/loihi.yaml" \
          --trials "$trials" --device-seeds 1 --seed "$seed" --neurons-per-core "$per_core" --out "$dir" \
          > "$dir.log" 2>&1 || { echo "deploy $dir failed, see $dir.log"; exit 1; }
      done
    done
  done
done
python3 "$root/benchmarks/experiments/placement_summary.py" "$out" "$seeds" "$seeds_big"
