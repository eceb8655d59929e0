#!/usr/bin/env bash
# Interleaved old (aab6b9c, before this round) vs new (main after the neuron plug-ins) engine CPU time and
# learning-rule cost, same machine, alternating so both see the same load.
set -u
out=${OUT:-/tmp/before-after}; mkdir -p $out
for round in 1 2 3; do
  for side in old new; do
    jar=${side^^}_JAR; jar=${!jar}
    mkdir -p $out/cpu-$side-$round
    echo "== round $round $side $(date +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)" >> $out/log
    java -Xmx14g -XX:+UseParallelGC -cp $jar org.sernn.bench.CpuTimeBench $out/cpu-$side-$round > $out/cpu-$side-$round.log 2>&1
    java -Xmx4g -cp $jar org.sernn.bench.LearningRuleCost eprop 500 3 > $out/eprop-$side-$round.json 2>$out/eprop-$side-$round.err
    java -Xmx4g -cp $jar org.sernn.bench.LearningRuleCost bptt 500 3 > $out/bptt-$side-$round.json 2>$out/bptt-$side-$round.err
  done
done
echo "== done $(date +%H:%M:%S)" >> $out/log
