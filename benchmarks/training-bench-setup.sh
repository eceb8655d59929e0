# Shared set-up of run-training.sh and run-rate-training.sh (sourced, not run): builds the jar if
# needed, makes the output folder, compiles the benchmark class next to the jar, warns when the
# machine is busy. Needs $here, $root, $out (may be empty) set by the caller.
#   training_bench_setup SCRIPT_NAME CLASS_NAME WARNING
# sets $python, $jar, $out (a temp folder when empty) and $classes; load prints the load average.
load() { cut -d' ' -f1 /proc/loadavg; }

training_bench_setup() {
  local name=$1 class=$2 warning=$3
  python=/usr/bin/python3
  jar="$root/target/sernn.jar"
  if [[ ! -f "$jar" ]]; then
    echo "$name: building $jar" >&2
    mvn -q -B -f "$root/pom.xml" -DskipTests package >&2
  fi
  out="${out:-$(mktemp -d "/tmp/sernn-${name%.sh}.XXXXXX")}"
  mkdir -p "$out"
  classes="$(mktemp -d "/tmp/sernn-${name%.sh}-classes.XXXXXX")"
  trap 'rm -rf "$classes"' EXIT
  javac -cp "$jar" -d "$classes" "$here/src/main/java/org/sernn/bench/$class.java" \
    "$here/src/main/java/org/sernn/bench/TrainingStep.java"
  if awk -v l="$(load)" 'BEGIN { exit !(l > 1.0) }'; then
    echo "$name: warning: load average $(load) before starting: $warning" >&2
  fi
}
