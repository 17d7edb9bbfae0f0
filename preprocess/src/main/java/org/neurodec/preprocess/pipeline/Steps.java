package org.neurodec.preprocess.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.Signals;
import org.neurodec.preprocess.PreprocessException;
import org.neurodec.preprocess.filter.Band;
import org.neurodec.preprocess.filter.FirFilter;
import org.neurodec.preprocess.filter.IirDesign;
import org.neurodec.preprocess.filter.PolyphaseResampler;
import org.neurodec.preprocess.filter.SecondOrderSections;
import org.neurodec.preprocess.filter.TransferFunction;
import org.neurodec.preprocess.filter.ZeroPhase;
import org.neurodec.preprocess.signal.Channels;

/** The continuous-signal steps a pipeline can hold. */
public final class Steps {

    private Steps() {
    }

    /**
     * Band-pass, high-pass (h = null) or low-pass (l = null) filtering, zero phase: MNE's default FIR,
     * or a Butterworth of the given order applied forward and backward.
     */
    public record Filter(Double lFreq, Double hFreq, String method, int order) implements Step {

        /** Validates the method. */
        public Filter {
            if (!method.equals("fir") && !method.equals("iir")) {
                throw PreprocessException.badParameter("method", "fir or iir", method);
            }
        }

        @Override
        public String name() {
            return "filter";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("l_freq", lFreq);
            p.put("h_freq", hFreq);
            p.put("method", method);
            if (method.equals("iir")) {
                p.put("order", order);
            }
            p.put("phase", "zero");
            return p;
        }

        @Override
        public void check(double sfreq, List<Channel> channels) {
            design(sfreq);
        }

        @Override
        public Signals apply(Signals signals, List<Channel> channels) {
            Object filter = design(signals.sfreq());
            if (filter instanceof FirFilter fir) {
                double[][] data = signals.toArray();
                Channels.filterInPlace(data, fir);
                return Signals.wrap(data, signals.sfreq());
            }
            SecondOrderSections sos = (SecondOrderSections) filter;
            return Channels.map(signals, x -> ZeroPhase.apply(sos, x));
        }

        private Object design(double sfreq) {
            if (method.equals("fir")) {
                return FirFilter.mne(sfreq, lFreq, hFreq);
            }
            if (lFreq != null && hFreq != null) {
                return IirDesign.butterworth(order, lFreq < hFreq ? Band.BANDPASS : Band.BANDSTOP, sfreq,
                        Math.min(lFreq, hFreq), Math.max(lFreq, hFreq));
            }
            if (lFreq == null && hFreq == null) {
                throw PreprocessException.badParameter("filter", "l_freq, h_freq or both", "neither");
            }
            return lFreq != null ? IirDesign.butterworth(order, Band.HIGHPASS, sfreq, lFreq)
                    : IirDesign.butterworth(order, Band.LOWPASS, sfreq, hFreq);
        }
    }

    /**
     * Notch filters at each frequency, zero phase: MNE's FIR notch ({@code notch_filter} defaults) or
     * second-order IIR notches of the given quality.
     */
    public record Notch(List<Double> freqs, String method, double quality) implements Step {

        /** Validates the method and keeps an unmodifiable copy of the frequencies. */
        public Notch {
            freqs = List.copyOf(freqs);
            if (!method.equals("fir") && !method.equals("iir")) {
                throw PreprocessException.badParameter("notch method", "fir or iir", method);
            }
        }

        @Override
        public String name() {
            return "notch";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("freqs", freqs);
            p.put("method", method);
            if (method.equals("iir")) {
                p.put("quality", quality);
            }
            return p;
        }

        @Override
        public void check(double sfreq, List<Channel> channels) {
            if (method.equals("fir")) {
                FirFilter.mneNotch(sfreq, frequencies());
            } else {
                freqs.forEach(f -> IirDesign.notch(f, quality, sfreq));
            }
        }

        @Override
        public Signals apply(Signals signals, List<Channel> channels) {
            if (method.equals("fir")) {
                return Channels.map(signals, FirFilter.mneNotch(signals.sfreq(), frequencies())::apply);
            }
            Signals out = signals;
            for (double f : freqs) {
                TransferFunction notch = IirDesign.notch(f, quality, signals.sfreq());
                out = Channels.map(out, x -> ZeroPhase.apply(notch, x));
            }
            return out;
        }

        private double[] frequencies() {
            return freqs.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** Polyphase resampling to a new rate, whose ratio to the old one must be rational (up/down ≤ 1000). */
    public record Resample(double sfreq) implements Step {

        @Override
        public String name() {
            return "resample";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("sfreq", sfreq);
        }

        @Override
        public void check(double from, List<Channel> channels) {
            ratio(from);
        }

        @Override
        public Signals apply(Signals signals, List<Channel> channels) {
            int[] ratio = ratio(signals.sfreq());
            PolyphaseResampler resampler = new PolyphaseResampler(ratio[0], ratio[1]);
            double[][] out = new double[signals.channels()][];
            for (int c = 0; c < out.length; c++) {
                out[c] = resampler.apply(signals.channel(c));
            }
            return Signals.wrap(out, sfreq);
        }

        private int[] ratio(double from) {
            if (!(sfreq > 0)) {
                throw PreprocessException.badParameter("resample sfreq", "a positive rate", sfreq);
            }
            BigDecimal up = BigDecimal.valueOf(sfreq);
            BigDecimal down = BigDecimal.valueOf(from);
            int scale = Math.max(up.scale(), down.scale());
            long u = up.movePointRight(scale).longValueExact();
            long d = down.movePointRight(scale).longValueExact();
            long g = java.math.BigInteger.valueOf(u).gcd(java.math.BigInteger.valueOf(d)).longValue();
            u /= g;
            d /= g;
            if (u > 1000 || d > 1000) {
                throw PreprocessException.badParameter("resample sfreq", "a rate in a small ratio to " + from + " Hz",
                        sfreq + " Hz (" + u + "/" + d + ")");
            }
            return new int[] {(int) u, (int) d};
        }
    }

    /** Re-referencing to the average of the voltage channels (bad channels, listed, left out). */
    public record AverageReference(List<String> bads) implements Step {

        /** Keeps an unmodifiable copy. */
        public AverageReference {
            bads = List.copyOf(bads);
        }

        @Override
        public String name() {
            return "reref";
        }

        @Override
        public Map<String, Object> parameters() {
            return org.neurodec.Ordered.map("reference", "average", "bads", bads);
        }

        @Override
        public void check(double sfreq, List<Channel> channels) {
            List<String> names = new ArrayList<>();
            channels.forEach(c -> names.add(c.name()));
            for (String bad : bads) {
                if (!names.contains(bad)) {
                    throw PreprocessException.badParameter("bads", "channels of the recording " + names, bad);
                }
            }
        }

        @Override
        public Signals apply(Signals signals, List<Channel> channels) {
            boolean[] included = new boolean[channels.size()];
            for (int c = 0; c < included.length; c++) {
                included[c] = channels.get(c).type().isVoltage() && !bads.contains(channels.get(c).name());
            }
            return Channels.averageReference(signals, included);
        }
    }
}
