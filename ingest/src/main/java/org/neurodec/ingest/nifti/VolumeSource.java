package org.neurodec.ingest.nifti;

import java.io.IOException;

/** Where the stored bytes of a NIfTI image's volumes come from: a mapped file or a decompressed stream. */
interface VolumeSource {

    /** Visits volumes {@code from} (inclusive) to {@code to} (exclusive) in order. */
    void scan(long from, long to, StoredVolumeVisitor visitor) throws IOException;
}
