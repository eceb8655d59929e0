"""Two-sample view of the sweep, as the paper's captions describe it: every seRNN network against every
L1 network of the same kind that passed (validation accuracy >= 0.9), unmatched; Cohen's d with the
pooled SD and the Mann-Whitney U p (SciPy). Also the rate seRNNs near the paper's example strength.
    python3 benchmarks/experiments/paper_scale_two_sample.py benchmarks/results/paper-scale/results.csv"""
import csv, statistics, sys
from scipy.stats import mannwhitneyu

rows = list(csv.DictReader(open(sys.argv[1])))
metrics = ["modularity_q", "small_world_sigma", "weight_distance_corr", "mixed_selectivity_corr"]

def values(kind, reg, metric):
    return [float(r[metric]) for r in rows if r["network"] == kind and r["regulariser"] == reg
            and float(r["validation_accuracy"]) >= 0.9 and r[metric] not in ("", "NaN", "nan")]

def cohen_d(a, b):
    pooled = (((len(a) - 1) * statistics.variance(a) + (len(b) - 1) * statistics.variance(b))
              / (len(a) + len(b) - 2)) ** 0.5
    return (statistics.mean(a) - statistics.mean(b)) / pooled

print("| kind | metric | seRNN n | seRNN median | L1 n | L1 median | Cohen's d (pooled) | Mann-Whitney p |")
print("|---|---|---|---|---|---|---|---|")
for kind in ("rate", "spiking"):
    for m in metrics:
        a, b = values(kind, "sernn", m), values(kind, "l1", m)
        p = mannwhitneyu(a, b, alternative="two-sided").pvalue
        print(f"| {kind} | {m} | {len(a)} | {statistics.median(a):.4g} | {len(b)} | {statistics.median(b):.4g} | {cohen_d(a, b):+.2f} | {p:.2g} |")
near = [r for r in rows if r["network"] == "rate" and r["regulariser"] == "sernn"
        and 0.06 < float(r["lambda"]) < 0.1 and float(r["validation_accuracy"]) >= 0.9]
print(f"\nrate seRNNs that passed at lambda 0.065 and 0.097 (n = {len(near)}): corr(|W|, D) mean "
      f"{statistics.mean(float(r['weight_distance_corr']) for r in near):.3f}, "
      f"range {min(float(r['weight_distance_corr']) for r in near):.3f} to {max(float(r['weight_distance_corr']) for r in near):.3f}")
