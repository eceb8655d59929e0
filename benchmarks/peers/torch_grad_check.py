#!/usr/bin/env python3
"""Independent check of a `sernn grad` dump with PyTorch autograd (float64).

    ./sernn grad models/alif-sernn.yaml --batch 4 --seed 1 --out /tmp/g.npz
    python3 benchmarks/peers/torch_grad_check.py /tmp/g.npz [more.npz ...] [--tol 1e-8]

The model is written from the equations (docs/formats.md "Gradient dump", docs/regulariser.md, docs/learning.md),
not ported from the Java code, and differentiated by autograd; only the spike nonlinearity has a
hand-written backward (the pseudo-derivative). Weights are stored (post, pre) as in sernn.

Spiking (ALIF/LIF; Bellec et al., Nat. Commun. 2020), t = 0..T-1, all state 0 before t = 0:
    v_t = alpha v_{t-1} + W_in x_t + W_rec z_{t-1} + b_rec - v_th z_{t-1}   (reset by the base threshold)
    a_t = rho a_{t-1} + z_{t-1},   A_t = v_th + beta a_t
    z_t = H(v_t - A_t) (strictly above) and 0 while refractory, i.e. when the unit spiked in any
          of the n_ref previous steps; refractory steps also get psi = 0.
    dz/d(v - A) := psi(x) / v_th, x = (v - A) / v_th, for every shape psi:
          triangle       gamma max(0, 1 - |x|)
          fast_sigmoid   1 / (slope |x| + 1)^2
          multi_gaussian gamma [(1 + h) N(x; 0, s) - h N(x; s, 6s) - h N(x; -s, 6s)], s = 0.5, h = 0.15
    The reset term's gradient is kept unless config detach_reset. learning_rule eprop (symmetric
    feedback only): the gradient through z in the recurrent input and in the reset is stopped (the
    e-prop = truncated BPTT equivalence of Bellec et al. 2020; docs/learning.md).
    When the dump has grad_tau_m_ms / grad_tau_a_ms (neuron.learn), alpha = exp(-dt / tau_m) and
    rho = exp(-dt / tau_a) are built from tau_m_ms / tau_a_ms tensors that autograd differentiates too.
Rate (the original seRNN): h_t = f(W_in x_t + W_rec h_{t-1} + b_rec), f = relu or tanh.
Readout: y_t = kappa y_{t-1} + W_out s_t + b_out, kappa = exp(-dt / tau_out) (0 if tau_out = 0).
Loss = sum_t mask_t CE(softmax(y_t), label) / B
     + c_reg sum_j (f_j - target)^2, f_j = spikes of unit j / (B T dt / 1000) in Hz (spiking only)
     + structural regulariser on A = |W_rec|^T (pre, post):
          l1: lambda sum|W|; spatial: lambda sum |W| D;
          communicability / sernn: s = out- (row) or in- (column) strengths of A, r = (s + eps)^-1/2,
          M = diag(r) A diag(r), C = expm(M), diag(C) = 0, C <- C^p,
          R = lambda sum A * C * K, K = D (sernn) or 1 off the diagonal; full gradient through
          torch.linalg.matrix_exp and s unless comms_gradient = detached (C held constant).
For spiking networks diag(W_rec) is fixed at 0, so its gradient is 0.

Prints the loss difference and, per array, max|g_torch - g_sernn| / max|g_torch| (relative to
the array's scale) and the largest elementwise relative difference among entries above 1e-6 of
the scale. Exits 1 if any scale-relative difference (or the relative loss difference) exceeds --tol.
"""
import argparse
import json
import math
import sys

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


class SpikeFunction(torch.autograd.Function):
    """z = H(u) with u = v - A; backward dz/du = psi(u / v_th) / v_th."""

    @staticmethod
    def forward(ctx, u, v_th, kind, gamma, slope):
        ctx.save_for_backward(u, v_th)
        ctx.kind, ctx.gamma, ctx.slope = kind, gamma, slope
        return (u > 0).to(u.dtype)

    @staticmethod
    def backward(ctx, grad_z):
        u, v_th = ctx.saved_tensors
        x = u / v_th
        if ctx.kind == "triangle":
            psi = ctx.gamma * torch.clamp(1.0 - x.abs(), min=0.0)
        elif ctx.kind == "fast_sigmoid":
            psi = 1.0 / (ctx.slope * x.abs() + 1.0) ** 2
        elif ctx.kind == "multi_gaussian":
            s, h = 0.5, 0.15

            def normal(mean, sd):
                return torch.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * math.sqrt(2 * math.pi))

            psi = ctx.gamma * ((1 + h) * normal(0.0, s) - h * normal(s, 6 * s) - h * normal(-s, 6 * s))
        else:
            raise ValueError("unknown surrogate " + ctx.kind)
        return grad_z * psi / v_th, None, None, None, None


