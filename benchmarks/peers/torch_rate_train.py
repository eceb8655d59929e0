#!/usr/bin/python3
"""PyTorch peer of sernn's rate training benchmark (org.sernn.bench.RateTrainingSpeed): seconds per
BPTT training iteration of the rate seRNN, on the very network and batch sernn times.

    ./sernn grad models/rate-sernn.yaml --batch 128 --seed 1 --out /tmp/rate.npz
    /usr/bin/python3 torch_rate_train.py /tmp/rate.npz [--threads 1] [--repeats 20] [--out torch.json]

The dump holds sernn's weights (stored (post, pre)), biases, inputs (B, T, n_in), labels, loss mask,
distance matrix, regulariser settings and the loss sernn computed on that batch. The network is
written the way a PyTorch user writes it, in two variants:
  loop  a Python loop over time, h = relu(x_t W_in^T + h W_rec^T + b_rec) (x W_in^T for all steps at
        once), the readout on the steps the loss looks at;
  rnn   torch.nn.RNN(nonlinearity="relu") holding the same weights (bias_hh = 0), the same readout.
The loss is sernn's: the leaky readout y_t = kappa y_{t-1} + W_out h_t + b_out, cross-entropy weighted
by the loss mask, plus the seRNN regulariser with the full gradient through torch.linalg.matrix_exp
(benchmarks/peers/torch_grad_check.py's structural_regulariser, imported). One iteration =
zero_grad + forward + loss + backward + Adam step (lr 1e-3, Keras' betas and epsilon).

Before timing, each variant's first loss is compared with sernn's (the dump's): the run stops with
exit status 1 unless they agree to 1e-9 (float64) or 1e-4 (float32), relative. Timing: after a
warm-up of at least 10 iterations and 2 s of process CPU time, --repeats iterations; the median
wall time and the process CPU time per iteration (time.process_time: every thread of the process).
"""
import argparse
import json
import math
import os
import platform
import statistics
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_grad_check import structural_regulariser  # noqa: E402  (sets the default dtype to float64)

TOLERANCE = {"float64": 1e-9, "float32": 1e-4}


class Net(torch.nn.Module):
    """sernn's rate network: parameters (post, pre) as in the dump."""

    def __init__(self, d, dtype, variant):
        super().__init__()
        p = {k: torch.tensor(d[k], dtype=dtype) for k in ["w_in", "w_rec", "w_out", "b_rec", "b_out"]}
        self.variant = variant
        if variant == "rnn":
            self.rnn = torch.nn.RNN(p["w_in"].shape[1], p["w_rec"].shape[0], nonlinearity="relu", dtype=dtype)
            with torch.no_grad():
                self.rnn.weight_ih_l0.copy_(p["w_in"])
                self.rnn.weight_hh_l0.copy_(p["w_rec"])
                self.rnn.bias_ih_l0.copy_(p["b_rec"])
                self.rnn.bias_hh_l0.zero_()
        else:
            self.w_in = torch.nn.Parameter(p["w_in"])
            self.w_rec = torch.nn.Parameter(p["w_rec"])
            self.b_rec = torch.nn.Parameter(p["b_rec"])
        self.w_out = torch.nn.Parameter(p["w_out"])
        self.b_out = torch.nn.Parameter(p["b_out"])

    def recurrent_weights(self):
        return self.rnn.weight_hh_l0 if self.variant == "rnn" else self.w_rec

    def states(self, x):
        """x (T, B, n_in) -> h (T, B, n)."""
        if self.variant == "rnn":
            return self.rnn(x)[0]
        current = x @ self.w_in.t() + self.b_rec
        h = torch.zeros(x.shape[1], self.w_rec.shape[0], dtype=x.dtype)
        out = []
        for t in range(x.shape[0]):
            h = torch.relu(current[t] + h @ self.w_rec.t())
            out.append(h)
        return torch.stack(out)


