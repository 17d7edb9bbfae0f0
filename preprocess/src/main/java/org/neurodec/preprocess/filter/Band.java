package org.neurodec.preprocess.filter;

/** Which frequencies a filter keeps. */
public enum Band {
    /** Below one cutoff. */
    LOWPASS,
    /** Above one cutoff. */
    HIGHPASS,
    /** Between two cutoffs. */
    BANDPASS,
    /** Outside two cutoffs. */
    BANDSTOP
}
