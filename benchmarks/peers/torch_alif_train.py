#!/usr/bin/python3
"""PyTorch peer of sernn's training benchmark (org.sernn.bench.TrainingSpeed): seconds per
surrogate-gradient BPTT training iteration of an ALIF seRNN, CPU, float32.

The network is the one of models/alif-sernn.yaml at other sizes: n_rec units (half LIF, half ALIF,
chosen at random), 8 input channels, 4 outputs, dt 1 ms, tau_m 20 ms, tau_a 500 ms, beta 0.07 on
the ALIF units, v_th 0.6, n_ref 2, tau_out 20 ms; Gaussian init (w_in gain 3, w_rec gain 1, w_out
gain 1, std gain / sqrt(fan_in)), diag(W_rec) = 0. Written the way a PyTorch user would write it:
an nn.Module with a Python loop over time, the spike as a torch.autograd.Function with the Bellec
triangle pseudo-derivative (gamma 0.3), the refractory counter, subtractive reset (not detached),
the leaky readout, cross-entropy over a loss window, the firing-rate regulariser (c_reg 1e-4,
10 Hz), the seRNN regulariser (lambda 0.1, out-strength, eps 1e-12, full gradient through
torch.linalg.matrix_exp) and torch.optim.Adam (lr 0.005).

One iteration = zero_grad + forward + losses + backward + optimiser step, on a fixed random batch
(inputs Bernoulli(0.2) on each channel, the same distribution TrainingSpeed draws). Timing: the
median wall time of --repeats iterations after --warmup ones. The regulariser alone (value and
gradient, float32 like the rest) is timed at the --reg-sizes.

Usage: /usr/bin/python3 torch_alif_train.py [--threads 2] [--repeats 7] [--out torch.json]
         [--sizes 100x128x50,100x64x500,1000x32x100] [--reg-sizes 100,500,1000]
"""
import argparse
import json
import math
import os
import platform
import statistics
import time

import torch

DT, TAU_M, TAU_A, TAU_OUT = 1.0, 20.0, 500.0, 20.0
BETA, V_TH, N_REF, GAMMA = 0.07, 0.6, 2, 0.3
N_IN, N_OUT = 8, 4
LAMBDA, EPSILON = 0.1, 1e-12
C_REG, TARGET_HZ = 1e-4, 10.0
LR = 0.005


class TriangleSpike(torch.autograd.Function):
    """z = H(v - A); dz/d(v - A) = (gamma / v_th) max(0, 1 - |v - A| / v_th) (Bellec et al. 2020)."""

    @staticmethod
    def forward(ctx, u):
        ctx.save_for_backward(u)
        return (u > 0).to(u.dtype)

    @staticmethod
    def backward(ctx, grad):
        (u,) = ctx.saved_tensors
        return grad * (GAMMA / V_TH) * torch.clamp(1.0 - u.abs() / V_TH, min=0.0)


def grid_shape(n):
    return {100: (5, 5, 4), 500: (10, 10, 5), 1000: (10, 10, 10)}.get(n)


def distance_matrix(n, generator):
    shape = grid_shape(n)
    if shape is not None:
        coords = torch.cartesian_prod(*[torch.arange(s, dtype=torch.float32) for s in shape])
    else:
        coords = torch.rand(n, 3, generator=generator)
    return torch.cdist(coords, coords)


def sernn_regulariser(w_rec, distance, off_diagonal, lam=LAMBDA):
    a = w_rec.abs().t()  # A[i][j] = |w_{i->j}| (pre, post) from the (post, pre) weight
    s = a.sum(dim=1)  # out-strength
    r = (s + EPSILON).rsqrt()
    c = torch.linalg.matrix_exp(r[:, None] * a * r[None, :]) * off_diagonal
    return lam * (a * c * distance).sum()


class AlifRnn(torch.nn.Module):
    """The keyword arguments default to the training benchmark's network; torch_alif_fmnist.py
    builds the Fashion-MNIST one with them."""

    def __init__(self, n, generator, n_in=N_IN, n_out=N_OUT, tau_a_ms=TAU_A, w_in_gain=3.0, alif_fraction=0.5):
        super().__init__()
        self.w_in = torch.nn.Parameter(torch.randn(n, n_in, generator=generator) * w_in_gain / math.sqrt(n_in))
        w_rec = torch.randn(n, n, generator=generator) / math.sqrt(n)
        w_rec.fill_diagonal_(0.0)
        self.w_rec = torch.nn.Parameter(w_rec)
        self.w_out = torch.nn.Parameter(torch.randn(n_out, n, generator=generator) / math.sqrt(n))
        self.b_rec = torch.nn.Parameter(torch.zeros(n))
        self.b_out = torch.nn.Parameter(torch.zeros(n_out))
        adaptive = torch.zeros(n)
        adaptive[torch.randperm(n, generator=generator)[: math.floor(alif_fraction * n + 0.5)]] = 1.0
        self.register_buffer("beta", BETA * adaptive)
        self.register_buffer("no_self", 1.0 - torch.eye(n))
        self.alpha = math.exp(-DT / TAU_M)
        self.rho = math.exp(-DT / tau_a_ms)
        self.kappa = math.exp(-DT / TAU_OUT)

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
        refractory = torch.zeros(batch, n, dtype=torch.int32)
        y = x.new_zeros(batch, self.w_out.shape[0])
        ys, zs = [], []
        for t in range(steps):
            v = self.alpha * v + current[t] + z @ w_rec.t() - V_TH * z
            a = self.rho * a + z
            blocked = refractory > 0
            z = TriangleSpike.apply(v - (V_TH + self.beta * a)) * (~blocked)
            refractory = torch.where(blocked, refractory - 1, refractory)
            refractory = torch.where(z > 0, torch.full_like(refractory, N_REF), refractory)
            y = self.kappa * y + z @ self.w_out.t() + self.b_out
            ys.append(y)
            zs.append(z)
        return ys, torch.stack(zs)


