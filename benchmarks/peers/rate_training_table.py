#!/usr/bin/python3
"""Table of the rate training benchmark (run-rate-training.sh): sernn's rate BPTT (RateTrainingSpeed,
sernn-T-R.json) against PyTorch on the same network and batch (torch_rate_train.py, torch-T-R.json) and
against sernn's ALIF network of the same size, per training iteration, for each thread count T.

    /usr/bin/python3 rate_training_table.py DIR [--markdown FILE]

Each figure is the median over rounds of a round's median wall time / mean process CPU time per
iteration. ratio = PyTorch time / sernn rate time (above 1: sernn is faster); the ratios are taken
within each round (the two sides ran one after the other) and their median is shown.
"""
import argparse
import glob
import json
import os
import re
import statistics


def load(directory):
    """{threads: {round: {"sernn": {...}, "torch": {...}}}}"""
    runs = {}
    for path in glob.glob(os.path.join(directory, "*-*-*.json")):
        match = re.fullmatch(r"(sernn|torch)-(\d+)-(\d+)\.json", os.path.basename(path))
        if match:
            with open(path) as f:
                runs.setdefault(int(match[2]), {}).setdefault(int(match[3]), {})[match[1]] = json.load(f)
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--markdown")
    args = parser.parse_args()
    runs = load(args.directory)
    lines = ["| threads | what | loss on the dump's batch | ms/iter wall | ms/iter process CPU | "
             "ratio to sernn rate, wall | ratio, CPU |", "|---|---|---|---|---|---|---|"]
    loads = []
    for threads in sorted(runs):
        rounds = [r for r in runs[threads].values() if "sernn" in r and "torch" in r]
        loads += [x for r in rounds for x in (r["sernn"]["load_before"], r["sernn"]["load_after"], r["torch"]["load"])]
        rows = {}
        for r in rounds:
            rate = next(m for m in r["sernn"]["models"] if m["name"] == "rate-sernn")
            for m in r["sernn"]["models"]:
                label = f"sernn {m['name']} ({m['steps']} steps)"
                rows.setdefault(label, []).append((m["first_loss"], m["seconds_per_iteration"], m["cpu_seconds"],
                                                   rate))
            for t in r["torch"]["runs"]:
                label = f"PyTorch {t['variant']} {t['dtype']}"
                rows.setdefault(label, []).append((t["first_loss"], t["seconds_per_iteration"], t["cpu_seconds"],
                                                   rate))
        for label, samples in rows.items():
            loss = samples[0][0]
            wall = statistics.median(s[1] for s in samples)
            cpu = statistics.median(s[2] for s in samples)
            ratio_wall = statistics.median(s[1] / s[3]["seconds_per_iteration"] for s in samples)
            ratio_cpu = statistics.median(s[2] / s[3]["cpu_seconds"] for s in samples)
            lines.append(f"| {threads} | {label} | {loss:.12g} | {1e3 * wall:.2f} | {1e3 * cpu:.2f} | "
                         f"{ratio_wall:.2f} | {ratio_cpu:.2f} |")
    lines.append("")
    lines.append(f"{len({r for v in runs.values() for r in v})} round(s); load average during the runs "
                 f"{min(loads):.2f}-{max(loads):.2f}." if loads else "no complete round")
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
