"""What h5py 3.7 reads from files neurodec writes, and golden values for digits69.h5.

Run with Debian's python3-h5py:  python3 make_fixtures.py [path/to/shared/data]
- writer_roundtrip.h5 is written by neurodec's Hdf5Writer (Hdf5WriterTest.writeRoundTrip);
  writer_roundtrip.json records every dataset and attribute h5py reads from it.
- digits69.json records, for every dataset of real/digits69/digits69.h5, the shape, dtype, sum and
  the SHA-256 of the values as little-endian bytes in C order, as h5py reads them.
"""
import hashlib
import json
import os
import sys

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "data")


def plain(value):
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def read_all(path):
    out = {"datasets": {}, "attributes": {"/": {k: plain(v) for k, v in h5py.File(path, "r").attrs.items()}}}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if obj.attrs:
                out["attributes"][name] = {k: plain(v) for k, v in obj.attrs.items()}
            if isinstance(obj, h5py.Dataset):
                values = obj[()]
                dtype = "string" if values.dtype.kind in "OSU" else str(values.dtype)
                out["datasets"][name] = {"shape": list(obj.shape), "dtype": dtype,
                                         "values": plain(values.reshape(-1))}
        f.visititems(visit)
    return out


roundtrip = os.path.join(HERE, "writer_roundtrip.h5")
if os.path.exists(roundtrip):
    with open(os.path.join(HERE, "writer_roundtrip.json"), "w") as f:
        json.dump(read_all(roundtrip), f, indent=1, sort_keys=True)

digits = {}
with h5py.File(os.path.join(DATA, "real", "digits69", "digits69.h5"), "r") as f:
    def visit(name, obj):
        if isinstance(obj, h5py.Dataset):
            values = obj[()]
            little = values.astype(values.dtype.newbyteorder("<"))
            digits[name] = {"shape": list(values.shape), "dtype": str(values.dtype),
                            "sum": float(values.astype(np.float64).sum()),
                            "first": plain(values.reshape(-1)[:5].astype(np.float64)),
                            "sha256_le": hashlib.sha256(np.ascontiguousarray(little).tobytes()).hexdigest()}
    f.visititems(visit)
    digits["attributes"] = {k: plain(v) for k, v in f.attrs.items()}
with open(os.path.join(HERE, "digits69.json"), "w") as f:
    json.dump(digits, f, indent=1, sort_keys=True)
