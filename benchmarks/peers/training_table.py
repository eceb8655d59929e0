#!/usr/bin/python3
"""Table of the training benchmark: sernn (TrainingSpeed, sernn-*.json) against PyTorch
(torch_alif_train.py, torch-*.json), each the median over every timed iteration of every round.

    /usr/bin/python3 training_table.py DIR [--markdown FILE]

ratio = PyTorch time / sernn time: above 1, sernn is faster. Both sides time the same network and
batch (TrainingSpeed's dumps); a ratio is given only where both report the same spike count for it
(every round), otherwise the row says "spikes differ". Wall time and process CPU time (every thread)
are both given: CPU time is far less sensitive to other processes on the machine; with 2 threads,
idle OpenMP threads spinning at barriers inflate it.
"""
import argparse
import glob
import json
import os
import statistics


def collect(pattern):
    """Every sample of every round: {key: ([wall seconds], [process CPU seconds])}."""
    training, regulariser, loads, meta, checks = {}, {}, [], {}, {}
    for path in sorted(glob.glob(pattern)):
        with open(path) as f:
            r = json.load(f)
        meta = r
        loads += [r.get("load_before"), r.get("load_after")]
        for t in r["training"]:
            key = (t["n"], t["batch"], t["steps"])
            wall, cpu = training.setdefault(key, ([], []))
            wall.extend(t["all_seconds"])
            cpu.extend([t["cpu_seconds"]] if "cpu_seconds" in t else [])
            checks.setdefault(key, set()).add((t.get("spikes"), t.get("loss")))
        for t in r["regulariser"]:
            wall, cpu = regulariser.setdefault((t["n"], t.get("dtype", r.get("dtype"))), ([], []))
            wall.extend(t["all_seconds"])
            cpu.extend([t["cpu_seconds"]] if "cpu_seconds" in t else [])
    return training, regulariser, [x for x in loads if x is not None], meta, checks


def med(table, key):
    """Median wall seconds and median over rounds of the mean CPU seconds per run (nan when missing)."""
    wall, cpu = table.get(key, ([], []))
    nan = float("nan")
    return (statistics.median(wall) if wall else nan), (statistics.median(cpu) if cpu else nan)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--markdown", help="also write the table here")
    args = parser.parse_args()
    jt, jr, jl, _, jchecks = collect(os.path.join(args.dir, "sernn-*.json"))
    tt, tr, tl, tmeta, tchecks = collect(os.path.join(args.dir, "torch-*.json"))
    lines = []
    loads = jl + tl
    if loads:
        lines.append(f"load average (1 min) at the start and end of each run: min {min(loads):.2f}, "
                     f"median {statistics.median(loads):.2f}, max {max(loads):.2f}")
    lines.append(f"PyTorch {tmeta.get('torch', '?')}, {tmeta.get('threads', '?')} threads, "
                 f"{tmeta.get('dtype', '?')}; sernn float64, the same network and batch")
    lines.append("")
    lines.append("| n | batch | steps | spikes (both) | rate Hz | loss: sernn | loss: PyTorch | sernn s/iter "
                 "| PyTorch s/iter | ratio (torch / sernn) | CPU s: sernn | CPU s: PyTorch | CPU ratio | samples |")
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for key in sorted(set(jt) | set(tt), key=lambda k: (k[0], k[2], -k[1])):
        j, jc = med(jt, key)
        t, tc = med(tt, key)
        ours, theirs = jchecks.get(key, set()), tchecks.get(key, set())
        spikes = {s for s, _ in ours | theirs}
        same = len(spikes) == 1 and None not in spikes
        if same:
            count = spikes.pop()
            rate = count / (key[1] * key[2] * key[0] / 1000.0)
            loss_j = "/".join(f"{l:.9g}" for _, l in sorted(ours))
            loss_t = "/".join(f"{l:.9g}" for _, l in sorted(theirs))
            check = f"{count:,} | {rate:.1f} | {loss_j} | {loss_t}"
            ratio, cpu_ratio = f"{t / j:.2f}", f"{tc / jc:.2f}"
        else:
            check = f"spikes differ: sernn {sorted(s for s, _ in ours)}, PyTorch {sorted(s for s, _ in theirs)} | | |"
            ratio = cpu_ratio = "-"
        lines.append(f"| {key[0]:,} | {key[1]} | {key[2]} | {check} | {j:.4f} | {t:.4f} | {ratio} | {jc:.4f} | "
                     f"{tc:.4f} | {cpu_ratio} | {len(jt.get(key, ([],))[0])} / {len(tt.get(key, ([],))[0])} |")
    lines.append("")
    lines.append("| regulariser n | PyTorch dtype | sernn ms | PyTorch ms | ratio (torch / sernn) | CPU ms: sernn "
                 "| CPU ms: PyTorch | CPU ratio | samples |")
    lines.append("|---:|---|---:|---:|---:|---:|---:|---:|---|")
    for n, dtype in sorted(tr):
        j, jc = (1000 * v for v in med(jr, (n, "float64")))
        t, tc = (1000 * v for v in med(tr, (n, dtype)))
        lines.append(f"| {n:,} | {dtype} | {j:.2f} | {t:.2f} | {t / j:.2f} | {jc:.2f} | {tc:.2f} | {tc / jc:.2f} | "
                     f"{len(jr.get((n, 'float64'), ([],))[0])} / {len(tr.get((n, dtype), ([],))[0])} |")
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
