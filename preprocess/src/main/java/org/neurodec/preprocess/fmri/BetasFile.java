package org.neurodec.preprocess.fmri;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.neurodec.ingest.hdf5.Hdf5Writer;
import org.neurodec.ingest.nifti.VoxelMask;

/**
 * Writes single-trial betas as HDF5 that h5py reads and {@code TrialMatrices} reads back:
 * {@code betas} (trials × voxels, float32), {@code stimulus} and {@code session} (one per trial),
 * {@code voxel_index} (flat NIfTI indices of the mask) with the grid shape as attribute
 * {@code mask_shape}, and a {@code provenance} attribute (JSON).
 */
public final class BetasFile {

    private BetasFile() {
    }

    /** Writes {@code betas} to {@code out}, atomically. */
    public static void write(TrialBetas betas, VoxelMask mask, Map<String, Object> provenance, Path out) {
        float[] flat = new float[betas.trials() * betas.voxels()];
        for (int t = 0; t < betas.trials(); t++) {
            for (int v = 0; v < betas.voxels(); v++) {
                flat[t * betas.voxels() + v] = (float) betas.get(t, v);
            }
        }
        try {
            Hdf5Writer.create()
                    .dataset("betas", flat, betas.trials(), betas.voxels())
                    .dataset("stimulus", betas.stimuli().toArray(String[]::new))
                    .dataset("session", betas.sessions().toArray(String[]::new))
                    .dataset("voxel_index", mask.indices())
                    .attribute("voxel_index", "mask_shape", mask.shape())
                    .attribute("/", "provenance", new ObjectMapper().writeValueAsString(provenance))
                    .write(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provenance is not serialisable", e);
        }
    }
}
