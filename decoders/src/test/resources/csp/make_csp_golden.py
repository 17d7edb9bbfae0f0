"""Golden values for CspTest: MNE's motor imagery CSP example on PhysioNet EEGBCI subject 1, runs 6,
10 and 14 (imagined hands vs feet), from the EDF files in ../shared/data/real/eegbci-S001.

No re-referencing (as MNE 1.3 and earlier, whose CSP needs full-rank data), 7-30 Hz FIR (firwin), epochs -1..4 s without baseline, training
window 1..2 s, CSP(n_components=4, reg=None, log=True, norm_trace=False) + LinearDiscriminantAnalysis,
ShuffleSplit(10, test_size=0.2, random_state=42). Writes csp_golden.json beside this script: the
labels, the split indices, each split's accuracy, the eigenvalues of a CSP fitted on all epochs and
the log-power features it gives, and, to check the preprocessing, the training data's channel sums.
Run with Debian's python3-mne and python3-sklearn (/usr/bin/python3)."""
import json
import os
import sys

import mne
import numpy as np
import sklearn
from mne.decoding import CSP
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.model_selection import ShuffleSplit, cross_val_score
from sklearn.pipeline import Pipeline

here = os.path.dirname(os.path.abspath(__file__))
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../../../shared/data")
files = [os.path.join(data, "real/eegbci-S001/S001R%02d.edf" % r) for r in (6, 10, 14)]
raw = mne.io.concatenate_raws([mne.io.read_raw_edf(f, preload=True, verbose=False) for f in files])
raw.annotations.rename(dict(T1="hands", T2="feet"))
raw.filter(7.0, 30.0, fir_design="firwin", skip_by_annotation="edge", verbose=False)
picks = mne.pick_types(raw.info, meg=False, eeg=True, stim=False, eog=False, exclude="bads")
events, _ = mne.events_from_annotations(raw, event_id=dict(hands=2, feet=3), verbose=False)
epochs = mne.Epochs(raw, events, dict(hands=2, feet=3), -1.0, 4.0, proj=True, picks=picks, baseline=None,
                    preload=True, verbose=False)
train = epochs.copy().crop(tmin=1.0, tmax=2.0).get_data()
labels = epochs.events[:, -1] - 2

cv = ShuffleSplit(10, test_size=0.2, random_state=42)
splits = [(tr.tolist(), te.tolist()) for tr, te in cv.split(train)]
clf = Pipeline([("CSP", CSP(n_components=4, reg=None, log=True, norm_trace=False)),
                ("LDA", LinearDiscriminantAnalysis())])
scores = cross_val_score(clf, train, labels, cv=cv)
csp = CSP(n_components=4, reg=None, log=True, norm_trace=False).fit(train, labels)
features = csp.transform(train)

# the same CSP written out: class covariances X X^T / (N - 1) (centred at zero), eigh(C_hands, C_hands + C_feet)
from scipy import linalg
covs = []
for c in (0, 1):
    x = np.transpose(train[labels == c], [1, 0, 2]).reshape(train.shape[1], -1)
    covs.append(x @ x.T / (x.shape[1] - 1))
values, vectors = linalg.eigh(covs[0], covs[0] + covs[1])
order = np.argsort(np.abs(values - 0.5))[::-1][:4]
plain = np.log(np.mean(np.einsum("kc,ect->ekt", vectors[:, order].T, train) ** 2, axis=2))

out = {
    "mne": mne.__version__, "sklearn": sklearn.__version__,
    "files": [os.path.basename(f) for f in files],
    "epochs": len(labels), "channels": train.shape[1], "times": train.shape[2],
    "labels": labels.tolist(),
    "channel_sums": train.sum(axis=(0, 2)).tolist(),
    "splits": [{"train": tr, "test": te} for tr, te in splits],
    "accuracies": scores.tolist(), "accuracy": float(scores.mean()),
    "chance": float(max(np.mean(labels == 0), np.mean(labels == 1))),
    "eigenvalues": values[order].tolist(),
    "features": features.tolist(),
    "plain_features_max_difference": float(np.max(np.abs(plain - features))),
}
with open(os.path.join(here, "csp_golden.json"), "w") as f:
    json.dump(out, f)
print("accuracy %.4f chance %.4f; plain formula differs from MNE's CSP by %.2e"
      % (out["accuracy"], out["chance"], out["plain_features_max_difference"]))
