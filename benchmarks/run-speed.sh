#!/usr/bin/env bash
# One-off runs and simulate's threads, timed side by side: the CSR build and a fresh one-trial run on
# the 10,000-unit workload (OneOffBench) for this tree and, with --before REV, for an older revision,
# between two Brian 2 runs of the same network and input spikes (peers/brian2_alif.py); then
# simulate's 64 trials of the 1,000-unit workload on 1 and 2 threads, interleaved (TrialsBench).
# Compiles the harness with javac against target/classes (nothing is installed into ~/.m2).
#
#   benchmarks/run-speed.sh [--before REV] [--trials T] [--threads K] [--out DIR]   (default DIR results/speed)
#
# Needs: JDK 17+, Maven (offline is enough once the project has been built), Debian's python3-brian.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
before=""
trials=64
threads=2
out="$here/results/speed"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --before) before=$2; shift 2 ;;
    --trials) trials=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "run-speed.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"; if [[ -n "$before" ]]; then git -C "$root" worktree remove --force "$work-before" 2>/dev/null || true; fi' EXIT
java_opts=(-Xms2g -Xmx12g -XX:+UseParallelGC)
bench="$here/src/main/java/org/sernn/bench"
stamp() { printf '== %s  %s UTC, load %s\n' "$1" "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1 /proc/loadavg)"; }

mvn -q -o -B -f "$root/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
deps="$(cat "$work/cp.txt")"
after_cp="$root/target/classes:$deps"
javac -nowarn -cp "$after_cp" -d "$work/after" "$bench"/{Workload,CpuTimeBench,OneOffBench,TrialsBench,ExportWorkloads}.java
if [[ -n "$before" ]]; then
  git -C "$root" worktree add --detach "$work-before" "$before" >/dev/null 2>&1
  mkdir -p "$work-before/classes"
  javac -nowarn -cp "$deps" -d "$work-before/classes" $(find "$work-before/src/main/java" -name '*.java')
  cp -r "$work-before/src/main/resources/." "$work-before/classes/"
  javac -nowarn -cp "$work-before/classes:$deps" -d "$work/before" "$bench"/{Workload,CpuTimeBench,OneOffBench}.java
fi

java "${java_opts[@]}" -cp "$work/after:$after_cp" org.sernn.bench.ExportWorkloads "$work" n10000_p1 2>&1 | grep -v ' INFO ' || true
{
  stamp "Brian 2, n10000_p1 (before)"
  /usr/bin/python3 "$here/peers/brian2_alif.py" --dir "$work" --out "$out/brian2-a.json" --repeats 5 n10000_p1 2>&1 | tail -3
  if [[ -n "$before" ]]; then
    stamp "OneOffBench at $before"
    java "${java_opts[@]}" -cp "$work/before:$work-before/classes:$deps" org.sernn.bench.OneOffBench
  fi
  stamp "OneOffBench at $(git -C "$root" rev-parse --short HEAD) (this tree)"
  java "${java_opts[@]}" -cp "$work/after:$after_cp" org.sernn.bench.OneOffBench
  stamp "Brian 2, n10000_p1 (after)"
  /usr/bin/python3 "$here/peers/brian2_alif.py" --dir "$work" --out "$out/brian2-b.json" --repeats 5 n10000_p1 2>&1 | tail -3
  stamp "TrialsBench $trials trials, 1 vs $threads threads"
  java "${java_opts[@]}" -cp "$work/after:$after_cp" org.sernn.bench.TrialsBench "$trials" "$threads" 3
  stamp "done"
} 2>&1 | tee "$out/speed.log"
