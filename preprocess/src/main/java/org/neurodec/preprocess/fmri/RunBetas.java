package org.neurodec.preprocess.fmri;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.neurodec.ingest.events.Event;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.VoxelMask;
import org.neurodec.ingest.nifti.VoxelSeries;
import org.neurodec.preprocess.PreprocessException;

/**
 * Single-trial responses of one fMRI run end to end: the run masked (streamed, never whole in
 * memory), cleaned, and fitted trial by trial (LSA or LSS) with an SPM HRF and cosine drifts; each
 * trial labelled with its stimulus (stim_file, else trial_type) and the run's session.
 *
 * @param method "lsa" or "lss"
 * @param highPassHz cosine drift cutoff in Hz
 * @param standardize cleaning's standardisation before the fit ("none", "zscore" or "psc")
 */
public record RunBetas(String method, double highPassHz, String standardize) {

    /** Validates the method. */
    public RunBetas {
        if (!method.equals("lsa") && !method.equals("lss")) {
            throw PreprocessException.badParameter("method", "lsa or lss", method);
        }
        new Cleaning(false, highPassHz, standardize);
    }

    /** The betas of {@code run} under {@code mask} for the {@code trials}; the TR from the sidecar if given. */
    public TrialBetas estimate(NiftiImage run, VoxelMask mask, Events trials, OptionalDouble sidecarTr, String session) {
        double[] frames = FrameTimes.of(run.header(), sidecarTr);
        Drift.cosine(frames, highPassHz);
        if (trials.size() == 0) {
            throw PreprocessException.badParameter("events", "at least one trial", "none");
        }
        VoxelSeries series = run.mask(mask);
        double[][] data = new double[series.times()][series.voxels()];
        for (int t = 0; t < series.times(); t++) {
            float[] row = series.sample(t);
            for (int v = 0; v < row.length; v++) {
                data[t][v] = row[v];
            }
        }
        double[][] clean = new Cleaning(false, Double.NaN, standardize).apply(data, frames, null);
        double[][] betas = method.equals("lsa") ? SingleTrialBetas.lsa(clean, frames, trials, Hrf.spm(), highPassHz)
                : SingleTrialBetas.lss(clean, frames, trials, Hrf.spm(), highPassHz);
        List<String> stimuli = new ArrayList<>();
        for (Event e : trials.list()) {
            stimuli.add(e.stimFile().isEmpty() ? e.trialType() : e.stimFile());
        }
        return TrialBetas.of(betas, stimuli, java.util.Collections.nCopies(betas.length, session));
    }

    /** Parameters for provenance. */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("method", method);
        p.put("hrf", "spm");
        p.put("high_pass_hz", highPassHz);
        p.put("standardize", standardize);
        return p;
    }
}
