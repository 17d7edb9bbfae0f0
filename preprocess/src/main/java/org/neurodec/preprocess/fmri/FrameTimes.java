package org.neurodec.preprocess.fmri;

import java.util.OptionalDouble;
import org.neurodec.ingest.nifti.NiftiHeader;
import org.neurodec.preprocess.PreprocessException;

/** The acquisition time of each volume of a run: frame i at i × TR seconds. */
public final class FrameTimes {

    private FrameTimes() {
    }

    /** Frames every {@code tr} seconds. */
    public static double[] of(int frames, double tr) {
        if (!(tr > 0) || Double.isInfinite(tr)) {
            throw PreprocessException.badParameter("repetition time", "a positive number of seconds", tr);
        }
        double[] times = new double[frames];
        for (int i = 0; i < frames; i++) {
            times[i] = i * tr;
        }
        return times;
    }

    /**
     * The frames of a NIfTI run: the TR from the BIDS sidecar when given, else from the header
     * (pixdim[4] in its time unit); a run with neither is refused before any work starts.
     */
    public static double[] of(NiftiHeader header, OptionalDouble sidecarTr) {
        double tr = sidecarTr.orElse(header.repetitionTimeSeconds());
        if (!(tr > 0) || Double.isNaN(tr)) {
            throw PreprocessException.badParameter("repetition time", "RepetitionTime in the sidecar or pixdim[4] > 0 in the"
                    + " header", "neither (pixdim[4] = " + header.pixdim()[4] + ")");
        }
        return of((int) header.volumeCount(), tr);
    }
}