def structural_regulariser(w_rec, distance, cfg):
    kind = cfg["regulariser"]
    lam = cfg["reg_lambda"]
    if kind == "none":
        return w_rec.new_zeros(())
    if kind == "l1":
        return lam * w_rec.abs().sum()
    if kind == "spatial":
        return lam * (w_rec.abs() * distance).sum()
    n = w_rec.shape[0]
    a = w_rec.abs().t()  # A[i][j] = |w_{i->j}| (pre, post) from the (post, pre) storage
    s = a.sum(dim=1) if cfg["strength"] == "out" else a.sum(dim=0)
    r = (s + cfg["epsilon"]) ** -0.5
    m = r[:, None] * a * r[None, :]
    c = torch.linalg.matrix_exp(m)
    off = 1.0 - torch.eye(n)
    c = c * off
    if cfg["comms_factor"] != 1.0:
        c = c ** cfg["comms_factor"]
    if cfg["comms_gradient"] == "detached":
        c = c.detach()
    kernel = distance if kind == "sernn" else off
    return lam * (a * c * kernel).sum()


def readout_loss(states, w_out, b_out, kappa, labels, mask):
    """states (T, B, n) -> sum_t mask_t CE(softmax(y_t), label) / B with the leaky readout."""
    steps, batch = states.shape[0], states.shape[1]
    y = torch.zeros(batch, w_out.shape[0])
    loss = states.new_zeros(())
    for t in range(steps):
        y = kappa * y + states[t] @ w_out.t() + b_out
        if mask[t] != 0.0:
            loss = loss + mask[t] * torch.nn.functional.cross_entropy(y, labels, reduction="sum") / batch
    return loss


def spiking_states(d, cfg, w_in, w_rec, b_rec, tau_m_ms, tau_a_ms):
    x = torch.from_numpy(d["x"]).transpose(0, 1)  # (T, B, n_in)
    steps, batch = x.shape[0], x.shape[1]
    n = w_rec.shape[0]
    dt = cfg["neuron"]["dt"]
    alpha = torch.exp(-dt / tau_m_ms)
    rho = torch.exp(-dt / tau_a_ms)
    beta = torch.from_numpy(d["beta"])
    v_th = torch.from_numpy(d["v_th"])
    n_ref = torch.from_numpy(d["n_ref"].astype(np.int64))
    max_ref = int(n_ref.max()) if n else 0
    eprop = cfg.get("learning_rule") == "eprop"
    detach_reset = cfg.get("detach_reset", False) or eprop
    kind = cfg["surrogate"]
    v = torch.zeros(batch, n)
    a = torch.zeros(batch, n)
    z = torch.zeros(batch, n)
    history = []  # detached spikes of earlier steps, newest last
    out = []
    for t in range(steps):
        z_rec = z.detach() if eprop else z
        z_reset = z.detach() if detach_reset else z
        v = alpha * v + x[t] @ w_in.t() + z_rec @ w_rec.t() + b_rec - v_th * z_reset
        a = rho * a + z
        threshold = v_th + beta * a
        blocked = torch.zeros(batch, n, dtype=torch.bool)
        for k in range(1, max_ref + 1):
            if k <= len(history):
                blocked |= (history[-k] > 0) & (k <= n_ref)
        z = SpikeFunction.apply(v - threshold, v_th.expand(batch, n), kind, cfg["surrogate_gamma"],
                                cfg["surrogate_slope"]) * (~blocked).to(v.dtype)
        history.append(z.detach())
        out.append(z)
    return torch.stack(out)


def rate_states(d, cfg, w_in, w_rec, b_rec, tau_m_ms=None, tau_a_ms=None):
    x = torch.from_numpy(d["x"]).transpose(0, 1)
    act = torch.relu if cfg["neuron"]["activation"] == "relu" else torch.tanh
    h = torch.zeros(x.shape[1], w_rec.shape[0])
    out = []
    for t in range(x.shape[0]):
        h = act(x[t] @ w_in.t() + h @ w_rec.t() + b_rec)
        out.append(h)
    return torch.stack(out)


NAMES = ["w_in", "w_rec", "w_out", "b_rec", "b_out"]
# Per-unit time constants, differentiated when the dump carries their gradients (neuron.learn).
TIME_CONSTANTS = ["tau_m_ms", "tau_a_ms"]


