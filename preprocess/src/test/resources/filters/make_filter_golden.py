"""Filter results at other sampling rates and cutoffs, computed by SciPy 1.10 and MNE 1.3.

Run with Debian's python3-scipy and python3-mne:  /usr/bin/python3 make_filter_golden.py
Writes filters_more.h5: inputs/<name> holds the input signals (seeded noise plus sines and a drift,
attribute sfreq); each case is a group with the output, the name of its input, the call as text, and
the call's parameters as attributes (kind, order, band, cutoffs, l_freq/h_freq with NaN for None, up, down).
"""
import os

import h5py
import mne
import numpy as np
from scipy import signal

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261125)


def make_input(sfreq, seconds):
    t = np.arange(int(sfreq * seconds)) / sfreq
    x = 20e-6 * np.sin(2 * np.pi * 10 * t) + 5e-6 * np.sin(2 * np.pi * 0.3 * t) + 30e-6 * t / seconds
    return x + 10e-6 * rng.standard_normal(t.size)


cases = []
inputs = {}
for sfreq in (250.0, 500.0, 1000.0):
    x = make_input(sfreq, 6)
    source = f"{sfreq:g}"
    inputs[source] = (x, sfreq)
    for order, band, wn in [(2, "lowpass", 30.0), (4, "highpass", 1.0), (6, "bandpass", (7.0, 30.0)),
                            (3, "bandstop", (45.0, 55.0)), (8, "lowpass", 100.0)]:
        sos = signal.butter(order, wn, btype=band, fs=sfreq, output="sos")
        cases.append((f"butter{order}_{band}_{sfreq:g}", source, signal.sosfiltfilt(sos, x),
                      f"sosfiltfilt(butter({order}, {wn}, btype='{band}', fs={sfreq}, output='sos'), x)",
                      dict(kind="butter", order=order, band=band, cutoffs=np.atleast_1d(wn))))
    sos = signal.butter(4, (1.0, 40.0), btype="bandpass", fs=sfreq, output="sos")
    cases.append((f"sosfilt_causal_{sfreq:g}", source, signal.sosfilt(sos, x),
                  f"sosfilt(butter(4, (1, 40), btype='bandpass', fs={sfreq}, output='sos'), x)",
                  dict(kind="butter_causal", order=4, band="bandpass", cutoffs=np.array([1.0, 40.0]))))
    b, a = signal.iirnotch(60.0, 20.0, fs=sfreq)
    cases.append((f"lfilter_notch60_{sfreq:g}", source, signal.lfilter(b, a, x), f"lfilter(*iirnotch(60, 20, fs={sfreq}), x)",
                  dict(kind="notch_causal", f0=60.0, q=20.0)))
    cases.append((f"notch60_{sfreq:g}", source, signal.filtfilt(b, a, x), f"filtfilt(*iirnotch(60, 20, fs={sfreq}), x)",
                  dict(kind="notch", f0=60.0, q=20.0)))
    for l_freq, h_freq in [(1.0, 40.0), (7.0, 30.0), (0.5, None), (None, 45.0), (70.0, 30.0)]:
        y = mne.filter.filter_data(x[np.newaxis], sfreq, l_freq, h_freq, verbose="error")[0]
        cases.append((f"mne_fir_{l_freq}_{h_freq}_{sfreq:g}", source, y,
                      f"mne.filter.filter_data(x, {sfreq}, {l_freq}, {h_freq})",
                      dict(kind="mne_fir", l_freq=np.nan if l_freq is None else l_freq,
                           h_freq=np.nan if h_freq is None else h_freq)))
    for up, down in [(1, 2), (3, 2), (2, 5)]:
        cases.append((f"resample_{up}_{down}_{sfreq:g}", source, signal.resample_poly(x, up, down),
                      f"resample_poly(x, {up}, {down})", dict(kind="resample", up=up, down=down)))
    cases.append((f"detrend_{sfreq:g}", source, signal.detrend(x), "detrend(x)", dict(kind="detrend")))
    sos = signal.cheby1(5, 0.5, (8.0, 25.0), btype="bandpass", fs=sfreq, output="sos")
    cases.append((f"cheby1_5_bandpass_{sfreq:g}", source, signal.sosfiltfilt(sos, x),
                  f"sosfiltfilt(cheby1(5, 0.5, (8, 25), 'bandpass', fs={sfreq}, output='sos'), x)",
                  dict(kind="cheby1", order=5, ripple=0.5, band="bandpass", cutoffs=np.array([8.0, 25.0]))))
    for freqs in ([60.0], [50.0, 100.0]):
        y = mne.filter.notch_filter(x[np.newaxis], sfreq, freqs, verbose="error")[0]
        cases.append((f"mne_notch_{'_'.join(f'{f:g}' for f in freqs)}_{sfreq:g}", source, y,
                      f"mne.filter.notch_filter(x, {sfreq}, {freqs})", dict(kind="mne_notch", freqs=np.array(freqs))))
    for q in (2, 5):
        cases.append((f"decimate_{q}_{sfreq:g}", source, signal.decimate(x, q), f"decimate(x, {q})",
                      dict(kind="decimate", q=q)))
# a short signal: MNE's reflect_limited pads with zeros where the signal is shorter than the filter
short = make_input(100.0, 3)
inputs["short100"] = (short, 100.0)
cases.append(("mne_fir_short_1_None_100", "short100",
              mne.filter.filter_data(short[np.newaxis], 100.0, 1.0, None, verbose="error")[0],
              "mne.filter.filter_data(x, 100.0, 1.0, None)", dict(kind="mne_fir", l_freq=1.0, h_freq=np.nan)))

with h5py.File(os.path.join(HERE, "filters_more.h5"), "w") as f:
    f.attrs["notes"] = "scipy " + __import__("scipy").__version__ + " / mne " + mne.__version__
    for name, (x, sfreq) in inputs.items():
        d = f.create_dataset("inputs/" + name, data=x)
        d.attrs["sfreq"] = sfreq
    for name, source, y, call, params in cases:
        g = f.create_group("cases/" + name)
        g.create_dataset("output", data=y)
        g.attrs["input"] = source
        g.attrs["call"] = call
        for key, value in params.items():
            g.attrs[key] = value
