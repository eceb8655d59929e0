#!/usr/bin/python3
"""Brian 2 peer of the sernn engine benchmarks: the same networks, the same input spikes.

Reads the workloads that org.sernn.bench.ExportWorkloads wrote (NAME.npz: sparse weights as
(pre, post, w) triples, per-unit parameters, the input spike trains and the Java event engine's
raster), simulates each in Brian 2 (Cython code generation, single-threaded) and writes one JSON
with Brian's firing rate, synaptic events and run time.

The model is the exact discrete ALIF of docs/neurons.md (dt = 1 ms):
    v_t = alpha v_{t-1} + W_in x_t + W_rec z_{t-1} - v_th z_{t-1}
    a_t = rho a_{t-1} + z_{t-1},    z_t = [v_t > v_th + beta a_t], blocked for n_ref steps
written the way a Brian user would: exact exponential integration of dv/dt = -v/tau_m and
da/dt = -a/tau_a (factors exp(-dt/tau) = alpha, rho), on_pre 'v_post += w', a reset and a
refractory period. Three details make Brian's steps match the discrete model step for step:
  * schedule start, groups, synapses, thresholds, resets: each step decays first, then adds the
    synaptic input (recurrent spikes of the previous step, input spikes of this step: the spike
    generator runs at 'start'), then tests the threshold, as the discrete model does;
  * the reset happens before the next step's decay, so it subtracts v_th / alpha (and adds
    1 / rho to a) for the decayed result to be alpha v - v_th (and rho a + 1) exactly;
  * Brian's refractory period counts the spike's own step: refractory = (n_ref + 1) dt blocks the
    n_ref steps after a spike, as the discrete model does.
The spike raster is compared with the Java engine's: the two agree spike for spike until
floating-point summation order flips a spike that sat on the threshold, after which the networks
diverge (they are chaotic), so the firing rates are what must match.

Synaptic events are counted as in org.sernn.sim.OpCounts: each spike's fan-out (recurrent
synapses plus readout synapses) plus each input spike's fan-out.

Timing: the first run compiles (and is reported separately); the network is then restored and
run again `--repeats` times; the best wall time of net.run is the figure used ("wall_s"), and the
best process CPU time of those runs is recorded too ("cpu_s": unlike wall time, it does not count
time spent waiting for a core that other processes hold). One more profiled run gives the time
spent inside Brian's code objects only ("loop_s"), which excludes Brian's per-run preparation.

Usage: /usr/bin/python3 brian2_alif.py --dir benchmarks/results --out brian2.json NAME [NAME ...]
"""
import argparse
import json
import os
import platform
import sys
import time
import warnings

# Single-threaded: Brian's Cython target is serial; keep numpy's BLAS serial too.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
warnings.filterwarnings("ignore")

import numpy as np  # noqa: E402
import brian2  # noqa: E402
from brian2 import (Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, Synapses,  # noqa: E402
                    defaultclock, ms, prefs)

prefs.codegen.target = "cython"
brian2.BrianLogger.log_level_warn()


def scalar(d, key):
    return d[key].reshape(-1)[0].item()


def uniform(d, key):
    values = d[key]
    if not np.all(values == values[0]):
        raise SystemExit(f"{key} differs between units; this peer assumes homogeneous {key}")
    return values[0].item()


def build(d):
    n = int(scalar(d, "n_rec"))
    n_in = int(scalar(d, "n_in"))
    n_out = int(scalar(d, "n_out"))
    steps = int(scalar(d, "steps"))
    dt_ms = scalar(d, "dt_ms")
    tau_m = uniform(d, "tau_m_ms")
    tau_a = uniform(d, "tau_a_ms")
    v_th = uniform(d, "v_th")
    n_ref = int(uniform(d, "n_ref"))
    alpha = uniform(d, "alpha")
    rho = uniform(d, "rho")
    if np.any(d["b_rec"] != 0):
        raise SystemExit("non-zero b_rec is not modelled by this peer")
    defaultclock.dt = dt_ms * ms
    namespace = {
        "tau_m": tau_m * ms,
        "tau_a": tau_a * ms,
        "tau_out": scalar(d, "tau_out_ms") * ms,
        "v_th": v_th,
        "v_reset": v_th / alpha,
        "a_jump": 1.0 / rho,
    }
    units = NeuronGroup(
        n,
        """dv/dt = -v / tau_m : 1
           da/dt = -a / tau_a : 1
           beta : 1 (constant)""",
        threshold="v > v_th + beta * a",
        reset="v -= v_reset\na += a_jump",
        refractory=(n_ref + 1) * dt_ms * ms,
        method="exact",
        namespace=namespace,
        name="units",
    )
    units.beta = d["beta"]
    readout = NeuronGroup(n_out, "dy/dt = -y / tau_out : 1", method="exact", namespace=namespace,
                          name="readout")
    inputs = SpikeGeneratorGroup(n_in, d["input_channel"], d["input_step"] * dt_ms * ms, when="start",
                                 name="inputs")

    def synapses(source, target, prefix, on_pre):
        s = Synapses(source, target, "w : 1 (constant)", on_pre=on_pre, name=f"syn_{prefix}")
        s.connect(i=d[f"{prefix}_pre"], j=d[f"{prefix}_post"])
        s.w = d[f"{prefix}_w"]
        return s

    s_in = synapses(inputs, units, "in", "v_post += w")
    s_rec = synapses(units, units, "rec", "v_post += w")
    s_out = synapses(units, readout, "out", "y_post += w")
    monitor = SpikeMonitor(units, name="spikes")
    net = Network(inputs, units, readout, s_in, s_rec, s_out, monitor)
    net.schedule = ["start", "groups", "synapses", "thresholds", "resets", "end"]
    return net, monitor, n, steps, dt_ms


