"""MNE's motor-imagery epochs of real/eegbci-S001 runs 6, 10 and 14, for the epoching parity test.

The recipe of MNE's CSP example: the three runs concatenated, 7-30 Hz FIR (firwin, skip_by_annotation
'edge', i.e. each run filtered on its own), average EEG reference as a projector applied to the
epochs, epochs of T1 ('hands') and T2 ('feet') from -1 to 4 s, no baseline.
Stores, for all 45 epochs x 64 channels, (mean, std, min, max, samples 0, 200, 400, 600, 800) and the
full traces of channels 0, 9, 31 and 63.  Run with Debian's python3-mne:
    /usr/bin/python3 make_eegbci_epochs.py DATA_DIR
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
raw.annotations.rename(dict(T1="hands", T2="feet"))
raw.set_eeg_reference(projection=True, verbose="error")
raw.filter(7.0, 30.0, fir_design="firwin", skip_by_annotation="edge", verbose="error")
picks = mne.pick_types(raw.info, meg=False, eeg=True, stim=False, eog=False, exclude="bads")
events, _ = mne.events_from_annotations(raw, event_id=dict(hands=2, feet=3), verbose="error")
epochs = mne.Epochs(raw, events, dict(hands=2, feet=3), tmin=-1.0, tmax=4.0, proj=True, picks=picks, baseline=None,
                    preload=True, verbose="error")
data = epochs.get_data()
points = data[:, :, [0, 200, 400, 600, 800]]
summary = np.concatenate([data.mean(axis=2)[..., None], data.std(axis=2)[..., None], data.min(axis=2)[..., None],
                          data.max(axis=2)[..., None], points], axis=2)
with h5py.File(os.path.join(HERE, "eegbci_epochs.h5"), "w") as f:
    f.create_dataset("summary", data=summary)
    f.create_dataset("traces", data=data[:, [0, 9, 31, 63], :])
    f.create_dataset("trace_channels", data=np.array([0, 9, 31, 63]))
    inverse = {v: k for k, v in epochs.event_id.items()}
    f.create_dataset("conditions", data=np.array([inverse[e] for e in epochs.events[:, 2]], dtype="S5"))
    f.create_dataset("onset_samples", data=epochs.events[:, 0])
    f.attrs["shape"] = data.shape
    f.attrs["max_abs_raw"] = float(np.abs(mne.concatenate_raws(
        [mne.io.read_raw_edf(x, preload=True, verbose="error") for x in files]).get_data()).max())
    f.attrs["mne"] = mne.__version__
print(data.shape)
