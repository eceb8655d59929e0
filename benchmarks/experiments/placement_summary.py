"""Summary of benchmarks/experiments/placement.sh: paired (by seed) seRNN - L1 differences of hops
and routing energy per inference under spatial and random placement, with 95% t intervals."""
import json
import sys

import numpy as np
from scipy import stats

out = sys.argv[1]
seeds_of = {100: int(sys.argv[2]), 1000: int(sys.argv[3]) if len(sys.argv) > 3 else int(sys.argv[2])}


def load(kind, units, seed, model):
    with open(f"{out}/{kind}-{units}-s{seed}/deploy-{model}/report.json") as f:
        return json.load(f)


def row(report, placement):
    p = report["placement"][placement]
    return {
        "accuracy": report["accuracy_mean"],
        "spikes": report["energy"]["spikes_per_inference"],
        "hops": p["hops_per_inference"],
        "packets": p["packets_per_inference"],
        "routing_nj": p["routing_joules"]["point"] * 1e9,
        "hops_per_spike": p["hops_per_inference"] / max(report["energy"]["spikes_per_inference"], 1e-12),
        "sparsity": report["neurobench"]["connection_sparsity"],
    }


def ci(values):
    values = np.asarray(values, dtype=float)
    mean = values.mean()
    if len(values) < 2:
        return mean, float("nan"), float("nan")
    half = stats.t.ppf(0.975, len(values) - 1) * values.std(ddof=1) / np.sqrt(len(values))
    return mean, mean - half, mean + half


for units in (100, 1000):
    seeds = seeds_of[units]
    if seeds == 0:
        print(f"\n{units} units: not run (0 seeds)")
        continue
    for model in ("pruned", "model"):
        try:
            reports = {k: [load(k, units, s, model) for s in range(1, seeds + 1)] for k in ("sernn", "l1")}
        except FileNotFoundError as missing:
            print(f"\n{units} units, {model}: incomplete ({missing.filename})")
            continue
        label = "pruned to matched density" if model == "pruned" else "as trained"
        cores = reports["sernn"][0]["placement"]["cores_used"]
        per_core = reports["sernn"][0]["placement"]["neurons_per_core"]
        print(f"\n### {units} units, {label} ({seeds} seeds; {per_core} units per core, {cores} cores incl. readout)\n")
        print("| quantity | placement | seRNN mean | L1 mean | seRNN - L1 (95% CI) |")
        print("|---|---|---|---|---|")
        for placement in ("spatial", "random"):
            rows = {k: [row(r, placement) for r in v] for k, v in reports.items()}
            for key in ("accuracy", "sparsity", "spikes", "packets", "hops", "hops_per_spike", "routing_nj"):
                if placement == "random" and key in ("accuracy", "sparsity", "spikes"):
                    continue
                a = [r[key] for r in rows["sernn"]]
                b = [r[key] for r in rows["l1"]]
                mean, low, high = ci(np.subtract(a, b))
                print(f"| {key} | {placement} | {np.mean(a):.4g} | {np.mean(b):.4g} | {mean:+.4g} ({low:+.4g}, {high:+.4g}) |")
        for kind in ("sernn", "l1"):
            ratio = [row(r, "spatial")["routing_nj"] / row(r, "random")["routing_nj"] for r in reports[kind]]
            mean, low, high = ci(ratio)
            print(f"| routing spatial / random | {kind} | {mean:.3f} ({low:.3f}, {high:.3f}) | | |")
