#!/usr/bin/python3
"""Writes the small SHD-layout files the tests read (Debian: apt-get install python3-h5py).

Layout of the Spiking Heidelberg Digits (Cramer et al. 2020): spikes/times (variable-length float
arrays, seconds), spikes/units (variable-length uint16 arrays, channels 0..699), labels (uint16),
extra/speaker (uint16) and extra/keys (class names). Example e of a file numbered from `first`
has spikes k = 0..5 at t = (3 n + 5 k) / 1024 s on channel (37 n + 11 k) mod 700, n = first + e,
plus a repeat of spike 0 (the same bin and channel) and a spike at 1.5 s; times are multiples of
1/1024 s so that float16 holds them exactly. SpikeRecordingsTest recomputes the same spikes.
"""
import h5py
import numpy as np


def write(path, first, count, time_dtype):
    with h5py.File(path, "w") as f:
        times = f.create_dataset("spikes/times", (count,), dtype=h5py.vlen_dtype(np.dtype(time_dtype)))
        units = f.create_dataset("spikes/units", (count,), dtype=h5py.vlen_dtype(np.dtype("uint16")))
        labels = np.zeros(count, dtype="uint16")
        for e in range(count):
            n = first + e
            t = [(3 * n + 5 * k) / 1024 for k in range(6)] + [(3 * n) / 1024, 1.5]
            u = [(37 * n + 11 * k) % 700 for k in range(6)] + [(37 * n) % 700, 699]
            times[e] = np.array(t, dtype=time_dtype)
            units[e] = np.array(u, dtype="uint16")
            labels[e] = n % 20
        f.create_dataset("labels", data=labels)
        f.create_dataset("extra/speaker", data=np.arange(count, dtype="uint16") % 3)
        f.create_dataset("extra/keys", data=np.array([b"digit-%d" % d for d in range(20)]))


if __name__ == "__main__":
    write("shd_train.h5", 0, 24, "float32")
    write("shd_test.h5", 100, 8, "float16")
