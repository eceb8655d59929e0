#!/usr/bin/python3
"""PyTorch peer of models/alif-sernn-fmnist.yaml: the same ALIF seRNN trained on row-wise
sequential Fashion-MNIST, for accuracy and seconds per epoch side by side with `sernn train`.

The network, its step and both regularisers are those of torch_alif_train.py (imported, not
copied): discrete ALIF/LIF of Bellec et al. (Nat. Commun. 2020) with the input unscaled,
subtractive reset by v_th (gradient kept), strict threshold, n_ref = 2 refractory steps, the Bellec
triangle pseudo-derivative (gamma 0.3), the leaky readout (tau_out 20 ms), no self-connections.
Here with the config's values: 28 inputs, 100 units on the 5 x 5 x 4 grid (round(0.5 n) ALIF
units chosen at random, beta 0.07, tau_a 200 ms; the rest LIF), 10 outputs; Gaussian init with
std gain / sqrt(fan_in), all gains 1, biases 0 (docs/neurons.md). --units 500 and 1000 use the
10 x 10 x 5 and 10 x 10 x 10 grids, other sizes random positions in the unit cube.

Data as docs/data.md: each image row (28 intensities / 255 in [0, 1]) is an input current held
for 2 steps of 1 ms (56 steps per image); 55,000 training and 5,000 validation images drawn with the
seed from the training file (disjoint), the 10,000 test images only for the final test accuracy.
Loss: mean cross-entropy of the readout over the last 2 rows (4 steps, weight 1/4 each), plus the
firing-rate regulariser c_reg sum_j (f_j - 10 Hz)^2 (c_reg 1e-4, f_j over the batch) and the seRNN
regulariser (lambda 0.01, out-strength, eps 1e-12, full gradient through torch.linalg.matrix_exp;
docs/regulariser.md). Prediction: the class with the largest readout summed over the loss window.
Optimiser: torch.optim.Adam(lr 0.002, betas (0.9, 0.999), eps 1e-7: sernn's Keras defaults),
gradient clipped to global norm 1.0, batch 128 (last batch partial), reshuffled every epoch.
float32 (sernn computes in double).

Per epoch: wall and process CPU seconds of training plus the validation pass (what `sernn train`
reports as an epoch's seconds), the mean training loss, validation accuracy; then test accuracy.

    nice -n 19 /usr/bin/python3 benchmarks/peers/torch_alif_fmnist.py --epochs 10 --threads 1 --out torch-fmnist.json
    ./sernn grad models/alif-sernn-fmnist.yaml --batch 16 --out g.npz
    /usr/bin/python3 benchmarks/peers/torch_alif_fmnist.py --check-dump g.npz

--check-dump loads a `sernn grad` dump (its batch, weights, beta and distance matrix), evaluates
this script's loss on it in float64 and prints the relative difference of loss and gradients.
"""
import argparse
import gzip
import json
import math
import os
import platform
import struct
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_alif_train import AlifRnn, sernn_regulariser  # noqa: E402

# models/alif-sernn-fmnist.yaml
ROWS, STEPS_PER_ROW, LOSS_ROWS, CLASSES = 28, 2, 2, 10
TAU_A_MS, DT_MS = 200.0, 1.0
LAMBDA, EPSILON, C_REG, TARGET_HZ = 0.01, 1e-12, 1e-4, 10.0
TAU_M_MS, TAU_OUT_MS, BETA, V_TH, N_REF, GAMMA = 20.0, 20.0, 0.07, 0.6, 2, 0.3
ADAM_BETAS, ADAM_EPS, CLIP_NORM, BATCH = (0.9, 0.999), 1e-7, 1.0, 128
VALIDATION, TEST = 5000, 10000


