package org.neurodec.preprocess.pipeline;

import java.util.List;
import java.util.Map;
import org.neurodec.ingest.eeg.Channel;
import org.neurodec.ingest.eeg.Signals;

/** One step of a continuous-signal {@link Pipeline}: a pure function of the signals, with its parameters. */
public interface Step {

    /** The step's name as YAML and provenance write it, for example {@code "filter"}. */
    String name();

    /** Every parameter, for provenance. */
    Map<String, Object> parameters();

    /** Checks the parameters against the data before any work starts (a cutoff above Nyquist, say). */
    void check(double sfreq, List<Channel> channels);

    /** The signals after this step. */
    Signals apply(Signals signals, List<Channel> channels);
}
