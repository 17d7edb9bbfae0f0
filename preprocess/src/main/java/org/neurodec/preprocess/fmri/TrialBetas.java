package org.neurodec.preprocess.fmri;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurodec.preprocess.PreprocessException;

/**
 * Single-trial responses: trials × voxels, each trial labelled with its stimulus id and its session.
 * Immutable; {@link #zscoredPerSession()} and {@link #averagedByStimulus()} return new values.
 */
public final class TrialBetas {

    private final double[][] values;
    private final List<String> stimuli;
    private final List<String> sessions;

    private TrialBetas(double[][] values, List<String> stimuli, List<String> sessions) {
        this.values = values;
        this.stimuli = List.copyOf(stimuli);
        this.sessions = List.copyOf(sessions);
    }

    /** Betas (copied) with one stimulus id and one session label per trial. */
    public static TrialBetas of(double[][] betas, List<String> stimuli, List<String> sessions) {
        if (betas.length != stimuli.size() || betas.length != sessions.size()) {
            throw PreprocessException.badParameter("labels", betas.length + " stimulus ids and sessions, one per trial",
                    stimuli.size() + " stimulus ids and " + sessions.size() + " sessions");
        }
        double[][] copy = new double[betas.length][];
        for (int i = 0; i < betas.length; i++) {
            copy[i] = betas[i].clone();
        }
        return new TrialBetas(copy, stimuli, sessions);
    }

    /** Number of trials. */
    public int trials() {
        return values.length;
    }

    /** Number of voxels. */
    public int voxels() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The beta of trial {@code t} at voxel {@code v}. */
    public double get(int t, int v) {
        return values[t][v];
    }

    /** The stimulus id of each trial. */
    public List<String> stimuli() {
        return stimuli;
    }

    /** The session of each trial. */
    public List<String> sessions() {
        return sessions;
    }

    /** Each voxel z-scored (population std) within each session separately. */
    public TrialBetas zscoredPerSession() {
        double[][] out = new double[values.length][];
        for (String session : new java.util.LinkedHashSet<>(sessions)) {
            List<Integer> rows = new ArrayList<>();
            for (int t = 0; t < values.length; t++) {
                if (sessions.get(t).equals(session)) {
                    rows.add(t);
                }
            }
            for (int t : rows) {
                out[t] = new double[voxels()];
            }
            for (int v = 0; v < voxels(); v++) {
                double mean = 0;
                for (int t : rows) {
                    mean += values[t][v];
                }
                mean /= rows.size();
                double var = 0;
                for (int t : rows) {
                    var += (values[t][v] - mean) * (values[t][v] - mean);
                }
                double sd = Math.sqrt(var / rows.size());
                for (int t : rows) {
                    out[t][v] = sd == 0 ? 0 : (values[t][v] - mean) / sd;
                }
            }
        }
        return new TrialBetas(out, stimuli, sessions);
    }

    /** One row per stimulus (in order of first appearance): the mean of its repetitions; session "all". */
    public TrialBetas averagedByStimulus() {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int t = 0; t < values.length; t++) {
            rows.computeIfAbsent(stimuli.get(t), k -> new ArrayList<>()).add(t);
        }
        double[][] out = new double[rows.size()][voxels()];
        List<String> ids = new ArrayList<>(rows.keySet());
        for (int i = 0; i < ids.size(); i++) {
            List<Integer> repetitions = rows.get(ids.get(i));
            for (int t : repetitions) {
                for (int v = 0; v < voxels(); v++) {
                    out[i][v] += values[t][v] / repetitions.size();
                }
            }
        }
        return new TrialBetas(out, ids, java.util.Collections.nCopies(ids.size(), "all"));
    }
}