def recompute(d):
    cfg = json.loads(str(d["config"]))
    learnt = [k for k in TIME_CONSTANTS if "grad_" + k in d.files]
    params = {k: torch.tensor(d[k], requires_grad=True) for k in NAMES + learnt}
    spiking = cfg["neuron"]["type"] != "rate"
    build = spiking_states if spiking else rate_states
    taus = [params[k] if k in params else torch.from_numpy(d[k]) for k in TIME_CONSTANTS] if spiking else []
    states = build(d, cfg, params["w_in"], params["w_rec"], params["b_rec"], *taus)
    tau_out = cfg["neuron"]["tau_out"]
    kappa = math.exp(-cfg["neuron"]["dt"] / tau_out) if tau_out > 0 else 0.0
    labels = torch.from_numpy(d["y"].astype(np.int64))
    mask = [float(m) for m in d["loss_mask"]]
    task = readout_loss(states, params["w_out"], params["b_out"], kappa, labels, mask)
    rate = torch.zeros(())
    if spiking and cfg.get("rate_reg_c", 0.0) != 0.0:
        steps, batch = states.shape[0], states.shape[1]
        seconds = steps * batch * cfg["neuron"]["dt"] / 1000.0
        hz = states.sum(dim=(0, 1)) / seconds
        rate = cfg["rate_reg_c"] * ((hz - cfg["rate_reg_target_hz"]) ** 2).sum()
    structural = structural_regulariser(params["w_rec"], torch.from_numpy(d["distance"]), cfg)
    loss = task + rate + structural
    loss.backward()
    grads = {k: params[k].grad.detach().clone() for k in NAMES + learnt}
    if spiking:
        grads["w_rec"].fill_diagonal_(0.0)  # self-connections are fixed at 0
    parts = {"task": task.item(), "rate": rate.item(), "structural": structural.item(),
             "spikes": int(states.detach().sum().item()) if spiking else None}
    return loss.item(), grads, parts, cfg


def compare(path, tol):
    d = np.load(path)
    cfg = json.loads(str(d["config"]))
    if cfg.get("learning_rule") == "eprop" and cfg.get("feedback", "symmetric") != "symmetric":
        print(f"{path}: e-prop with {cfg['feedback']} feedback: the feedback matrix is not in the dump, "
              "so only symmetric e-prop can be checked")
        return False
    loss, grads, parts, cfg = recompute(d)
    ref_loss = float(d["loss"])
    ok = True
    rel_loss = abs(loss - ref_loss) / max(abs(ref_loss), 1e-300)
    print(f"{path}: {cfg['neuron']['type']}, {cfg['learning_rule']}, surrogate {cfg['surrogate']}, "
          f"regulariser {cfg['regulariser']} ({cfg.get('strength')}, {cfg.get('comms_gradient')}), "
          f"x {d['x'].shape}")
    spikes = f", {parts['spikes']} spikes" if parts["spikes"] is not None else ""
    print(f"  loss torch {loss:.15g} (task {parts['task']:.12g}, rate {parts['rate']:.12g}, "
          f"structural {parts['structural']:.12g}{spikes}); sernn {ref_loss:.15g}; "
          f"diff {loss - ref_loss:.3e} (rel {rel_loss:.3e})")
    ok &= rel_loss <= tol
    for k in NAMES + [k for k in TIME_CONSTANTS if "grad_" + k in d.files]:
        key = "grad_" + k
        if key not in d.files:
            print(f"  {key}: missing from the dump")
            ok = False
            continue
        ours = grads[k].numpy()
        theirs = d[key]
        if ours.shape != theirs.shape:
            print(f"  {key}: shape {theirs.shape}, expected {ours.shape}")
            ok = False
            continue
        scale = max(np.abs(ours).max(), np.abs(theirs).max(), 1e-300)
        diff = np.abs(ours - theirs)
        rel_scale = diff.max() / scale
        big = np.abs(ours) > 1e-6 * scale
        rel_elem = (diff[big] / np.abs(ours[big])).max() if big.any() else 0.0
        worst = np.unravel_index(diff.argmax(), diff.shape)
        flag = "ok" if rel_scale <= tol else "MISMATCH"
        print(f"  {key:11s} max|diff| {diff.max():.3e}  rel(scale {scale:.3e}) {rel_scale:.3e}  "
              f"max elementwise rel {rel_elem:.3e}  worst at {tuple(int(i) for i in worst)}  {flag}")
        ok &= rel_scale <= tol
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dumps", nargs="+", help="npz files written by `sernn grad`")
    parser.add_argument("--tol", type=float, default=1e-8, help="relative tolerance (default 1e-8)")
    args = parser.parse_args()
    ok = all([compare(p, args.tol) for p in args.dumps])
    print("all within tolerance" if ok else "DISAGREEMENT above tolerance")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
