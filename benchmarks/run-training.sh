#!/usr/bin/env bash
# Training speed, sernn against PyTorch on the same network and batch: the ALIF seRNN of
# models/alif-sernn.yaml's neurons (50% ALIF), seRNN regulariser (full gradient through expm) and
# firing-rate regulariser; one training iteration = forward + backward + regulariser + Adam.
# sernn: org.sernn.bench.TrainingSpeed (float64, ND4J/OpenBLAS); PyTorch: peers/torch_alif_train.py
# (CPU, a Python time loop, autograd, Adam). Sizes (n x batch x steps): 100x128x50, 100x64x500,
# 1000x32x100; the regulariser alone at n = 100, 500, 1000.
# Like for like: TrainingSpeed trains each network for --settle iterations from its initial weights
# (the rates fall from ~150 Hz, as in a training run), writes it with its batch as a gradient dump
# (DIR/dumps) and times iterations on it (parameters put back after each); PyTorch loads the dumps
# and times the same. The table gives a ratio only where both sides count the same spikes.
# Ratios by wall time and by process CPU time (every thread), at each thread count of --threads.
# The two sides run alternately for --rounds rounds, so that a change in the machine's load hits
# both; the table gives the median over every timed iteration of every round.
#
#   benchmarks/run-training.sh                 3 rounds, 7+ timed iterations per size per round
#   benchmarks/run-training.sh --quick         1 round, 3+ iterations
#   benchmarks/run-training.sh --rounds R --repeats K --reg-repeats K --threads 1,2 --dtype float32 --settle 60 --out DIR
#                                          --threads: thread counts to run (default 1,2): torch.set_num_threads,
#                                          the OpenMP/OpenBLAS threads of both sides and sernn's fork-join
#                                          pool (BPTT's trial blocks: T - 1 workers plus the calling thread)
#                                          --dtype: PyTorch's (float32, default, or float64 = sernn's);
#                                          the regulariser alone is timed in both
#                                          --sizes NxBxT,... and --reg-sizes N,...: other workloads
#
# Needs: JDK 17+, Maven (only if target/sernn.jar is missing) and Debian's python3-torch
# (run with /usr/bin/python3). Results: DIR/threads-T/{sernn-R.json, torch-R.json, training.md},
# DIR/dumps (DIR defaults to a new temporary directory). About 6 minutes per round and thread count
# on 2 idle cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

rounds=3
repeats=7
reg_repeats=15
threads=1,2
dtype=float32
settle=60
out=""
sizes="100x128x50,100x64x500,1000x32x100"
reg_sizes="100,500,1000"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) rounds=1; repeats=3 ;;
    --rounds) rounds=$2; shift ;;
    --repeats) repeats=$2; shift ;;
    --reg-repeats) reg_repeats=$2; shift ;;
    --threads) threads=$2; shift ;;
    --dtype) dtype=$2; shift ;;
    --settle) settle=$2; shift ;;
    --out) out=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --reg-sizes) reg_sizes=$2; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "run-training.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

. "$here/training-bench-setup.sh"
training_bench_setup run-training.sh TrainingSpeed "other processes are using the cores; the timings will be slow and noisy (the ratios less so, as the two sides alternate)"

for t in ${threads//,/ }; do
  dir="$out/threads-$t"
  mkdir -p "$dir"
  for ((r = 1; r <= rounds; r++)); do
    printf '\n== %d thread(s), round %d of %d (%s, load %s)\n' "$t" "$r" "$rounds" "$(date +%H:%M:%S)" "$(load)"
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t java -Xmx8g \
      -Djava.util.concurrent.ForkJoinPool.common.parallelism=$((t - 1)) -cp "$jar:$classes" org.sernn.bench.TrainingSpeed \
      --sizes "$sizes" --reg-sizes "$reg_sizes" --repeats "$repeats" --reg-repeats "$reg_repeats" --settle "$settle" --dumps "$out/dumps" \
      --out "$dir/sernn-$r.json" 2>&1 | grep -v -E ' INFO ' || true
    [[ -s "$dir/sernn-$r.json" ]] || { echo "run-training.sh: TrainingSpeed failed" >&2; exit 1; }
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t "$python" "$here/peers/torch_alif_train.py" --threads "$t" \
      --dtype "$dtype" --dumps "$out/dumps" --sizes "$sizes" --reg-sizes "$reg_sizes" --repeats "$repeats" \
      --reg-repeats "$reg_repeats" \
      --out "$dir/torch-$r.json"
  done
  printf '\n== table, %d thread(s) (%s)\n' "$t" "$dir"
  "$python" "$here/peers/training_table.py" "$dir" --markdown "$dir/training.md"
done
