#!/usr/bin/env bash
# The paper-scale rate-versus-spiking sweep (issue 11): seRNN and L1, rate and spiking networks, 10
# strengths x 10 seeds each, 10 epochs: 400 networks, trained and analysed on local threads, then
# collected into benchmarks/results/paper-scale/ (results.csv, headline.md, figures, plan.csv).
# The rate networks are the original Keras model exactly (models/rate-*-keras.yaml); strength ranges
# from the pilot in benchmarks/results/paper-scale/README.md, each from ceiling to near chance.
#   benchmarks/experiments/paper-scale.sh [SWEEP_DIR] [THREADS]   (default runs/paper-scale, 2)
# Resumable: run it again after a stop and it continues. On a cluster, use the same options with
# 'sernn sweep plan' and 'sernn sweep submit' (docs/sweeps.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
sweep="${1:-$root/runs/paper-scale}"
threads="${2:-2}"
results="$root/benchmarks/results/paper-scale"
cd "$root"
"$root/sernn" --version >/dev/null   # builds target/sernn.jar if needed
jar="$(dirname "$sweep")/paper-scale-sernn.jar"
mkdir -p "$(dirname "$sweep")" "$results"
cp "$root/target/sernn.jar" "$jar"   # rebuilding the checkout does not disturb a running sweep
start=$(date -u +%FT%TZ)
uptime > "$results/load-start.txt"
OMP_NUM_THREADS=1 nice -n 10 java -Xmx8g -Djava.awt.headless=true -jar "$jar" sweep --out "$sweep" \
  --threads "$threads" --networks rate,spiking --regularisers sernn,l1 --seeds 10 --epochs 10 \
  --config rate.sernn=models/rate-sernn-keras.yaml --config rate.l1=models/rate-l1-keras.yaml \
  --strengths rate.sernn=0.03:1:10 --strengths rate.l1=3e-4:0.1:10 \
  --strengths spiking.sernn=0.1:100:10 --strengths spiking.l1=3e-3:3:10 \
  | tee "$results/sweep.log"
uptime > "$results/load-end.txt"
echo "started $start, ended $(date -u +%FT%TZ)" > "$results/wall-time.txt"
cp "$sweep"/{plan.csv,results.csv,headline.md,metric_vs_strength.png,metric_vs_sparsity.png} "$results/"
python3 - "$sweep" > "$results/timing.csv" <<'PY'
import json, pathlib, sys
print("index,train_wall_time_seconds,analysis_wall_time_seconds")
for run in sorted(pathlib.Path(sys.argv[1], "runs").iterdir(), key=lambda p: int(p.name)):
    t = run / "timing.json"
    if t.exists():
        d = json.loads(t.read_text())
        print(f"{run.name},{d['train_wall_time_seconds']:.2f},{d['analysis_wall_time_seconds']:.2f}")
PY
