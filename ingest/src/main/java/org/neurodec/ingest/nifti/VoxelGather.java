package org.neurodec.ingest.nifti;

import java.nio.ByteBuffer;

/**
 * Copies the masked voxels of one stored volume into a float32 row, scaled: one tight loop per
 * data type, chosen once per image rather than once per voxel.
 */
interface VoxelGather {

    /** Writes {@code stored[indices[v]] * slope + inter} to {@code out[offset + v]} for every v. */
    void gather(ByteBuffer stored, int[] indices, float[] out, int offset);

    /** The gather loop for {@code type} with the given scaling. */
    static VoxelGather of(NiftiDataType type, double slope, double inter) {
        boolean identity = slope == 1.0 && inter == 0.0;
        return switch (type) {
            case INT16 -> identity
                    ? (b, idx, out, off) -> {
                        for (int v = 0; v < idx.length; v++) {
                            out[off + v] = b.getShort(idx[v] << 1);
                        }
                    }
                    : (b, idx, out, off) -> {
                        for (int v = 0; v < idx.length; v++) {
                            out[off + v] = (float) (b.getShort(idx[v] << 1) * slope + inter);
                        }
                    };
            case FLOAT32 -> identity
                    ? (b, idx, out, off) -> {
                        for (int v = 0; v < idx.length; v++) {
                            out[off + v] = b.getFloat(idx[v] << 2);
                        }
                    }
                    : (b, idx, out, off) -> {
                        for (int v = 0; v < idx.length; v++) {
                            out[off + v] = (float) (b.getFloat(idx[v] << 2) * slope + inter);
                        }
                    };
            default -> (b, idx, out, off) -> {
                for (int v = 0; v < idx.length; v++) {
                    out[off + v] = (float) (type.get(b, idx[v]) * slope + inter);
                }
            };
        };
    }
}