def task_loss(h, net, kappa, labels, mask):
    """sum_t mask_t CE(softmax(y_t), label) / B, y_t = kappa y_{t-1} + W_out h_t + b_out."""
    batch = h.shape[1]
    if kappa == 0.0:  # no leak: only the steps in the loss matter
        steps = [t for t in range(len(mask)) if mask[t] != 0.0]
        y = h[steps] @ net.w_out.t() + net.b_out
        return sum(mask[t] * torch.nn.functional.cross_entropy(y[i], labels, reduction="sum")
                   for i, t in enumerate(steps)) / batch
    y = torch.zeros(batch, net.w_out.shape[0], dtype=h.dtype)
    loss = h.new_zeros(())
    drive = h @ net.w_out.t() + net.b_out
    for t in range(len(mask)):
        y = kappa * y + drive[t]
        if mask[t] != 0.0:
            loss = loss + mask[t] * torch.nn.functional.cross_entropy(y, labels, reduction="sum") / batch
    return loss


def workload(d, dtype, variant):
    torch.set_default_dtype(dtype)  # the regulariser builds its identity in the default dtype
    cfg = json.loads(str(d["config"]))
    net = Net(d, dtype, variant)
    x = torch.tensor(d["x"], dtype=dtype).transpose(0, 1).contiguous()
    labels = torch.from_numpy(d["y"].astype(np.int64))
    mask = [float(m) for m in d["loss_mask"]]
    distance = torch.tensor(d["distance"], dtype=dtype)
    tau_out = cfg["neuron"]["tau_out"]
    kappa = math.exp(-cfg["neuron"]["dt"] / tau_out) if tau_out > 0 else 0.0
    optimiser = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)

    def iteration():
        optimiser.zero_grad()
        h = net.states(x)
        loss = task_loss(h, net, kappa, labels, mask) + structural_regulariser(net.recurrent_weights(), distance,
                                                                                   cfg)
        loss.backward()
        optimiser.step()
        return loss.item()

    return iteration


def measure(iteration, repeats):
    iteration()
    start = time.process_time()
    i = 0
    while i < 10 or time.process_time() - start < 2.0:
        iteration()
        i += 1
    walls = []
    cpu = time.process_time()
    for _ in range(repeats):
        t = time.perf_counter()
        iteration()
        walls.append(time.perf_counter() - t)
    return statistics.median(walls), (time.process_time() - cpu) / repeats, walls


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dump", help="a `sernn grad` dump of a rate network")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--dtypes", default="float32,float64")
    parser.add_argument("--variants", default="loop,rnn")
    parser.add_argument("--out")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    d = np.load(args.dump)
    cfg = json.loads(str(d["config"]))
    if cfg["neuron"]["type"] != "rate" or cfg["neuron"]["activation"] != "relu":
        sys.exit(f"{args.dump}: a ReLU rate network's dump is needed, not {cfg['neuron']}")
    reference = float(d["loss"])
    rows, ok = [], True
    for dtype_name in args.dtypes.split(","):
        for variant in args.variants.split(","):
            iteration = workload(d, getattr(torch, dtype_name), variant)
            first = iteration()
            rel = abs(first - reference) / abs(reference)
            agrees = rel <= TOLERANCE[dtype_name]
            ok &= agrees
            if not agrees:
                print(f"torch {variant} {dtype_name}: first loss {first:.15g} against sernn's {reference:.15g} "
                      f"(rel {rel:.2e}): NOT the same network, not timed")
                continue
            wall, cpu, walls = measure(iteration, args.repeats)
            print(f"torch {variant} {dtype_name} ({args.threads} thread(s)): {1e3 * wall:.2f} ms/iter wall "
                  f"(median of {args.repeats}), process CPU {1e3 * cpu:.2f} ms; first loss {first:.15g}, sernn "
                  f"{reference:.15g} (rel {rel:.1e})")
            rows.append({"variant": variant, "dtype": dtype_name, "first_loss": first, "sernn_loss": reference,
                         "relative_difference": rel, "seconds_per_iteration": wall, "cpu_seconds": cpu,
                         "all_seconds": walls})
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"peer": "torch", "torch": torch.__version__, "python": platform.python_version(),
                       "threads": args.threads, "load": os.getloadavg()[0], "batch": int(d["x"].shape[0]),
                       "steps": int(d["x"].shape[1]), "n": int(d["w_rec"].shape[0]), "runs": rows}, f, indent=1)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
