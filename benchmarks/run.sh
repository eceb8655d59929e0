#!/usr/bin/env bash
# The sernn benchmark suite in one command: builds benchmarks/target/benchmarks.jar, runs the JMH
# benchmarks (JSON into benchmarks/results/), runs the Brian 2 peer on the same networks and input
# spikes, and prints the table (also written to results/summary.md). About 10 minutes on 2 cores.
#
#   benchmarks/run.sh            everything
#   benchmarks/run.sh --quick    skips the dense engine on the 10,000-unit network (about 2 minutes
#                                of a single measured run) and the crossover sweep
#   benchmarks/run.sh --batched  also runs the crossover sweep with 16 trials per run
#
# Needs: JDK 17+, Maven, and Debian's python3-brian (run with /usr/bin/python3) for the peer.
set -euo pipefail
cd "$(dirname "$0")"

quick=0
batched=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --batched) batched=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

results=results
jar=target/benchmarks.jar
java_opts=(-Xms2g -Xmx14g -XX:+UseParallelGC)
python=/usr/bin/python3
mkdir -p "$results"
rm -f "$results"/cpu-java.json "$results"/jmh-*.json "$results"/jmh-*.log "$results"/brian2*.json "$results"/summary.md

load() { cut -d' ' -f1 /proc/loadavg; }
load >"$results/load.txt"
if awk -v l="$(load)" 'BEGIN { exit !(l > 1.0) }'; then
  echo "run.sh: warning: load average $(load) before starting: other processes are using the 2 cores," \
    "so the timings (and the ratios, which are timed minutes apart) will be off" >&2
fi

step() { printf '\n== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

# Brian 2 is timed twice, before and after JMH, and the table uses its best time: another process
# on the machine then slows Brian 2 less than the (averaged) JMH score, so the ratios err low.

# Runs JMH with the given arguments, its log into results/NAME.log, JSON into results/NAME.json;
# prints only JMH's closing table.
jmh() {
  local name=$1
  shift
  if ! java -jar "$jar" "$@" -rf json -rff "$results/$name.json" >"$results/$name.log" 2>&1; then
    tail -40 "$results/$name.log" >&2
    echo "run.sh: JMH run $name failed (log: benchmarks/$results/$name.log)" >&2
    exit 1
  fi
  sed -n '/^Benchmark /,$p' "$results/$name.log" | grep -v '^Benchmark result is saved'
}

step "build the benchmark jar"
mvn -q -B -f ../pom.xml install -DskipTests
mvn -q -B package

step "build the workloads, export them for the peers"
java "${java_opts[@]}" -cp "$jar" org.sernn.bench.ExportWorkloads "$results" 2>&1 | grep -v ' INFO '

step "Brian 2 peer, the same networks and input spikes (1 of 2: before JMH)"
"$python" peers/brian2_alif.py --dir "$results" --out "$results/brian2-1.json" --repeats 5 n1000_p10 n10000_p1

step "JMH: event engine (and a fresh instance per run) on both networks"
jmh jmh-event 'EngineBenchmark\.(event|eventFresh)$'

step "JMH: dense engine, 1,000 units"
jmh jmh-dense-n1000 'EngineBenchmark\.dense$' -p workload=n1000_p10

if [[ $quick == 0 ]]; then
  step "JMH: dense engine, 10,000 units (one measured run of about 100 s)"
  jmh jmh-dense-n10000 'EngineBenchmark\.dense$' -p workload=n10000_p1 -bm ss -wi 0 -i 1 -tu s

  step "JMH: firing-rate sweep, both engines, 1,000 units"
  jmh jmh-crossover 'CrossoverBenchmark' -wi 2 -i 3
  if [[ $batched == 1 ]]; then
    step "JMH: firing-rate sweep, 16 trials per run"
    jmh jmh-crossover-batch16 'CrossoverBenchmark' -wi 2 -i 3 -p trials=16
  fi
fi

step "Brian 2 peer, the same networks and input spikes (2 of 2: after JMH)"
"$python" peers/brian2_alif.py --dir "$results" --out "$results/brian2-2.json" --repeats 5 n1000_p10 n10000_p1

step "cross-check by process CPU time (robust to other processes on the machine)"
java "${java_opts[@]}" -cp "$jar" org.sernn.bench.CpuTimeBench "$results" 2>&1 | grep -v ' INFO '

load >>"$results/load.txt"
step "table"
"$python" report.py "$results"
