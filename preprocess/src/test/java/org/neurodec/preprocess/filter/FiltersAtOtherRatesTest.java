package org.neurodec.preprocess.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurodec.ingest.TestData;
import org.neurodec.ingest.hdf5.Hdf5File;

/**
 * 67 filter results at 100, 250, 500 and 1000 Hz with other orders, bands and cutoffs, computed by
 * SciPy 1.10 and MNE 1.3 (filters_more.h5, made by make_filter_golden.py), reproduced within
 * 1e-6 × the input's largest absolute value.
 */
class FiltersAtOtherRatesTest {

    @TestFactory
    List<DynamicTest> everyCaseMatches() {
        List<DynamicTest> tests = new ArrayList<>();
        try (Hdf5File hdf = Hdf5File.open(TestData.resource("filters/filters_more.h5"))) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groups = (List<Map<String, Object>>) hdf.tree().get("children");
            Map<String, Object> casesGroup = groups.stream().filter(g -> "/cases".equals(g.get("path"))).findFirst().orElseThrow();
            List<Map<String, Object>> cases = (List<Map<String, Object>>) casesGroup.get("children");
            for (Map<String, Object> node : cases) {
                String path = (String) node.get("path");
                Map<String, Object> attributes = hdf.attributes(path);
                String input = "/inputs/" + attributes.get("input");
                double[] x = hdf.read(input).toDoubles();
                double sfreq = number(hdf.attributes(input).get("sfreq"));
                double[] expected = hdf.read(path + "/output").toDoubles();
                tests.add(DynamicTest.dynamicTest(path.substring(path.lastIndexOf('/') + 1) + ": " + attributes.get("call"),
                        () -> check(attributes, sfreq, x, expected)));
            }
        }
        assertEquals(67, tests.size());
        return tests;
    }

    private static void check(Map<String, Object> a, double sfreq, double[] x, double[] expected) {
        double[] actual = switch ((String) a.get("kind")) {
            case "butter" -> ZeroPhase.apply(IirDesign.butterworth((int) number(a.get("order")),
                    Band.valueOf(((String) a.get("band")).toUpperCase(Locale.ROOT)), sfreq, (double[]) a.get("cutoffs")), x);
            case "butter_causal" -> IirDesign.butterworth((int) number(a.get("order")),
                    Band.valueOf(((String) a.get("band")).toUpperCase(Locale.ROOT)), sfreq, (double[]) a.get("cutoffs"))
                    .filterCausal(x);
            case "notch_causal" -> IirDesign.notch(number(a.get("f0")), number(a.get("q")), sfreq).filterCausal(x);
            case "notch" -> ZeroPhase.apply(IirDesign.notch(number(a.get("f0")), number(a.get("q")), sfreq), x);
            case "mne_fir" -> FirFilter.mne(sfreq, optional(a.get("l_freq")), optional(a.get("h_freq"))).apply(x);
            case "resample" -> new PolyphaseResampler((int) number(a.get("up")), (int) number(a.get("down"))).apply(x);
            case "detrend" -> Detrend.linear(x);
            case "cheby1" -> ZeroPhase.apply(IirDesign.chebyshev1((int) number(a.get("order")), number(a.get("ripple")),
                    Band.valueOf(((String) a.get("band")).toUpperCase(Locale.ROOT)), sfreq, (double[]) a.get("cutoffs")), x);
            case "decimate" -> new Decimator((int) number(a.get("q"))).apply(x);
            case "mne_notch" -> FirFilter.mneNotch(sfreq, (double[]) a.get("freqs")).apply(x);
            default -> throw new AssertionError("unknown case kind " + a.get("kind"));
        };
        assertEquals(expected.length, actual.length, "length");
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        double error = worst;
        double tolerance = 1e-6 * max;
        assertTrue(error <= tolerance, () -> "max abs error " + error + " > " + tolerance);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : ((Number) java.lang.reflect.Array.get(value, 0)).doubleValue();
    }

    private static Double optional(Object value) {
        double v = number(value);
        return Double.isNaN(v) ? null : v;
    }
}
