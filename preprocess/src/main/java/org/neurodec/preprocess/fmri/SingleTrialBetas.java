package org.neurodec.preprocess.fmri;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;
import org.neurodec.preprocess.PreprocessException;

/**
 * Single-trial response estimates from one fMRI run (frames × voxels): least-squares-all (one GLM with
 * a regressor per trial) or least-squares-separate (one GLM per trial, with that trial and all the
 * others as two regressors), both with cosine drift regressors. Betas are trials × voxels.
 */
public final class SingleTrialBetas {

    private SingleTrialBetas() {
    }

    /** Least-squares-all. */
    public static double[][] lsa(double[][] data, double[] frameTimes, Events trials, Hrf hrf, double highPassHz) {
        check(data, frameTimes, trials);
        List<double[]> columns = new ArrayList<>();
        for (Event e : trials.list()) {
            columns.add(Regressors.convolved(List.of(e), frameTimes, hrf));
        }
        double[][] betas = solve(design(columns, Drift.cosine(frameTimes, highPassHz)), data);
        return java.util.Arrays.copyOf(betas, trials.size());
    }

    /** Least-squares-separate. */
    public static double[][] lss(double[][] data, double[] frameTimes, Events trials, Hrf hrf, double highPassHz) {
        check(data, frameTimes, trials);
        double[][] drift = Drift.cosine(frameTimes, highPassHz);
        double[][] out = new double[trials.size()][];
        List<Event> all = trials.list();
        for (int i = 0; i < all.size(); i++) {
            List<Event> others = new ArrayList<>(all);
            others.remove(i);
            List<double[]> columns = List.of(Regressors.convolved(List.of(all.get(i)), frameTimes, hrf),
                    Regressors.convolved(others, frameTimes, hrf));
            out[i] = solve(design(columns, drift), data)[0];
        }
        return out;
    }

    private static void check(double[][] data, double[] frameTimes, Events trials) {
        if (data.length != frameTimes.length) {
            throw PreprocessException.badParameter("data", frameTimes.length + " frames (one per frame time)", data.length);
        }
        if (trials.size() == 0) {
            throw PreprocessException.badParameter("trials", "at least one event", 0);
        }
    }

    private static double[][] design(List<double[]> task, double[][] drift) {
        int n = drift.length;
        int columns = task.size() + drift[0].length;
        double[][] x = new double[n][columns];
        for (int t = 0; t < n; t++) {
            for (int c = 0; c < task.size(); c++) {
                x[t][c] = task.get(c)[t];
            }
            System.arraycopy(drift[t], 0, x[t], task.size(), drift[t].length);
        }
        return x;
    }

    /** Least-squares coefficients (regressors × voxels) of every voxel at once, by one QR decomposition. */
    private static double[][] solve(double[][] x, double[][] y) {
        if (x[0].length > x.length) {
            throw PreprocessException.badParameter("design", "no more regressors than frames (" + x.length + ")", x[0].length);
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(x, false));
        RealMatrix betas = qr.getSolver().solve(new Array2DRowRealMatrix(y, false));
        return betas.getData();
    }
}
