#!/usr/bin/env bash
# Rate training speed (issue 17): sernn's rate BPTT against PyTorch on the very same network and batch,
# and against sernn's own ALIF network of the same size, per training iteration (forward + backward +
# seRNN regulariser + Adam). The rate network is models/rate-sernn.yaml (100 ReLU units, maze, 50 steps)
# at batch 128; `sernn grad` dumps its weights and one batch (seed 1), org.sernn.bench.RateTrainingSpeed
# times sernn on exactly that batch (its first loss is the dump's), peers/torch_rate_train.py loads the
# dump, checks that its own first loss agrees with sernn's (1e-9 in float64, 1e-4 in float32) and times
# a Python time loop and torch.nn.RNN, float32 and float64. The ALIF row is models/alif-sernn.yaml
# (100 units, maze at 2 steps per task step: 100 steps) on its own batch of 128.
#
#   benchmarks/run-rate-training.sh                 3 rounds at 1 and 2 threads
#   benchmarks/run-rate-training.sh --quick         1 round
#   benchmarks/run-rate-training.sh --rounds R --repeats K --threads 1,2 --out DIR
#                          threads: OMP/OpenBLAS threads of both sides, torch.set_num_threads, and the
#                          fork-join pool of sernn's spiking BPTT (T - 1 workers plus the calling thread)
#
# Needs JDK 17+, Maven (only if target/sernn.jar is missing) and Debian's python3-torch. Results:
# DIR/grad.npz, DIR/sernn-T-R.json, DIR/torch-T-R.json and DIR/rate-training.md (the table).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

rounds=3
repeats=20
threads_list="1,2"
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) rounds=1 ;;
    --rounds) rounds=$2; shift ;;
    --repeats) repeats=$2; shift ;;
    --threads) threads_list=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "run-rate-training.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

. "$here/training-bench-setup.sh"
training_bench_setup run-rate-training.sh RateTrainingSpeed "the wall times will be slow and noisy; compare process CPU times and the ratios of one round"

java -jar "$jar" grad "$root/models/rate-sernn.yaml" --batch 128 --seed 1 --out "$out/grad.npz" 2>&1 | grep -v ' INFO '
IFS=',' read -r -a thread_counts <<< "$threads_list"
for ((r = 1; r <= rounds; r++)); do
  for t in "${thread_counts[@]}"; do
    printf '\n== round %d of %d, %d thread(s) (%s, load %s)\n' "$r" "$rounds" "$t" "$(date +%H:%M:%S)" "$(load)"
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t java -Xmx4g -Djava.util.concurrent.ForkJoinPool.common.parallelism=$((t - 1)) \
      -cp "$jar:$classes" org.sernn.bench.RateTrainingSpeed --batch 128 --seed 1 --repeats "$repeats" \
      --out "$out/sernn-$t-$r.json" "$root/models/rate-sernn.yaml" "$root/models/alif-sernn.yaml" 2>&1 | grep -v ' INFO ' || true
    [[ -s "$out/sernn-$t-$r.json" ]] || { echo "run-rate-training.sh: RateTrainingSpeed failed" >&2; exit 1; }
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t "$python" "$here/peers/torch_rate_train.py" "$out/grad.npz" --threads "$t" \
      --repeats "$repeats" --out "$out/torch-$t-$r.json"
  done
done

printf '\n== table (%s)\n' "$out"
"$python" "$here/peers/rate_training_table.py" "$out" --markdown "$out/rate-training.md"
