"""What MNE-Python reads from the EDF and BDF files neurodec's EdfWriter wrote (EdfWriterTest.writeRoundTrip).

Run with Debian's python3-mne:  /usr/bin/python3 make_writer_golden.py
"""
import json
import os

import mne

HERE = os.path.dirname(os.path.abspath(__file__))
out = {}
for name in ["edf_writer_roundtrip.edf", "edf_writer_roundtrip.bdf"]:
    read = mne.io.read_raw_bdf if name.endswith(".bdf") else mne.io.read_raw_edf
    raw = read(os.path.join(HERE, name), preload=True, verbose="error")
    data = raw.get_data()
    out[name] = {"sfreq": raw.info["sfreq"], "ch_names": raw.ch_names,
                 "first": [[float(v) for v in row[:5]] for row in data],
                 "annotations": [{"onset": float(a["onset"]), "duration": float(a["duration"]),
                                  "description": a["description"]} for a in raw.annotations]}
with open(os.path.join(HERE, "edf_writer_roundtrip.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True, ensure_ascii=False)
