"""MNE's decimated, baseline-corrected, rejected epochs of real/eegbci-S001 runs 6, 10 and 14, for the
decimation parity test: the recipe of make_eegbci_epochs.py (7-30 Hz FIR per run, average reference
projector) with epochs from -0.1 to 0.8 s, baseline (-0.097, 0) (MNE takes the samples at or after -0.097 s: from -0.09375 s, where rounding would start at -0.1 s), decim=3 and a peak-to-peak rejection.
MNE keeps the samples at t = 0 and every third one around it (at 160 Hz, the first kept sample is
-0.09375 s, not -0.1), baselines before decimating, and rejects on the decimated epoch. The threshold
is chosen here between one epoch's peak-to-peak at the full rate and after decimation, so that the
epoch is kept by MNE but would be dropped by a rejection at the full rate.
Run with Debian's python3-mne:  /usr/bin/python3 make_eegbci_decimated.py DATA_DIR
"""
import os
import sys

import h5py
import mne
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "data")
files = [os.path.join(DATA, "real", "eegbci-S001", f"S001R{run:02d}.edf") for run in (6, 10, 14)]
raw = mne.concatenate_raws([mne.io.read_raw_edf(f, preload=True, verbose="error") for f in files])
raw.set_eeg_reference(projection=True, verbose="error")
raw.filter(7.0, 30.0, fir_design="firwin", skip_by_annotation="edge", verbose="error")
picks = mne.pick_types(raw.info, meg=False, eeg=True, stim=False, eog=False, exclude="bads")
events, _ = mne.events_from_annotations(raw, event_id=dict(T1=2, T2=3), verbose="error")


def epochs(reject, decim):
    return mne.Epochs(raw, events, dict(hands=2, feet=3), tmin=-0.1, tmax=0.8, proj=True, picks=picks,
                      baseline=(-0.097, 0), reject=reject, decim=decim, preload=True, verbose="error")


full = epochs(None, 1).get_data()
decimated = epochs(None, 3).get_data()
p2p_full = np.ptp(full, axis=2).max(axis=1)
p2p_decimated = np.ptp(decimated, axis=2).max(axis=1)
gap = p2p_full - p2p_decimated
e = int(np.argmax(gap))
threshold = float((p2p_full[e] + p2p_decimated[e]) / 2)
kept = epochs(dict(eeg=threshold), 3)
data = kept.get_data()
print("threshold", threshold, "epoch", e, "kept", len(kept), "of", len(events), "times", kept.times[:3])
assert e in kept.selection, "the chosen epoch must be kept by MNE"
with h5py.File(os.path.join(HERE, "eegbci_decimated.h5"), "w") as f:
    f.create_dataset("data", data=data[:, [0, 9, 31, 63], :])
    f.create_dataset("trace_channels", data=np.array([0, 9, 31, 63]))
    f.create_dataset("times", data=kept.times)
    f.create_dataset("onset_samples", data=kept.events[:, 0])
    f.attrs["threshold"] = threshold
    f.attrs["kept_only_after_decimation"] = e
    f.attrs["max_abs_raw"] = float(np.abs(mne.concatenate_raws(
        [mne.io.read_raw_edf(x, preload=True, verbose="error") for x in files]).get_data()).max())
    f.attrs["mne"] = mne.__version__
