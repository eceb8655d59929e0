"""sernn's energy model against published measurements on real chips (docs/energy.md).

For each paper that reports enough activity to compute the estimate (network size, connectivity,
spike rates), the estimate uses the same formula as org.sernn.hardware.EnergyModel with the figures
of hardware-profiles/*.yaml: synaptic events x E_synop + neuron updates x E_neuron (+ memory and
routing where the profile costs them). Papers that report an energy but not the activity are
listed with the activity the model would need to match them, which is not a validation.
  python3 benchmarks/experiments/energy_validation.py [PROFILE_DIR] > benchmarks/results/energy-validation.md
"""
import sys

import yaml

profiles = sys.argv[1] if len(sys.argv) > 1 else "hardware-profiles"


def figure(value):
    """(low, point, high) of a profile figure: one number or {low, point, high}."""
    if isinstance(value, dict):
        return float(value["low"]), float(value["point"]), float(value["high"])
    return float(value), float(value), float(value)


def energy(name):
    with open(f"{profiles}/{name}.yaml") as f:
        e = yaml.safe_load(f)["energy"]
    return figure(e["synaptic_op_joules"]), figure(e["neuron_update_joules"]), e["level"]


def estimate(name, events, updates):
    synop, neuron, _ = energy(name)
    return tuple(events * s + updates * n for s, n in zip(synop, neuron))


print("# sernn's energy model against measured chips\n")
print("Command: `python3 benchmarks/experiments/energy_validation.py > benchmarks/results/energy-validation.md` "
      "(figures from hardware-profiles/*.yaml; every measurement below is quoted from the paper named).\n")
print("## Rows the model can compute (the paper reports size, connectivity and activity)\n")
print("| chip, workload (paper) | measured | activity reported | sernn estimate low / point / high | "
      "estimate / measured (low / point / high) |")
print("|---|---|---|---|---|")

# TrueNorth (Merolla et al., Science 2014): 4,096 cores x 256 neurons, a recurrent network at 20 Hz
# mean rate with 128 active synapses per neuron, 1 kHz tick, 72 mW total at 0.775 V (the measurement
# behind the 26 pJ per synaptic event figure; spikes travel 21.3 cores on average).
neurons = 4096 * 256
events_per_s = neurons * 20 * 128
updates_per_s = neurons * 1000
measured_w = 72e-3
low, point, high = estimate("truenorth", events_per_s, updates_per_s)
print(f"| TrueNorth, recurrent benchmark network, 1 s of activity (Merolla 2014) | {measured_w * 1e3:.0f} mJ per s "
      f"(72 mW, whole chip at 0.775 V) | {neurons:,} neurons at 20 Hz, 128 active synapses each, 1 kHz tick: "
      f"{events_per_s:.3g} synaptic events and {updates_per_s:.3g} neuron updates per s | "
      f"{low * 1e3:.3g} / {point * 1e3:.3g} / {high * 1e3:.3g} mJ | "
      f"{low / measured_w:.2f} / {point / measured_w:.2f} / {high / measured_w:.2f} |")

print("\n## Measurements the model cannot check (activity not reported)\n")
print("| chip, workload (paper) | measured energy per inference | what is missing | activity the model would "
      "need at its point figures |")
print("|---|---|---|---|")
synop, neuron, _ = energy("loihi")
for device, joules in (("Loihi", 0.27e-3), ("CPU", 6.3e-3), ("GPU", 29.8e-3), ("Jetson TX1", 5.6e-3),
                       ("Movidius NCS", 1.5e-3)):
    loihi = device == "Loihi"
    need = f"{joules / synop[1]:.3g} synaptic events (at 27.1 pJ, no updates)" if loihi else \
        f"measured {joules / 0.27e-3:.3g}x Loihi's energy per inference"
    missing = "spike counts and time steps per inference" if loihi else "the MACs per inference as run (batching, " \
        "framework overhead)"
    print(f"| {device}, keyword spotting, dynamic energy (Blouw et al. 2019) | {joules * 1e3:.3g} mJ | {missing} "
          f"| {need} |")
xylo_synop = energy("xylo")[0]
print(f"| Xylo Audio 2, Aloha keyword spotting (Bos and Muir 2024) | 6.6 uJ (291 uW dynamic) | spike counts per "
      f"inference | {6.6e-6 / xylo_synop[1]:.3g} synaptic events at the profile's 2.5 pJ (an ESTIMATE figure) |")
print("| Loihi 2, SpiNNaker 2 | - | no per-inference measurement with activity found in the sources searched | - |")

print("\n## How far off\n")
print(f"One row is computable. On TrueNorth the point estimate (Akopyan 2015's 2.5 pJ per op) is "
      f"{point / measured_w:.2f} of the measured power, about {measured_w / point:.0f}x too low; the high end "
      f"(26 pJ per op) lands at {high / measured_w:.2f}, but that figure is itself the measured power divided by "
      "these events, so it agrees by construction and is no independent check. The gap is what per-op figures "
      "leave out: static and leakage power, the network-on-chip (spikes travel 21.3 cores on average there, and "
      "truenorth.yaml has no mesh), and clocking. The keyword-spotting measurements cannot be reproduced without "
      "spike counts; the activity column says what the model would need. Read the model's absolute numbers as "
      "order-of-magnitude estimates of dynamic energy, and compare ratios only between profiles at the same level. "
      "For scale, the one measured like-for-like ratio found, Blouw et al.'s keyword spotter, has the CPU at 23x and "
      "the GPU at 110x Loihi's dynamic energy per inference.")
