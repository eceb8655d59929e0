#!/usr/bin/env bash
# A real one-node Slurm cluster for `sernn sweep`: starts munged, slurmctld and slurmd as root without
# systemd (everything under a temp dir), submits a tiny sweep as a job array plus its collect job,
# checks results.csv, then cancels a second submission mid-way, resubmits it and checks that its
# per-run results are identical, byte for byte, to the uninterrupted run's and to a local run's.
# Needs root (installs Debian's slurmctld slurmd slurm-client munge when missing). About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
[ "$(id -u)" -eq 0 ] || { echo "slurm-test: must run as root (it starts slurmctld, slurmd and munged)" >&2; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
  echo "slurm-test: installing slurmctld slurmd slurm-client munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge
fi

tmp=$(mktemp -d /tmp/sernn-slurm.XXXXXX)
chmod 755 "$tmp"
stop_daemons() {
  local status=$?
  for name in slurmd slurmctld munged; do
    if [ -f "$tmp/$name.pid" ]; then
      kill "$(cat "$tmp/$name.pid")" 2>/dev/null || true
    fi
  done
  sleep 1
  for name in slurmd slurmctld munged; do
    if [ -f "$tmp/$name.pid" ] && kill -0 "$(cat "$tmp/$name.pid")" 2>/dev/null; then
      kill -9 "$(cat "$tmp/$name.pid")" 2>/dev/null || true
    fi
  done
  if [ "$status" -ne 0 ]; then
    echo "slurm-test: FAILED (status $status); logs:" >&2
    tail -n 20 "$tmp"/*.log "$tmp"/*/logs/*.log 2>/dev/null >&2 || true
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap stop_daemons EXIT
fail() { echo "slurm-test: FAILED: $*" >&2; exit 1; }
start=$(date +%s)

# munged as the munge user, with its own key and socket
mkdir -p "$tmp/munge"
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chown -R munge:munge "$tmp/munge"
chmod 700 "$tmp/munge"
chmod 400 "$tmp/munge/munge.key"
runuser -u munge -- munged --force --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.socket" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/munge/munged.log" --seed-file="$tmp/munge/munged.seed"
for _ in $(seq 50); do [ -s "$tmp/munge/munged.pid" ] && break; sleep 0.1; done
cp "$tmp/munge/munged.pid" "$tmp/munged.pid"

host=$(hostname -s)
mkdir -p "$tmp/state" "$tmp/spool"
cat > "$tmp/slurm.conf" <<CONF
ClusterName=sernn-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
MpiDefault=none
ReturnToService=2
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
NodeName=$host CPUs=2 RealMemory=3000 State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$tmp/slurm.conf"
slurmctld -c -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do
  [ "$(sinfo -h -o %t 2>/dev/null)" = idle ] && break
  sleep 0.2
done
[ "$(sinfo -h -o %t)" = idle ] || fail "node not idle: $(sinfo 2>&1)"
echo "slurm-test: one-node cluster up in $(( $(date +%s) - start )) s"

[ -f target/sernn.jar ] || mvn -B -q -DskipTests package
sernn() { java -Xmx512m -Djava.awt.headless=true -jar "$repo/target/sernn.jar" "$@"; }
plan() {   # four tiny networks: rate and spiking, seRNN and L1, two epochs each
  sernn sweep plan --out "$1" --models src/test/resources/sweep-models --networks rate,spiking \
    --regularisers sernn,l1 --strengths sernn=0.05:0.05:1 --strengths l1=0.003:0.003:1 --nulls 5 --trials 16 \
    --permutations 5 --max-parallel 2 --mem 1000M --time 00:10:00 --java-options=-Xmx512m >/dev/null
}
submit() { sernn sweep submit "$1" | sed -n 's/.*array job \([0-9]*\), collect job \([0-9]*\).*/\1 \2/p'; }
wait_jobs() {   # until none of the jobs is in the queue any more
  for _ in $(seq 600); do
    [ -z "$(squeue -h -j "$1" 2>/dev/null)" ] && return 0
    sleep 0.2
  done
  fail "jobs $1 still queued: $(squeue)"
}
job_state() { scontrol show job "$1" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -n 1; }
finished() { find "$1/runs" -name result.json 2>/dev/null | wc -l; }

# 1. an uninterrupted submission: array of 4 runs, then collect (afterok)
plan "$tmp/a"
read -r array collect < <(submit "$tmp/a")
[ -n "${collect:-}" ] || fail "sweep submit printed no job ids"
plan "$tmp/local"
sernn sweep run "$tmp/local" --index 0 >/dev/null &   # the same run on this machine, outside Slurm
local_pid=$!
wait_jobs "$array,$collect"
wait "$local_pid"
[ "$(job_state "$collect")" = COMPLETED ] || fail "collect job $collect ended $(job_state "$collect")"
[ "$(($(wc -l < "$tmp/a/results.csv") - 1))" -eq 4 ] || fail "results.csv has not 4 runs: $(cat "$tmp/a/results.csv")"
grep -q "4 of 4 runs finished" "$tmp/a/logs/collect.log" || fail "collect log: $(cat "$tmp/a/logs/collect.log")"
cmp "$tmp/a/runs/0/result.json" "$tmp/local/runs/0/result.json" || fail "Slurm and local results differ"
echo "slurm-test: array + collect finished in $(( $(date +%s) - start )) s; results.csv has 4 runs, run 0 as local"

# 2. a submission cancelled mid-way, then resubmitted
plan "$tmp/b"
read -r array collect < <(submit "$tmp/b")
for _ in $(seq 600); do [ "$(finished "$tmp/b")" -ge 1 ] && break; sleep 0.1; done
scancel "$array" "$collect"
wait_jobs "$array,$collect"
done_at_cancel=$(finished "$tmp/b")
[ "$done_at_cancel" -lt 4 ] || fail "every run finished before the cancel: nothing was interrupted"
[ ! -f "$tmp/b/results.csv" ] || fail "the collect job ran although its array was cancelled"
read -r array collect < <(submit "$tmp/b")
wait_jobs "$array,$collect"
[ "$(job_state "$collect")" = COMPLETED ] || fail "collect job $collect ended $(job_state "$collect")"
for i in 0 1 2 3; do
  cmp "$tmp/a/runs/$i/result.json" "$tmp/b/runs/$i/result.json" || fail "run $i differs after cancel + resubmit"
done
cmp "$tmp/a/results.csv" "$tmp/b/results.csv" || fail "results.csv differs after cancel + resubmit"
resumed=$( { grep -l "^resuming" "$tmp"/b/runs/*/train.log 2>/dev/null || true; } | wc -l)   # grep exits 1 when none resumed
echo "slurm-test: cancelled with $done_at_cancel of 4 runs finished ($resumed resumed from an epoch checkpoint);" \
  "resubmitted results identical to the uninterrupted run's; $(( $(date +%s) - start )) s in all"
