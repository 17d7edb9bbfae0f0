package org.neurodec.preprocess.fmri;

import java.util.ArrayList;
import java.util.List;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;

/**
 * A first-level design: one HRF-convolved regressor per trial type (and, on request, its time
 * derivative), then the cosine drift basis with its constant. Frames × columns, with column names.
 */
public final class DesignMatrix {

    private final double[][] values;
    private final List<String> names;

    private DesignMatrix(double[][] values, List<String> names) {
        this.values = values;
        this.names = List.copyOf(names);
    }

    /**
     * The design for {@code events} at {@code frameTimes}: a column per trial type in sorted order
     * (named by it), its derivative after it when {@code derivatives} (named "TYPE_derivative"),
     * then "drift_1" … and "constant".
     */
    public static DesignMatrix of(double[] frameTimes, Events events, Hrf hrf, boolean derivatives, double highPassHz) {
        List<double[]> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String type : events.trialTypes()) {
            List<Event> ofType = events.ofType(type).list();
            columns.add(Regressors.convolved(ofType, frameTimes, hrf));
            names.add(type);
            if (derivatives) {
                columns.add(Regressors.convolvedDerivative(ofType, frameTimes, hrf));
                names.add(type + "_derivative");
            }
        }
        double[][] drift = Drift.cosine(frameTimes, highPassHz);
        for (int k = 0; k < drift[0].length; k++) {
            names.add(k == drift[0].length - 1 ? "constant" : "drift_" + (k + 1));
        }
        double[][] values = new double[frameTimes.length][columns.size() + drift[0].length];
        for (int t = 0; t < frameTimes.length; t++) {
            for (int c = 0; c < columns.size(); c++) {
                values[t][c] = columns.get(c)[t];
            }
            System.arraycopy(drift[t], 0, values[t], columns.size(), drift[t].length);
        }
        return new DesignMatrix(values, names);
    }

    /** Column names, in order. */
    public List<String> names() {
        return names;
    }

    /** Number of frames (rows). */
    public int frames() {
        return values.length;
    }

    /** A copy of one column. */
    public double[] column(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns: " + names);
        }
        double[] out = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            out[t] = values[t][c];
        }
        return out;
    }

    /** A copy of the matrix, frames × columns. */
    public double[][] toArray() {
        double[][] copy = new double[values.length][];
        for (int t = 0; t < values.length; t++) {
            copy[t] = values[t].clone();
        }
        return copy;
    }
}
