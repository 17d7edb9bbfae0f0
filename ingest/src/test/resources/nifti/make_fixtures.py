"""Small NIfTI fixtures written by nibabel, and what nibabel reads back from them.

Run with Debian's python3-nibabel (nibabel 5.0):  python3 make_fixtures.py
Writes the fixture files next to this script and golden.json describing each one.
Also reads writer_roundtrip.nii.gz (written by neurodec's NiftiWriter, see NiftiWriterTest)
and records what nibabel reads from it in writer_roundtrip.json.
"""
import json
import os

import nibabel as nib
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261125)
affine = np.array([[-2.0, 0.1, 0.0, 90.0], [0.0, 2.0, 0.2, -126.0], [0.05, 0.0, 2.5, -72.0], [0, 0, 0, 1]])
shape = (5, 4, 3, 2)
golden = {}


def describe(path):
    img = nib.load(path)
    hdr = img.header
    data = img.get_fdata()
    flat = data.reshape(-1, order="F")
    return {
        "shape": list(img.shape),
        "datatype": int(hdr["datatype"]),
        "endianness": "big" if hdr.endianness == ">" else "little",
        "affine": img.affine.tolist(),
        "scl_slope": float(img.dataobj.slope),
        "scl_inter": float(img.dataobj.inter),
        "sum": float(np.nansum(data)),
        "values_first": [float(v) for v in flat[:12]],
        "values_last": [float(v) for v in flat[-12:]],
    }


def save(img, name):
    path = os.path.join(HERE, name)
    nib.save(img, path)
    golden[name] = describe(path)


types = {
    "uint8": (0, 255), "int8": (-128, 127), "int16": (-32768, 32767), "uint16": (0, 65535),
    "int32": (-2**31, 2**31 - 1), "uint32": (0, 2**32 - 1), "int64": (-2**40, 2**40), "uint64": (0, 2**52),
    "float32": None, "float64": None,
}
for name, bounds in types.items():
    if bounds is None:
        data = rng.normal(100, 30, shape).astype(name)
        data[0, 0, 0, 0] = np.nan
    else:
        data = rng.integers(bounds[0], bounds[1], shape, endpoint=True, dtype=np.int64).astype(name)
    img = nib.Nifti1Image(data, affine, dtype=name)
    save(img, f"dtype_{name}.nii")

# scaled int16, big-endian, gzipped
data = rng.normal(1000, 200, shape)
big_header = nib.Nifti1Header(endianness=">")
big_header.set_data_dtype(np.int16)
big = nib.Nifti1Image(data.astype(np.float32), affine, big_header)
save(big, "scaled_bigendian.nii.gz")

# analyze-style pair
pair = nib.Nifti1Pair(rng.normal(0, 1, (6, 5, 4)).astype(np.float32), affine)
save(pair, "pair.img")
golden["pair.hdr"] = golden["pair.img"]

# NIfTI-2, big-endian, qform only
n2_header = nib.Nifti2Header(endianness=">")
n2_header.set_data_dtype(np.int32)
n2 = nib.Nifti2Image(rng.integers(0, 1000, (4, 3, 2, 3)).astype(np.int32), None, n2_header)
n2.header.set_qform(affine, code=1)
n2.header.set_sform(None, code=0)
save(n2, "nifti2_bigendian_qform.nii")

with open(os.path.join(HERE, "golden.json"), "w") as f:
    json.dump(golden, f, indent=1, sort_keys=True)

roundtrip = os.path.join(HERE, "writer_roundtrip.nii.gz")
if os.path.exists(roundtrip):
    with open(os.path.join(HERE, "writer_roundtrip.json"), "w") as f:
        json.dump(describe(roundtrip), f, indent=1, sort_keys=True)