def read_idx(path):
    """An IDX file (gzip or raw): uint8 images (N, rows, cols) or labels (N,)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 0x803:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, np.uint8, count * rows * cols, 16).reshape(count, rows, cols)
    if magic == 0x801:
        return np.frombuffer(data, np.uint8, count, 8)
    raise SystemExit(f"{path}: magic number {magic:#x}, expected 0x803 (images) or 0x801 (labels)")


def load(folder, name):
    def path(stem):
        plain = os.path.join(folder, stem)
        return plain + ".gz" if os.path.exists(plain + ".gz") else plain
    images = read_idx(path(f"{name}-images-idx3-ubyte")).astype(np.float32) / 255.0
    return images, read_idx(path(f"{name}-labels-idx1-ubyte")).astype(np.int64)


def encode(images, dtype):
    """(B, 28, 28) intensities -> input currents (T = 56, B, 28), each row held STEPS_PER_ROW steps."""
    x = torch.as_tensor(images, dtype=dtype).transpose(0, 1)
    return x.repeat_interleave(STEPS_PER_ROW, dim=0)


def loss_mask(steps):
    window = LOSS_ROWS * STEPS_PER_ROW
    mask = torch.zeros(steps, dtype=torch.float64)
    mask[steps - window:] = 1.0 / window
    return mask


def losses(model, distance, x, labels, mask):
    """(total, task, rate, structural, readouts, spikes) of one batch, as sernn's training loss."""
    y, z = model(x)
    window = [t for t in range(len(y)) if mask[t] > 0]
    task = sum(float(mask[t]) * torch.nn.functional.cross_entropy(y[t], labels) for t in window)
    seconds = x.shape[0] * x.shape[1] * DT_MS / 1000.0
    rate = C_REG * ((z.sum(dim=(0, 1)) / seconds - TARGET_HZ) ** 2).sum()
    structural = sernn_regulariser(model.w_rec, distance, model.no_self, LAMBDA, EPSILON)
    return task + rate + structural, task, rate, structural, [y[t] for t in window], z


@torch.no_grad()
def accuracy(model, images, labels, dtype, chunk=1000):
    correct = 0
    window = LOSS_ROWS * STEPS_PER_ROW
    for start in range(0, len(images), chunk):
        y, _ = model(encode(images[start:start + chunk], dtype))
        predicted = torch.stack(y[-window:]).sum(dim=0).argmax(dim=1)
        correct += (predicted == torch.as_tensor(labels[start:start + chunk])).sum().item()
    return correct / len(images)


def grid_distances(units, generator):
    """Euclidean distances of the units' positions: the config's grid, or the unit cube at random."""
    shape = {100: (5, 5, 4), 500: (10, 10, 5), 1000: (10, 10, 10)}.get(units)
    if shape is not None:
        coords = torch.cartesian_prod(*[torch.arange(s, dtype=torch.float64) for s in shape])
    else:
        coords = torch.rand(units, 3, generator=generator, dtype=torch.float64)
    return torch.cdist(coords, coords)


def build(units, alif_fraction, seed, dtype):
    """The initial network in the layout of a `sernn grad` dump, built by torch_alif_train.AlifRnn."""
    g = torch.Generator().manual_seed(seed)
    w_rec = torch.randn(units, units, generator=g, dtype=torch.float64) / math.sqrt(units)
    w_rec.fill_diagonal_(0.0)
    adaptive = torch.zeros(units, dtype=torch.float64)
    adaptive[torch.randperm(units, generator=g)[: math.floor(alif_fraction * units + 0.5)]] = 1.0
    full = lambda value: np.full(units, value, dtype=np.float64)  # noqa: E731
    d = {"w_in": (torch.randn(units, ROWS, generator=g, dtype=torch.float64) / math.sqrt(ROWS)).numpy(),
         "w_rec": w_rec.numpy(),
         "w_out": (torch.randn(CLASSES, units, generator=g, dtype=torch.float64) / math.sqrt(units)).numpy(),
         "b_rec": np.zeros(units), "b_out": np.zeros(CLASSES), "tau_m_ms": full(TAU_M_MS),
         "tau_a_ms": full(TAU_A_MS), "beta": (BETA * adaptive).numpy(), "v_th": full(V_TH),
         "n_ref": np.full(units, N_REF, dtype=np.int32)}
    cfg = {"neuron": {"dt": DT_MS, "tau_out": TAU_OUT_MS}, "surrogate_gamma": GAMMA}
    return AlifRnn(d, cfg, dtype), grid_distances(units, g).to(dtype)


def check_dump(path):
    """Loss and gradients of this script on a `sernn grad` dump, float64, against sernn's."""
    d = np.load(path)
    model = AlifRnn(d, json.loads(str(d["config"])), torch.float64)
    x = torch.from_numpy(d["x"]).transpose(0, 1).contiguous()
    total, task, rate, structural, _, z = losses(model, torch.from_numpy(d["distance"]), x,
                                                 torch.from_numpy(d["y"].astype(np.int64)),
                                                 torch.from_numpy(d["loss_mask"]))
    total.backward()
    ref = float(d["loss"])
    rel = abs(total.item() - ref) / abs(ref)
    print(f"{path}: batch {x.shape[1]}, {x.shape[0]} steps, {int(z.sum().item())} spikes")
    print(f"  loss torch {total.item():.15g} (task {task.item():.12g}, rate {rate.item():.12g}, "
          f"structural {structural.item():.12g}); sernn {ref:.15g}; relative difference {rel:.3e}")
    for name in ("w_in", "w_rec", "w_out", "b_rec", "b_out"):
        ours, theirs = getattr(model, name).grad.numpy(), d["grad_" + name]
        scale = max(np.abs(ours).max(), np.abs(theirs).max(), 1e-300)
        print(f"  grad_{name:6s} max|diff| / max|grad| {np.abs(ours - theirs).max() / scale:.3e}")
    return rel


