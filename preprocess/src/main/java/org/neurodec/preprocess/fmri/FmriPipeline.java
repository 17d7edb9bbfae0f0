package org.neurodec.preprocess.fmri;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.neurodec.ingest.events.Events;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.VoxelMask;
import org.neurodec.preprocess.PreprocessException;

/**
 * The fMRI pipeline of one run: mask, clean, single-trial betas, then optionally z-scoring per
 * session and averaging repetitions. Built in Java or read from the {@code fmri} entry of a YAML
 * {@code preprocess} section:
 *
 * <pre>{@code
 * preprocess:
 *   fmri: {mask: brain_mask.nii.gz, betas: lss, high_pass: 0.01, standardize: zscore,
 *          zscore_betas: true, average_repetitions: false}
 * }</pre>
 *
 * A relative mask path is taken relative to the YAML file.
 *
 * @param mask the mask image (non-zero voxels are kept)
 * @param estimator how betas are estimated
 * @param zscoreBetas z-score the betas within the session
 * @param averageRepetitions average the betas of repeated stimuli
 */
public record FmriPipeline(Path mask, RunBetas estimator, boolean zscoreBetas, boolean averageRepetitions) {

    private static final List<String> KEYS = List.of("mask", "betas", "high_pass", "standardize", "zscore_betas",
            "average_repetitions");

    /** The pipeline in the {@code fmri} entry of {@code section}, the {@code preprocess} section of {@code file}. */
    public static FmriPipeline fromSection(Path file, JsonNode section) {
        JsonNode fmri = section == null ? null : section.get("fmri");
        if (fmri == null || !fmri.isObject()) {
            throw new PreprocessException(file + ": field 'preprocess.fmri': expected the fMRI steps, found none");
        }
        fmri.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new PreprocessException(file + ": field 'preprocess.fmri': expected one of " + KEYS + ", found " + k);
            }
        });
        if (!fmri.hasNonNull("mask")) {
            throw new PreprocessException(file + ": field 'preprocess.fmri.mask': expected a mask image, found none");
        }
        Path mask = file.toAbsolutePath().getParent().resolve(fmri.get("mask").asText());
        return new FmriPipeline(mask, new RunBetas(fmri.path("betas").asText("lsa"), fmri.path("high_pass").asDouble(0.01),
                fmri.path("standardize").asText("zscore")), fmri.path("zscore_betas").asBoolean(false),
                fmri.path("average_repetitions").asBoolean(false));
    }

    /** Runs the pipeline on one run with its trials. */
    public TrialBetas run(NiftiImage bold, Events trials, OptionalDouble sidecarTr, String session) {
        TrialBetas betas = estimator.estimate(bold, voxels(), trials, sidecarTr, session);
        if (zscoreBetas) {
            betas = betas.zscoredPerSession();
        }
        return averageRepetitions ? betas.averagedByStimulus() : betas;
    }

    /** The mask's voxels. */
    public VoxelMask voxels() {
        return VoxelMask.nonZero(NiftiImage.open(mask));
    }

    /** Every parameter, for provenance. */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mask", mask.toString());
        p.putAll(estimator.parameters());
        p.put("zscore_betas", zscoreBetas);
        p.put("average_repetitions", averageRepetitions);
        return p;
    }
}
