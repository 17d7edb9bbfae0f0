package org.neurodec.ingest.nifti;

import java.nio.ByteBuffer;

/**
 * Receives one volume's stored bytes during {@link NiftiImage#scan}: unscaled, in the file's byte
 * order, decoded with {@link NiftiDataType#get}; the buffer is valid only during the call.
 */
@FunctionalInterface
public interface StoredVolumeVisitor {

    /** Called once per volume, in order. */
    void visit(long volume, ByteBuffer stored);
}
