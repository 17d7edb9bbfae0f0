"""Fixtures for NpyFileTest, written by NumPy (Debian's python3-numpy): one array per dtype, byte
order and memory order, each holding its C-order flat values in expected.json."""
import json
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
base = np.arange(24, dtype=np.float64).reshape(2, 3, 4) * 1.5 - 7
cases = {
    "f4": base.astype("<f4"), "f8_big": base.astype(">f8"), "i2": base.astype("<i2"),
    "u1": np.abs(base).astype("u1"), "i8": base.astype("<i8") * 1000003,
    "f8_fortran": np.asfortranarray(base), "bool": base > 0, "vector": np.linspace(0, 1, 5),
}
expected = {}
for name, array in cases.items():
    np.save(os.path.join(here, name + ".npy"), array)
    expected[name] = {"shape": list(array.shape), "values": np.ascontiguousarray(array).astype(np.float64).ravel().tolist()}
with open(os.path.join(here, "expected.json"), "w") as f:
    json.dump(expected, f)
