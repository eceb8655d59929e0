#!/usr/bin/env bash
# Maze accuracy of the spiking seRNN on hardware profiles (issue: hardware profiles): float against
# 8-bit and 4-bit weights (per neuron, per tensor), with and without fixed-point neuron state,
# Loihi and Xylo as shipped and without their state_bits, and the PCM crossbars at 1 s, 1 day and
# 1 year with and without global drift compensation (pcm-aihwkit with its DAC, ADC and output noise).
# Trains CONFIG (BPTT, its epochs) unless OUT/train/model.npz exists. A target the network does not
# fit (too many input channels, fan-in) is listed with the one-line reason deploy gives.
#   benchmarks/experiments/maze-hardware.sh [OUT] [TRIALS] [CROSSBAR_SEEDS] [CONFIG]
#   (defaults: runs/maze-hardware, 1,000 test trials, 10 device seeds on crossbars; digital targets
#   round to nearest, so one device seed is their whole spread; models/alif-sernn.yaml, the maze;
#   models/alif-sernn-fmnist.yaml runs the same experiment on row-wise Fashion-MNIST)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/runs/maze-hardware}"
trials="${2:-1000}"
seeds="${3:-10}"
config="${4:-$root/models/alif-sernn.yaml}"
mkdir -p "$out/profiles"
"$root/sernn" --version >/dev/null
[ -f "$out/sernn.jar" ] || cp "$root/target/sernn.jar" "$out/sernn.jar"
sernn=(nice java -Xmx2g -Djava.awt.headless=true -jar "$out/sernn.jar")
[ -f "$out/train/model.npz" ] || "${sernn[@]}" train "$config" --out "$out/train" --no-progress \
  > "$out/train.log" 2>&1

profile() { # profile NAME WEIGHTS [NEURON]: a weights-only target (kind ideal: no energy figures)
  { echo "name: $1"; echo "kind: ideal"; echo "weights: $2"; [ -z "${3:-}" ] || echo "neuron: $3"; } > "$out/profiles/$1.yaml"
}
profile int8-per-neuron "{bits: 8, granularity: per_neuron}"
profile int8-per-neuron-state16 "{bits: 8, granularity: per_neuron}" "{state_bits: 16, weight_shift_bits: 0}"
profile int8-per-tensor "{bits: 8, granularity: per_tensor}"
profile int4-per-neuron "{bits: 4, granularity: per_neuron}"
profile int4-per-neuron-state8 "{bits: 4, granularity: per_neuron}" "{state_bits: 8, weight_shift_bits: 0}"
profile int4-per-tensor "{bits: 4, granularity: per_tensor}"
for chip in loihi xylo; do
  cp "$root/hardware-profiles/$chip.yaml" "$out/profiles/$chip.yaml"
  grep -v 'state_bits\|weight_shift_bits' "$root/hardware-profiles/$chip.yaml" | sed "s/^name: .*/name: $chip-float-state/" \
    > "$out/profiles/$chip-float-state.yaml"
done
cp "$root/hardware-profiles/pcm-crossbar.yaml" "$root/hardware-profiles/pcm-aihwkit.yaml" "$out/profiles/"
grep -v 'periphery\|dac_bits\|adc_bits\|adc_bound\|output_noise' "$root/hardware-profiles/pcm-aihwkit.yaml" \
  | sed 's/^name: .*/name: pcm-aihwkit-ideal-io/' > "$out/profiles/pcm-aihwkit-ideal-io.yaml"

digital=(int8-per-neuron int8-per-neuron-state16 int8-per-tensor int4-per-neuron int4-per-neuron-state8 int4-per-tensor
  loihi loihi-float-state xylo xylo-float-state)
crossbars=(pcm-crossbar pcm-aihwkit pcm-aihwkit-ideal-io)
for name in "${digital[@]}" "${crossbars[@]}"; do
  [ -f "$out/$name/report.json" ] && continue
  n=1
  [[ " ${crossbars[*]} " == *" $name "* ]] && n=$seeds
  start=$(date +%s)
  "${sernn[@]}" deploy "$out/train/model.npz" --profile "$out/profiles/$name.yaml" --trials "$trials" \
    --device-seeds "$n" --out "$out/$name" > "$out/$name.log" 2>&1 || continue   # reason in $name.log
  echo $(( $(date +%s) - start )) > "$out/$name/seconds"
done

python3 - "$out" "${digital[@]}" -- "${crossbars[@]}" <<'EOF'
import json, sys
out = sys.argv[1]
split = sys.argv.index("--")
digital, crossbars = sys.argv[2:split], sys.argv[split + 1:]
import os
def report(name):
    path = f"{out}/{name}/report.json"
    return json.load(open(path)) if os.path.exists(path) else None
def reason(name):
    lines = [l.strip() for l in open(f"{out}/{name}.log") if l.strip()]
    return lines[-1] if lines else "no report"
first = report(digital[0])
print(f"float accuracy (no target): {first['float_accuracy']:.4f} on {first['trials']} test trials\n")
print("| target | accuracy | fixed-point state |")
print("|---|---|---|")
for name in digital:
    r = report(name)
    if r is None:
        print(f"| {name} | does not run: {reason(name)} | |")
        continue
    state = r["fixed_point_state"]
    state = state if isinstance(state, str) else f"{state['state_bits']} bits, LSB {state['lsb_min']:.3g}-{state['lsb_max']:.3g}"
    print(f"| {name} | {r['accuracy_mean']:.4f} | {state} |")
print("\n| crossbar | seeds | t | compensated | uncompensated |")
print("|---|---|---|---|---|")
for name in crossbars:
    r = report(name)
    if r is None:
        print(f"| {name} | | | does not run: {reason(name)} | |")
        continue
    for row in r["drift"]:
        if row["seconds_since_programming"] in (1, 86400, 31557600):
            print(f"| {name} | {r['device_seeds']} | {row['seconds_since_programming']:.0f} s | "
                  f"{row['accuracy_mean_compensated']:.4f} +- {row['accuracy_std_compensated']:.4f} | "
                  f"{row['accuracy_mean_uncompensated']:.4f} +- {row['accuracy_std_uncompensated']:.4f} |")
EOF
