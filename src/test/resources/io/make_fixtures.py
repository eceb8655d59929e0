"""Writes the NumPy-made fixtures that org.sernn.io's tests read.

Run once from this directory with a real NumPy (these were made with Debian's python3-numpy 1.24.2):
    /usr/bin/python3 make_fixtures.py
The tests assert the exact values below, so keep them in step with NpzFixtures.java.
"""
import json

import numpy as np
from numpy.lib import format as npy_format

CONFIG = {"name": "Café ∑ 𝄞 réseau", "n_rec": 3, "tau_m_ms": 20.0}


def arrays():
    return {
        "w": np.array([[0.5, -1.25, 3.0], [1e-300, -0.0, 123456.789]], dtype="<f8"),
        "f32": np.array([1.5, -2.25, np.inf, np.nan], dtype="<f4"),
        "i64": np.array([-(2**63), -1, 0, 2**63 - 1], dtype="<i8"),
        "i32": np.arange(24, dtype="<i4").reshape(2, 3, 4) - 12,
        "i8": np.array([-128, -1, 0, 127], dtype="i1"),
        "u8": np.array([0, 1, 128, 255], dtype="u1"),
        "mask": np.array([[True, False], [False, True]]),
        "empty": np.zeros((0, 5), dtype="<f8"),
        "epoch": np.array(7, dtype="<i8"),
        "config": json.dumps(CONFIG, ensure_ascii=False),
    }


# The checkpoint layout: np.savez stores a Python str as a 0-d '<U' array.
np.savez_compressed("numpy_compressed.npz", **arrays())
np.savez("numpy_stored.npz", **arrays())
np.save("numpy_w.npy", arrays()["w"])

# What other writers may hand us: big-endian data and Fortran order.
np.savez(
    "numpy_variants.npz",
    be_f8=np.array([1.0, -2.5, 1e10], dtype=">f8"),
    be_i4=np.array([[1, -2], [3, 2**31 - 1]], dtype=">i4"),
    be_str=np.array("Grüße 𝄞", dtype=">U7"),
    fortran=np.asfortranarray(np.arange(24, dtype="<f8").reshape(2, 3, 4)),
)

# Header versions 2.0 (4-byte header length) and 3.0 (UTF-8 header).
for version in [(2, 0), (3, 0)]:
    with open("numpy_v%d.npy" % version[0], "wb") as f:
        npy_format.write_array(f, np.array([[1, 2, 3]], dtype="<i8"), version=version)
