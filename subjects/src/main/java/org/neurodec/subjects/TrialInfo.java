package org.neurodec.subjects;

/**
 * What is known of one trial besides its values.
 *
 * @param subject the subject's id ("" when the data name none)
 * @param session the BIDS session, or the HDF5 group the trial was read from ("" when none)
 * @param run the run (BIDS) or recording file the trial came from ("" when none)
 * @param label the trial's class as recorded: an event's condition or trial type, an HDF5 label ("" when none)
 * @param stimulus the stimulus id: the stem of a BIDS {@code stim_file}, else the condition or the trial's index
 * @param source the file name the trial was read from
 * @param heldOut whether the data fix this trial in the test set (an HDF5 {@code test} group)
 */
public record TrialInfo(String subject, String session, String run, String label, String stimulus, String source,
        boolean heldOut) {

    /** Refuses missing fields: every field is a string, "" when unknown. */
    public TrialInfo {
        if (subject == null || session == null || run == null || label == null || stimulus == null || source == null) {
            throw new SubjectsException("trial of subject " + subject + ": expected every field, \"\" when unknown, found a null");
        }
    }
}
