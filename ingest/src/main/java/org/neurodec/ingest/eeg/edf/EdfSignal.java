package org.neurodec.ingest.eeg.edf;

/**
 * One signal's header fields in an EDF or BDF file.
 *
 * @param label the 16-character label
 * @param transducer transducer type
 * @param physicalDimension the unit, for example {@code "uV"}
 * @param physicalMin physical minimum
 * @param physicalMax physical maximum
 * @param digitalMin digital minimum
 * @param digitalMax digital maximum
 * @param prefiltering prefiltering text
 * @param samplesPerRecord samples of this signal in each data record
 */
public record EdfSignal(String label, String transducer, String physicalDimension, double physicalMin,
        double physicalMax, double digitalMin, double digitalMax, String prefiltering, int samplesPerRecord) {

    /** Whether this is an EDF+/BDF+ annotation signal rather than a measured one. */
    public boolean isAnnotations() {
        return label.equals("EDF Annotations") || label.equals("BDF Annotations");
    }

    /** Physical units per digital step; 1 when either range is empty (as MNE does). */
    public double gain() {
        double physical = physicalMax - physicalMin;
        double digital = digitalMax - digitalMin;
        return (physical == 0 ? 1 : physical) / (!Double.isFinite(digital) || digital == 0 ? 1 : digital);
    }

    /** The physical value of digital 0. */
    public double offset() {
        return physicalMin - digitalMin * gain();
    }
}
