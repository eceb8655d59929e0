#!/usr/bin/python3
"""PyTorch peer of sernn's training benchmark (org.sernn.bench.TrainingSpeed): seconds per
surrogate-gradient BPTT training iteration of an ALIF seRNN, CPU, on exactly the network and batch
that sernn times.

TrainingSpeed --dumps DIR writes each workload as a `sernn grad` dump (docs/formats.md, "Gradient
dump"): DIR/alif-nN-bB-tT.npz holds the weights (w_in, w_rec, w_out, b_rec, b_out), the per-unit
parameters (tau_m_ms, tau_a_ms, beta, v_th, n_ref: half the units are ALIF), the input x (B, T, n_in),
the labels, the loss mask, the distances and the loss; DIR/regulariser-nN.npz holds W_rec and the
distances of the regulariser-alone workloads (timed here in float32 and in float64). This script loads them and builds the network the way a
PyTorch user would write it: an nn.Module with a Python loop over time, the spike as a
torch.autograd.Function with the Bellec triangle pseudo-derivative, the refractory counter,
subtractive reset (not detached), the leaky readout, cross-entropy over the loss window, the
firing-rate regulariser, the seRNN regulariser (out-strength, full gradient through
torch.linalg.matrix_exp) and torch.optim.Adam (lr 0.005).

One iteration = zero_grad + forward + losses + backward + optimiser step; after it the dumped
parameters are put back (untimed), as TrainingSpeed does, so that every iteration runs on the dumped
network. The first iteration's spike count and loss are recorded (and the loss compared with the
dump's): training_table.py gives a ratio only where the spike counts of the two sides are equal.
Timing: the median wall time of at least --repeats iterations (and 2 s of them) after --warmup ones,
and the mean process CPU time per iteration over the same loop.
--dtype float32 (default) is what a PyTorch user would usually pick; float64 is sernn's precision
(slower; float32 rounding could move a unit across its threshold, which the spike check would catch).

Usage: /usr/bin/python3 torch_alif_train.py --dumps DIR [--threads 2] [--repeats 7] [--out torch.json]
         [--sizes 100x128x50,100x64x500,1000x32x100] [--reg-sizes 100,500,1000] [--dtype float32]
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

LR = 0.005
MIN_TIMED_SECONDS = 2.0  # training iterations are timed for at least this long, as in TrainingSpeed


class TriangleSpike(torch.autograd.Function):
    """z = H(v - A); dz/d(v - A) = (gamma / v_th) max(0, 1 - |v - A| / v_th) (Bellec et al. 2020)."""

    @staticmethod
    def forward(ctx, u, v_th, gamma):
        ctx.save_for_backward(u, v_th)
        ctx.gamma = gamma
        return (u > 0).to(u.dtype)

    @staticmethod
    def backward(ctx, grad):
        u, v_th = ctx.saved_tensors
        return grad * (ctx.gamma / v_th) * torch.clamp(1.0 - u.abs() / v_th, min=0.0), None, None


def sernn_regulariser(w_rec, distance, off_diagonal, lam, epsilon):
    a = w_rec.abs().t()  # A[i][j] = |w_{i->j}| (pre, post) from the (post, pre) weight
    s = a.sum(dim=1)  # out-strength
    r = (s + epsilon).rsqrt()
    c = torch.linalg.matrix_exp(r[:, None] * a * r[None, :]) * off_diagonal
    return lam * (a * c * distance).sum()


def require(cfg, key, allowed, path):
    if cfg.get(key) not in allowed:
        sys.exit(f"torch_alif_train.py: {path}: config {key} = {cfg.get(key)!r}; this peer supports {allowed}")


class AlifRnn(torch.nn.Module):
    """The dumped ALIF network: weights (post, pre) and per-unit parameters from the npz."""

    def __init__(self, d, cfg, dtype):
        super().__init__()

        def t(key):
            return torch.tensor(d[key], dtype=dtype)

        for key in ("w_in", "w_rec", "w_out", "b_rec", "b_out"):
            setattr(self, key, torch.nn.Parameter(t(key)))
        n = self.w_rec.shape[0]
        dt = cfg["neuron"]["dt"]
        self.register_buffer("alpha", torch.exp(-dt / t("tau_m_ms")))
        self.register_buffer("rho", torch.exp(-dt / t("tau_a_ms")))
        self.register_buffer("beta", t("beta"))
        self.register_buffer("v_th", t("v_th"))
        self.register_buffer("n_ref", torch.tensor(d["n_ref"].astype(np.int32)))
        self.register_buffer("no_self", 1.0 - torch.eye(n, dtype=dtype))
        tau_out = cfg["neuron"]["tau_out"]
        self.kappa = math.exp(-dt / tau_out) if tau_out > 0 else 0.0
        self.gamma = cfg["surrogate_gamma"]

    def forward(self, x):
        """x (T, B, n_in) -> readouts y_t (a list of T (B, n_out)), spikes (T, B, n)."""
        steps, batch, _ = x.shape
        n = self.w_rec.shape[0]
        w_rec = self.w_rec * self.no_self
        # W_in x_t + b_rec for all steps in one product, split with unbind: indexing current[t] instead
        # would make each step's backward allocate and add a (T, B, n) gradient (O(T^2) work).
        current = (x @ self.w_in.t() + self.b_rec).unbind(0)
        v = x.new_zeros(batch, n)
        a = x.new_zeros(batch, n)
        z = x.new_zeros(batch, n)
        v_th = self.v_th.expand(batch, n)
        refractory = torch.zeros(batch, n, dtype=torch.int32)
        y = x.new_zeros(batch, self.w_out.shape[0])
        ys, zs = [], []
        for t in range(steps):
            v = self.alpha * v + current[t] + z @ w_rec.t() - self.v_th * z
            a = self.rho * a + z
            blocked = refractory > 0
            z = TriangleSpike.apply(v - (self.v_th + self.beta * a), v_th, self.gamma) * (~blocked)
            refractory = torch.where(blocked, refractory - 1, refractory)
            refractory = torch.where(z > 0, self.n_ref.expand(batch, n), refractory)
            y = self.kappa * y + z @ self.w_out.t() + self.b_out
            ys.append(y)
            zs.append(z)
        return ys, torch.stack(zs)


class Workload:
    """The network, batch and optimiser of one dump; iteration() is the timed unit."""

    def __init__(self, path, dtype):
        d = np.load(path)
        cfg = json.loads(str(d["config"]))
        require(cfg["neuron"], "type", ["alif", "lif"], path)
        require(cfg, "learning_rule", ["bptt"], path)
        require(cfg, "surrogate", ["triangle"], path)
        require(cfg, "regulariser", ["sernn"], path)
        require(cfg, "strength", ["out"], path)
        require(cfg, "comms_gradient", ["full"], path)
        require(cfg, "comms_factor", [1.0], path)
        require(cfg, "detach_reset", [False], path)
        self.model = AlifRnn(d, cfg, dtype)
        self.distance = torch.tensor(d["distance"], dtype=dtype)
        self.x = torch.tensor(d["x"], dtype=dtype).transpose(0, 1).contiguous()  # (T, B, n_in)
        steps, batch = self.x.shape[0], self.x.shape[1]
        self.labels = torch.tensor(d["y"].astype(np.int64))
        self.mask = [float(m) for m in d["loss_mask"]]
        self.window = [t for t in range(steps) if self.mask[t] > 0]
        self.cfg = cfg
        self.dump_loss = float(d["loss"])
        self.optimiser = torch.optim.Adam(self.model.parameters(), lr=LR)
        self.initial = [p.detach().clone() for p in self.model.parameters()]
        self.seconds = steps * batch * cfg["neuron"]["dt"] / 1000.0
        self.spikes = 0
        self.phases = [0.0, 0.0, 0.0]  # forward + losses, backward, Adam step of the last iteration

    def iteration(self):
        m, cfg = self.model, self.cfg
        t0 = time.perf_counter()
        self.optimiser.zero_grad()
        y, z = m(self.x)
        task = sum(self.mask[t] * torch.nn.functional.cross_entropy(y[t], self.labels) for t in self.window)
        rate_hz = z.sum(dim=(0, 1)) / self.seconds
        rate = cfg["rate_reg_c"] * ((rate_hz - cfg["rate_reg_target_hz"]) ** 2).sum()
        structural = sernn_regulariser(m.w_rec, self.distance, m.no_self, cfg["reg_lambda"], cfg["epsilon"])
        loss = task + rate + structural
        t1 = time.perf_counter()
        loss.backward()
        t2 = time.perf_counter()
        self.optimiser.step()
        self.phases = [t1 - t0, t2 - t1, time.perf_counter() - t2]
        with torch.no_grad():  # back to the dumped network, untimed
            for p, p0 in zip(m.parameters(), self.initial):
                p.copy_(p0)
        self.spikes = int(z.detach().sum().item())
        return loss.item()


def median_time(fn, warmup, repeats, cpu=None, min_seconds=0.0):
    """Median wall seconds and every sample, over at least `repeats` runs and `min_seconds`; the mean
    process CPU seconds per run (over the whole loop, as TrainingSpeed measures it) is appended to `cpu`."""
    for _ in range(warmup):
        fn()
    times = []
    cpu_start = time.process_time()
    loop_start = time.perf_counter()
    while len(times) < repeats or time.perf_counter() - loop_start < min_seconds:
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    if cpu is not None:
        cpu.append((time.process_time() - cpu_start) / len(times))
    return statistics.median(times), times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dumps", required=True, help="the directory TrainingSpeed --dumps wrote")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--sizes", default="100x128x50,100x64x500,1000x32x100", help="n x batch x steps, comma-separated")
    parser.add_argument("--reg-sizes", default="100,500,1000")
    parser.add_argument("--reg-repeats", type=int, default=15)
    parser.add_argument("--out", help="JSON file for the results")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    dtype = getattr(torch, args.dtype)
    result = {"peer": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
              "dtype": args.dtype, "python": platform.python_version(),
              "load_before": os.getloadavg()[0], "training": [], "regulariser": []}
    for spec in filter(None, args.sizes.split(",")):
        n, batch, steps = (int(v) for v in spec.split("x"))
        path = os.path.join(args.dumps, f"alif-n{n}-b{batch}-t{steps}.npz")
        work = Workload(path, dtype)
        loss = work.iteration()
        spikes = work.spikes
        phases = []

        def timed():
            work.iteration()
            phases.append(work.phases)

        cpu = []
        median, times = median_time(timed, args.warmup, args.repeats, cpu, MIN_TIMED_SECONDS)
        phases = [statistics.median(p[k] for p in phases[args.warmup:]) for k in range(3)]
        rate = spikes / (work.seconds * n)
        rel = abs(loss - work.dump_loss) / abs(work.dump_loss)
        result["training"].append({"n": n, "batch": batch, "steps": steps, "seconds_per_iteration": median,
                                   "all_seconds": times, "forward_seconds": phases[0], "backward_seconds": phases[1],
                                   "adam_seconds": phases[2], "cpu_seconds": cpu[0], "mean_rate_hz": rate,
                                   "spikes": spikes, "loss": loss, "sernn_loss": work.dump_loss})
        print(f"torch train n {n} batch {batch} steps {steps}: {median:.4f} s/iter (median of {len(times)}; "
              f"min {min(times):.4f}, max {max(times):.4f}; forward {phases[0]:.4f}, backward {phases[1]:.4f}, "
              f"Adam {phases[2]:.4f}; process CPU {cpu[0]:.4f} s), {rate:.1f} Hz, {spikes} spikes, "
              f"loss {loss:.9g} (sernn's {work.dump_loss:.9g}, relative difference {rel:.1e})", flush=True)
    for n in (int(v) for v in args.reg_sizes.split(",") if v):
        d = np.load(os.path.join(args.dumps, f"regulariser-n{n}.npz"))
        for reg_dtype in (torch.float32, torch.float64):  # PyTorch's usual precision and sernn's
            w = torch.tensor(d["w_rec"], dtype=reg_dtype, requires_grad=True)
            distance = torch.tensor(d["distance"], dtype=reg_dtype)
            off = 1.0 - torch.eye(n, dtype=reg_dtype)

            def once():
                w.grad = None
                sernn_regulariser(w, distance, off, 0.1, 1e-12).backward()

            cpu = []
            median, times = median_time(once, 2, args.reg_repeats, cpu)
            name = str(reg_dtype).removeprefix("torch.")
            result["regulariser"].append({"n": n, "dtype": name, "seconds": median, "all_seconds": times,
                                          "cpu_seconds": cpu[0]})
            print(f"torch regulariser n {n} {name}: {1000 * median:.2f} ms (median of {len(times)}; process CPU "
                  f"{1000 * cpu[0]:.2f} ms)", flush=True)
    result["load_after"] = os.getloadavg()[0]
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