def loss_mask(steps):
    window = max(1, steps // 10)
    mask = torch.zeros(steps)
    mask[steps - window:] = 1.0 / window
    return mask


class Workload:
    def __init__(self, n, batch, steps, seed=1):
        g = torch.Generator().manual_seed(seed)
        self.model = AlifRnn(n, g)
        self.distance = distance_matrix(n, g)
        self.x = (torch.rand(steps, batch, N_IN, generator=g) < 0.2).float()
        self.labels = torch.randint(0, N_OUT, (batch,), generator=g)
        self.mask = loss_mask(steps)
        self.window = [t for t in range(steps) if self.mask[t] > 0]
        self.optimiser = torch.optim.Adam(self.model.parameters(), lr=LR)
        self.seconds = steps * batch * DT / 1000.0
        self.spikes = 0.0
        self.phases = [0.0, 0.0, 0.0]  # forward + losses, backward, Adam step of the last iteration

    def iteration(self):
        m = self.model
        t0 = time.perf_counter()
        self.optimiser.zero_grad()
        y, z = m(self.x)
        task = sum(self.mask[t] * torch.nn.functional.cross_entropy(y[t], self.labels) for t in self.window)
        rate_hz = z.sum(dim=(0, 1)) / self.seconds
        rate = C_REG * ((rate_hz - TARGET_HZ) ** 2).sum()
        structural = sernn_regulariser(m.w_rec, self.distance, m.no_self)
        loss = task + rate + structural
        t1 = time.perf_counter()
        loss.backward()
        t2 = time.perf_counter()
        self.optimiser.step()
        self.phases = [t1 - t0, t2 - t1, time.perf_counter() - t2]
        self.spikes = z.detach().sum().item()
        return loss.item()


def median_time(fn, warmup, repeats, cpu=None):
    """Median wall seconds and every sample; the mean process CPU seconds per run (over the whole
    loop, as TrainingSpeed measures it) is appended to `cpu`."""
    for _ in range(warmup):
        fn()
    times = []
    cpu_start = time.process_time()
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    if cpu is not None:
        cpu.append((time.process_time() - cpu_start) / repeats)
    return statistics.median(times), times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--sizes", default="100x128x50,100x64x500,1000x32x100", help="n x batch x steps, comma-separated")
    parser.add_argument("--reg-sizes", default="100,500,1000")
    parser.add_argument("--reg-repeats", type=int, default=15)
    parser.add_argument("--out", help="JSON file for the results")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    result = {"peer": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
              "dtype": "float32", "python": platform.python_version(),
              "load_before": os.getloadavg()[0], "training": [], "regulariser": []}
    for spec in filter(None, args.sizes.split(",")):
        n, batch, steps = (int(v) for v in spec.split("x"))
        work = Workload(n, batch, steps)
        phases = []

        def timed():
            work.iteration()
            phases.append(work.phases)

        cpu = []
        median, times = median_time(timed, args.warmup, args.repeats, cpu)
        phases = [statistics.median(p[k] for p in phases[args.warmup:]) for k in range(3)]
        rate = work.spikes / (work.seconds * n)
        result["training"].append({"n": n, "batch": batch, "steps": steps, "seconds_per_iteration": median,
                                   "all_seconds": times, "forward_seconds": phases[0], "backward_seconds": phases[1],
                                   "adam_seconds": phases[2], "cpu_seconds": cpu[0], "mean_rate_hz": rate})
        print(f"torch train n {n} batch {batch} steps {steps}: {median:.4f} s/iter (median of {len(times)}; "
              f"min {min(times):.4f}, max {max(times):.4f}; forward {phases[0]:.4f}, backward {phases[1]:.4f}, "
              f"Adam {phases[2]:.4f}; process CPU {cpu[0]:.4f} s), {rate:.1f} Hz", flush=True)
    for n in (int(v) for v in args.reg_sizes.split(",") if v):
        g = torch.Generator().manual_seed(2)
        w = torch.randn(n, n, generator=g) / math.sqrt(n)
        w.fill_diagonal_(0.0)
        w.requires_grad_(True)
        distance = distance_matrix(n, g)
        off = 1.0 - torch.eye(n)

        def once():
            w.grad = None
            sernn_regulariser(w, distance, off).backward()

        cpu = []
        median, times = median_time(once, 2, args.reg_repeats, cpu)
        result["regulariser"].append({"n": n, "seconds": median, "all_seconds": times, "cpu_seconds": cpu[0]})
        print(f"torch regulariser n {n}: {1000 * median:.2f} ms (median of {len(times)}; process CPU "
              f"{1000 * cpu[0]:.2f} ms)", flush=True)
    result["load_after"] = os.getloadavg()[0]
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