def train(args):
    torch.manual_seed(args.seed)
    dtype = torch.float32
    train_images, train_labels = load(args.data, "train")
    test_images, test_labels = load(args.data, "t10k")
    if args.train_trials + VALIDATION > len(train_images):
        raise SystemExit(f"--train-trials {args.train_trials}: at most {len(train_images) - VALIDATION} "
                         f"(the training file holds {len(train_images)}, {VALIDATION} go to validation)")
    order = np.random.default_rng(args.seed).permutation(len(train_images))
    train_idx, val_idx = order[:args.train_trials], order[args.train_trials:args.train_trials + VALIDATION]
    val_images, val_labels = train_images[val_idx], train_labels[val_idx]
    test_images, test_labels = test_images[:TEST], test_labels[:TEST]
    model, distance = build(args.units, args.alif_fraction, args.seed, dtype)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr, betas=ADAM_BETAS, eps=ADAM_EPS)
    mask = loss_mask(ROWS * STEPS_PER_ROW)
    shuffle = torch.Generator().manual_seed(args.seed)
    result = {"peer": "pytorch", "model": "alif-sernn-fmnist", "torch": torch.__version__,
              "threads": torch.get_num_threads(), "dtype": "float32", "python": platform.python_version(),
              "units": args.units, "alif_fraction": args.alif_fraction, "lr": args.lr, "seed": args.seed,
              "train_trials": len(train_idx), "validation_trials": len(val_idx), "batch_size": BATCH,
              "load_before": os.getloadavg()[0], "epochs": []}
    for epoch in range(1, args.epochs + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        perm = train_idx[torch.randperm(len(train_idx), generator=shuffle).numpy()]
        total_loss, task_loss, correct, spikes = 0.0, 0.0, 0, 0.0
        for start in range(0, len(perm), BATCH):
            idx = perm[start:start + BATCH]
            labels = torch.as_tensor(train_labels[idx])
            optimiser.zero_grad()
            total, task, _, _, window_y, z = losses(model, distance, encode(train_images[idx], dtype), labels, mask)
            total.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM)
            optimiser.step()
            total_loss += total.item() * len(idx)
            task_loss += task.item() * len(idx)
            correct += (torch.stack(window_y).sum(dim=0).argmax(dim=1) == labels).sum().item()
            spikes += z.detach().sum().item()
        train_wall = time.perf_counter() - wall
        val_acc = accuracy(model, val_images, val_labels, dtype)
        row = {"epoch": epoch, "wall_seconds": time.perf_counter() - wall,
               "cpu_seconds": time.process_time() - cpu, "train_wall_seconds": train_wall,
               "train_loss": total_loss / len(perm), "train_task_loss": task_loss / len(perm),
               "train_accuracy": correct / len(perm), "validation_accuracy": val_acc,
               "rate_hz": spikes / (len(perm) * ROWS * STEPS_PER_ROW * DT_MS / 1000.0 * args.units)}
        result["epochs"].append(row)
        print(f"epoch {epoch}/{args.epochs}: {row['wall_seconds']:.1f} s wall ({row['cpu_seconds']:.1f} s CPU), "
              f"loss {row['train_loss']:.4f} (task {row['train_task_loss']:.4f}), train acc "
              f"{row['train_accuracy']:.4f}, validation acc {val_acc:.4f}, {row['rate_hz']:.1f} Hz", flush=True)
    result["test_accuracy"] = accuracy(model, test_images, test_labels, dtype)
    result["load_after"] = os.getloadavg()[0]
    print(f"validation accuracy {result['epochs'][-1]['validation_accuracy']:.4f}, "
          f"test accuracy {result['test_accuracy']:.4f}", flush=True)
    if args.out:
        tmp = args.out + ".tmp"
        with open(tmp, "w") as f:
            json.dump(result, f, indent=1)
        os.replace(tmp, args.out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--alif-fraction", type=float, default=0.5)
    parser.add_argument("--lr", type=float, default=0.002)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--train-trials", type=int, default=55000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--out", help="JSON file for the per-epoch figures and the test accuracy")
    parser.add_argument("--check-dump", metavar="NPZ", help="compare the loss with a `sernn grad` dump and exit")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.check_dump:
        check_dump(args.check_dump)
    else:
        train(args)


if __name__ == "__main__":
    main()
