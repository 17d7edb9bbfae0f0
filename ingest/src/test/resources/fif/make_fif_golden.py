"""FIF fixtures and what MNE-Python reads from them, for the FIF reader's tests.

Writes small raw files with MNE for every sample type it writes (short, int, single, double), with
calibrations, a stim channel, MEG channel kinds, channel names longer than 15 characters (extended
channel information), annotations, a non-zero first sample and small buffers; one file with a data
skip inserted (MNE fills it with zeros and annotates BAD_ACQ_SKIP); an events file. Then records
MNE's reading of those and of the real SSVEP-Exo recordings: rate, channels, kinds, units, first
sample, measurement date, annotations, events, per-channel mean and standard deviation and samples
at buffer boundaries.

Run with Debian's python3-mne (1.3):  /usr/bin/python3 make_fif_golden.py [DATA_DIR]
"""
import glob
import json
import os
import struct
import sys

import numpy as np
import mne

mne.set_log_level("error")
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "..", "..", "shared", "data")


def fixture_raw(seed):
    rng = np.random.default_rng(seed)
    names = ["Fp1", "Oz", "a_very_long_channel_name_eeg", "MEG 0111", "MEG 0112", "EOG 061", "STI 014"]
    kinds = ["eeg", "eeg", "eeg", "mag", "grad", "eog", "stim"]
    info = mne.create_info(names, 250.0, kinds)
    n = 1000
    data = rng.standard_normal((len(names), n))
    data[:3] *= 20e-6
    data[3] *= 1e-12
    data[4] *= 1e-11
    data[5] *= 100e-6
    data[6] = 0
    data[6, 100:105] = 1
    data[6, 600:605] = 4
    raw = mne.io.RawArray(data, info)
    raw.set_meas_date(1_300_000_000.25)
    raw.set_annotations(mne.Annotations([0.5, 2.0, 3.25], [0.0, 0.5, 0.1], ["stim/1", "rest: eyes", "T2"],
                                        orig_time=raw.info["meas_date"]))
    return raw


def tags(buf):
    out, pos = [], 0
    while pos + 16 <= len(buf):
        kind, typ, size, nxt = struct.unpack(">iIii", buf[pos:pos + 16])
        out.append((pos, kind, typ, size, nxt))
        if nxt < 0:
            break
        pos += 16 + size
    return out


def with_skip(src, dst, before_buffer=2, buffers=2):
    """Copies src, inserting a FIFF_DATA_SKIP tag before its buffer number `before_buffer`, with no tag directory."""
    buf = open(src, "rb").read()
    out, seen = bytearray(), 0
    for pos, kind, typ, size, nxt in tags(buf):
        body = bytearray(buf[pos:pos + 16 + size])
        if kind == 101:  # FIFF_DIR_POINTER: -1, read sequentially
            body[16:20] = struct.pack(">i", -1)
        if kind == 102:  # FIFF_DIR: drop the directory
            continue
        if kind == 300:
            if seen == before_buffer:
                out += struct.pack(">iIiii", 301, 3, 4, 0, buffers)
            seen += 1
        if nxt > 0:
            body[12:16] = struct.pack(">i", 0)
        out += body
    open(dst, "wb").write(bytes(out))


def describe(path, events_file=None):
    raw = mne.io.read_raw_fif(path, preload=True)
    d = raw.get_data()
    n = d.shape[1]
    at = sorted({0, 1, 99, 100, 101, n // 2, n - 2, n - 1})
    # MNE 1.3 gives annotation onsets from the acquisition's start (first_samp included, dated or not);
    # the reader gives them from the first stored sample
    offset = raw.first_samp / raw.info["sfreq"]
    out = {
        "sfreq": raw.info["sfreq"], "n_channels": len(raw.ch_names), "n_times": int(n),
        "first_samp": int(raw.first_samp), "ch_names": raw.ch_names, "ch_types": raw.get_channel_types(),
        "units": [int(c["unit"]) for c in raw.info["chs"]],
        "cals": [float(c["range"] * c["cal"]) for c in raw.info["chs"]],
        "meas_date": None if raw.info["meas_date"] is None else raw.info["meas_date"].timestamp(),
        "orig_format": raw.orig_format,
        "annotations": [{"onset": float(o - offset), "duration": float(du), "description": str(de)}
                        for o, du, de in zip(raw.annotations.onset, raw.annotations.duration, raw.annotations.description)],
        "channel_mean": d.mean(axis=1).tolist(), "channel_std": d.std(axis=1).tolist(),
        "samples_at": at, "samples": d[:, at].tolist(),
    }
    if events_file:
        ev = mne.read_events(events_file)
        out["events"] = {"count": int(len(ev)), "first": ev[:3].tolist(), "last": ev[-1].tolist(),
                         "codes": {str(int(k)): int(v) for k, v in zip(*np.unique(ev[:, 2], return_counts=True))}}
    return out


golden = {"fixtures": {}, "ssvep": {}}
raw = fixture_raw(7)
for fmt in ("short", "int", "single", "double"):
    name = f"fixture_{fmt}_raw.fif"
    raw.save(os.path.join(HERE, name), fmt=fmt, buffer_size_sec=0.4, overwrite=True)
cropped = raw.copy().crop(tmin=1.0)
cropped.save(os.path.join(HERE, "fixture_first_samp_raw.fif"), fmt="single", buffer_size_sec=0.4, overwrite=True)
undated = raw.copy().set_meas_date(None).crop(tmin=1.0)
undated.set_annotations(mne.Annotations([2.5, 3.0], [0.25, 0.0], ["late", "later"]))
undated.save(os.path.join(HERE, "fixture_no_date_raw.fif"), fmt="double", buffer_size_sec=0.4, overwrite=True)
with_skip(os.path.join(HERE, "fixture_single_raw.fif"), os.path.join(HERE, "fixture_skip_raw.fif"))
events = mne.find_events(raw, stim_channel="STI 014")
mne.write_events(os.path.join(HERE, "fixture_single-eve.fif"), events, overwrite=True)
for fmt in ("short", "int", "single", "double", "first_samp", "no_date", "skip"):
    name = f"fixture_{fmt}_raw.fif"
    golden["fixtures"][name] = describe(os.path.join(HERE, name),
                                        os.path.join(HERE, "fixture_single-eve.fif") if fmt == "single" else None)
for path in sorted(glob.glob(os.path.join(DATA, "real", "ssvep-exo", "subject*", "*_raw.fif"))):
    key = os.path.relpath(path, os.path.join(DATA, "real", "ssvep-exo"))
    golden["ssvep"][key] = describe(path, path.replace("_raw.fif", "-eve.fif"))
with open(os.path.join(HERE, "fif_golden.json"), "w") as f:
    json.dump(golden, f, indent=1, sort_keys=True)
