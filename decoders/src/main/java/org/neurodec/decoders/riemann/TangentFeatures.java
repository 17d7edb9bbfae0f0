package org.neurodec.decoders.riemann;

import java.util.List;
import java.util.stream.IntStream;
import org.neurodec.decoders.DecoderException;
import org.neurodec.preprocess.filter.Band;
import org.neurodec.preprocess.filter.IirDesign;
import org.neurodec.preprocess.filter.SecondOrderSections;
import org.neurodec.preprocess.filter.ZeroPhase;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.riemann.Covariances;
import org.neurodec.subjects.riemann.Riemann;
import org.neurodec.subjects.riemann.Spd;

/**
 * Band-power features of EEG epochs that a shared model can read from any subject: each epoch's
 * window on the chosen channels band-passed (Butterworth, zero phase), its Ledoit–Wolf covariance,
 * the subject's covariances re-centred on their own Riemannian mean (no labels), mapped to the
 * tangent space at the identity (upper triangle, off-diagonal × √2), and each feature standardised
 * over the subject's trials. Power and its spatial pattern are what motor imagery changes, which
 * filtered-signal averages cannot see.
 *
 * @param lowHz band-pass lower edge (Hz)
 * @param highHz band-pass upper edge (Hz)
 * @param fromS window start in seconds (epoch time)
 * @param toS window end in seconds (epoch time)
 * @param channels the channels to use, by name (case and trailing dots ignored, as EDF pads names); empty: all
 */
public record TangentFeatures(double lowHz, double highHz, double fromS, double toS, List<String> channels) {

    /** Checks the band and window. */
    public TangentFeatures {
        if (!(lowHz > 0 && highHz > lowHz) || !(toS > fromS)) {
            throw new DecoderException("tangent-space features: expected 0 < low < high Hz and a window from < to, found "
                    + lowHz + "–" + highHz + " Hz, " + fromS + "–" + toS + " s");
        }
        channels = List.copyOf(channels);
    }

    /** The indices of {@link #channels()} among {@code names} (all when none are chosen); an unknown name is an error. */
    public int[] pick(List<String> names) {
        if (channels.isEmpty()) {
            return IntStream.range(0, names.size()).toArray();
        }
        java.util.function.Function<String, String> key = n -> n.replaceAll("\\.+$", "").toLowerCase(java.util.Locale.ROOT);
        List<String> keys = names.stream().map(key).toList();
        int[] out = new int[channels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = keys.indexOf(key.apply(channels.get(i)));
            if (out[i] < 0) {
                throw new DecoderException("tangent-space features: channel " + channels.get(i) + ": expected one of "
                        + names + ", found none");
            }
        }
        return out;
    }

    /**
     * One subject's EEG epochs (starting at {@code tmin} s, at {@code sfreq}, channels named
     * {@code names}) as re-centred, standardised tangent vectors.
     */
    public TrialSet transform(TrialSet eeg, List<String> names, double sfreq, double tmin) {
        int[] picked = pick(names);
        if (!(highHz < sfreq / 2)) {
            throw new DecoderException("tangent-space features: the band's upper edge " + highHz + " Hz must lie below the"
                    + " Nyquist frequency " + sfreq / 2 + " Hz");
        }
        int from = (int) Math.round((fromS - tmin) * sfreq);
        int to = (int) Math.round((toS - tmin) * sfreq);
        if (from < 0 || to >= eeg.times() || to - from < 2) {
            throw new DecoderException(String.format(java.util.Locale.ROOT, "tangent-space features: window %.3f–%.3f s must"
                    + " lie within the epochs (%.3f–%.3f s)", fromS, toS, tmin, tmin + (eeg.times() - 1) / sfreq));
        }
        SecondOrderSections sos = IirDesign.butterworth(4, Band.BANDPASS, sfreq, lowHz, highHz);
        List<Spd> covariances = IntStream.range(0, eeg.trials()).parallel().mapToObj(t -> {
            double[][] x = new double[picked.length][];
            for (int c = 0; c < picked.length; c++) {
                double[] channel = new double[eeg.times()];
                for (int s = 0; s < channel.length; s++) {
                    channel[s] = eeg.get(t, picked[c], s);
                }
                x[c] = java.util.Arrays.copyOfRange(ZeroPhase.apply(sos, channel), from, to + 1);
            }
            return Covariances.estimate(x, Covariances.Estimator.LEDOIT_WOLF, 0);
        }).toList();
        Spd identity = Spd.identity(picked.length);
        double[][] vectors = Riemann.tangentVectors(Riemann.recenter(covariances, Riemann.mean(covariances)), identity);
        int p = vectors[0].length;
        float[] values = new float[vectors.length * p];
        for (int t = 0; t < vectors.length; t++) {
            for (int j = 0; j < p; j++) {
                values[t * p + j] = (float) vectors[t][j];
            }
        }
        TrialSet out = TrialSet.wrapFeatures(eeg.subject(), p, values, eeg.stimuli());
        return eeg.trials() > 1 ? out.standardisedBy(IntStream.range(0, eeg.trials()).toArray()) : out;
    }
}
