#!/usr/bin/env bash
# Seconds per iteration and peak heap of e-prop and BPTT at sequence lengths 500, 1,000, 2,250 and
# 5,000 (n 100, 40 inputs, batch 64; org.sernn.bench.LearningRuleCost), one fresh JVM per point.
#   benchmarks/experiments/eprop-cost.sh [OUT.jsonl] [ITERATIONS]   (default runs/eprop-cost.jsonl, 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/runs/eprop-cost.jsonl}"
iterations="${2:-3}"
cd "$root"
"$root/sernn" --version >/dev/null
classes="$root/benchmarks/target/cost"
mkdir -p "$classes" "$(dirname "$out")"
jar="$classes/sernn.jar"
cp "$root/target/sernn.jar" "$jar"
javac -d "$classes" -cp "$jar" "$root/benchmarks/src/main/java/org/sernn/bench/LearningRuleCost.java"
uptime >> "$out.load"
for steps in 500 1000 2250 5000; do
  for method in eprop bptt; do
    nice java -Xmx10g -cp "$jar:$classes" org.sernn.bench.LearningRuleCost "$method" "$steps" "$iterations" >> "$out"
    uptime >> "$out.load"
  done
done
cat "$out"
