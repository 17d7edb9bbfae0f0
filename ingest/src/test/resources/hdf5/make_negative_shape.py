"""Writes negative_shape.h5: a 77-value float32 dataset 'x' whose dataspace claims a size of -1.

h5py writes the file with the earliest object-header version (no checksums), then the 8-byte
size 77 of the dataspace message is overwritten with 0xFF bytes, which a reader decodes as -1
(or 2^64 - 1). Run with Debian's python3-h5py: python3 make_negative_shape.py
"""
import struct

import h5py
import numpy as np

with h5py.File("negative_shape.h5", "w", libver="earliest") as f:
    f.create_dataset("x", data=np.arange(77, dtype="<f4"))

data = bytearray(open("negative_shape.h5", "rb").read())
size = struct.pack("<Q", 77)
at = data.find(size)
assert at > 0, "no dataspace size found"
data[at:at + 8] = b"\xff" * 8
open("negative_shape.h5", "wb").write(bytes(data))
print("patched the size at byte", at)