def events(d, n, counts):
    rec_fan = np.bincount(d["rec_pre"], minlength=n)
    out_fan = np.bincount(d["out_pre"], minlength=n)
    in_fan = np.bincount(d["in_pre"], minlength=int(scalar(d, "n_in")))
    input_events = int(in_fan[d["input_channel"]].sum())
    recurrent = int((counts * rec_fan).sum())
    readout = int((counts * out_fan).sum())
    return input_events + recurrent + readout, input_events, recurrent, readout


def compare(d, steps_b, units_b):
    """First step at which the rasters differ (None if identical), and spikes matched before it."""
    java = set(zip(d["java_spike_step"].tolist(), d["java_spike_unit"].tolist()))
    brian = set(zip(steps_b.tolist(), units_b.tolist()))
    diff = java.symmetric_difference(brian)
    if not diff:
        return None, len(java)
    first = min(step for step, _ in diff)
    return first, sum(1 for step, _ in java if step < first)


def run_one(directory, name, repeats):
    d = dict(np.load(os.path.join(directory, name + ".npz")))
    net, monitor, n, steps, dt_ms = build(d)
    duration = steps * dt_ms * ms
    net.store("initial")
    t0 = time.perf_counter()
    net.run(duration)
    first_s = time.perf_counter() - t0
    spike_steps = np.round(np.asarray(monitor.t / ms) / dt_ms).astype(np.int64)
    spike_units = np.asarray(monitor.i, dtype=np.int64)
    counts = np.asarray(monitor.count, dtype=np.int64)
    first_diff, matched = compare(d, spike_steps, spike_units)
    walls = []
    cpus = []
    for _ in range(repeats):
        net.restore("initial")
        c0 = time.process_time()
        t0 = time.perf_counter()
        net.run(duration)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        if not np.array_equal(np.asarray(monitor.count), counts):
            raise SystemExit("Brian 2 run is not repeatable after restore")
    net.restore("initial")
    net.run(duration, profile=True)
    loop_s = float(sum(t for _, t in net.profiling_info) / brian2.second)
    total, input_events, recurrent, readout = events(d, n, counts)
    spikes = int(counts.sum())
    wall = min(walls)
    return {
        "workload": name,
        "n_rec": n,
        "steps": steps,
        "spikes": spikes,
        "rate_hz": spikes / (n * steps * dt_ms / 1000.0),
        "java_spikes": int(len(d["java_spike_step"])),
        "java_rate_hz": len(d["java_spike_step"]) / (n * steps * dt_ms / 1000.0),
        "first_differing_step": first_diff,
        "java_spikes_matched_before_it": matched,
        "synaptic_events": total,
        "input_events": input_events,
        "recurrent_events": recurrent,
        "readout_events": readout,
        "first_run_s_incl_compile": first_s,
        "wall_s": wall,
        "wall_s_all": walls,
        "cpu_s": min(cpus),
        "cpu_s_all": cpus,
        "loop_s": loop_s,
        "events_per_s": total / wall,
        "events_per_s_loop": total / loop_s,
        "events_per_s_cpu": total / min(cpus),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="+", help="workload names (NAME.npz in --dir)")
    parser.add_argument("--dir", required=True, help="directory with the exported workloads")
    parser.add_argument("--out", required=True, help="JSON file to write")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    results = {
        "brian2_version": brian2.__version__,
        "numpy_version": np.__version__,
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "codegen_target": prefs.codegen.target,
        "workloads": {},
    }
    for name in args.names:
        r = run_one(args.dir, name, args.repeats)
        results["workloads"][name] = r
        print(f"brian2 {name}: rate {r['rate_hz']:.1f} Hz (java {r['java_rate_hz']:.1f}), "
              f"{r['synaptic_events']:,} events, run {r['wall_s']:.3f} s (loop {r['loop_s']:.3f} s, "
              f"first run {r['first_run_s_incl_compile']:.1f} s), {r['events_per_s']:.3g} events/s; "
              f"rasters identical until step {r['first_differing_step']}", flush=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(results, f, indent=2)
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
