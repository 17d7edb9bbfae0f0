package org.neurodec.cohort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic cohort written as a BIDS dataset: {@code stimuli/} (PNG images, word files,
 * {@code stimuli.tsv}, {@code features.csv}), per subject an fMRI session (NIfTI runs with
 * {@code events.tsv} and sidecars, a mask under {@code derivatives/masks/}) and an EEG session (EDF
 * with annotations, {@code events.tsv}, {@code channels.tsv}), {@code participants.tsv} and
 * {@code cohort.json} with the spec and each subject's truth.
 *
 * <pre>{@code
 * Cohort cohort = Cohort.generate(CohortSpec.defaults(), Path.of("cohort"));
 * }</pre>
 */
public final class Cohort {

    /** The BIDS task name of every run. */
    public static final String TASK = "view";

    /** What was drawn for one subject. */
    public record Subject(String id, int voxels, double hrfDelay, List<String> channels, boolean inconsistent) {
    }

    private final Path root;
    private final CohortSpec spec;
    private final Stimuli stimuli;
    private final List<Subject> subjects;

    private Cohort(Path root, CohortSpec spec, Stimuli stimuli, List<Subject> subjects) {
        this.root = root;
        this.spec = spec;
        this.stimuli = stimuli;
        this.subjects = List.copyOf(subjects);
    }

    /** Draws the cohort of {@code spec} and writes it under {@code root} (created if needed). */
    public static Cohort generate(CohortSpec spec, Path root) {
        Stimuli stimuli = Stimuli.generate(spec);
        stimuli.write(root.resolve("stimuli"));
        List<Subject> subjects = new ArrayList<>();
        StringBuilder participants = new StringBuilder("participant_id\tvoxels\tchannels\tinconsistent\n");
        for (int s = 0; s < spec.subjects(); s++) {
            String id = String.format(Locale.ROOT, "%02d", s + 1);
            Random random = new Random(spec.seed() * 1_000_003L + s);
            boolean inconsistent = s == spec.inconsistentSubject();
            double[][] codes = codes(spec, stimuli, random, inconsistent);
            FmriSession fmri = FmriSession.draw(spec, random);
            fmri.write(root, id, stimuli, codes, random);
            EegSession eeg = EegSession.draw(spec, random);
            eeg.write(root, id, stimuli, codes, random);
            subjects.add(new Subject(id, fmri.voxels(), fmri.hrfDelay(), eeg.channels(), inconsistent));
            participants.append("sub-").append(id).append('\t').append(fmri.voxels()).append('\t')
                    .append(eeg.channels().size()).append('\t').append(inconsistent).append('\n');
        }
        Texts.write(root.resolve("participants.tsv"), participants.toString());
        Texts.write(root.resolve("dataset_description.json"),
                "{\n  \"Name\": \"neurodec synthetic cohort\",\n  \"BIDSVersion\": \"1.8.0\",\n"
                        + "  \"DatasetType\": \"raw\",\n  \"GeneratedBy\": [{\"Name\": \"neurodec cohort\"}]\n}\n");
        Cohort cohort = new Cohort(root, spec, stimuli, subjects);
        cohort.writeManifest();
        return cohort;
    }

    /** The neural code each stimulus evokes in this subject: the shared one, or its own if inconsistent. */
    private static double[][] codes(CohortSpec spec, Stimuli stimuli, Random random, boolean inconsistent) {
        double[][] own = inconsistent
                ? Matrices.gaussian(random, spec.codeDim(), spec.latentDim(), 1.0 / Math.sqrt(spec.latentDim())) : null;
        double[][] codes = new double[stimuli.size()][];
        for (int i = 0; i < stimuli.size(); i++) {
            codes[i] = inconsistent ? Stimuli.code(own, stimuli.latent(i)) : stimuli.code(i);
        }
        return codes;
    }

    private void writeManifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("spec", spec);
        manifest.put("subjects", subjects);
        try {
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest);
            Texts.write(root.resolve("cohort.json"), json + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dataset's root folder. */
    public Path root() {
        return root;
    }

    /** The spec it was drawn from. */
    public CohortSpec spec() {
        return spec;
    }

    /** The stimuli and their truth. */
    public Stimuli stimuli() {
        return stimuli;
    }

    /** What was drawn for each subject, in order. */
    public List<Subject> subjects() {
        return subjects;
    }

    /** The mask of subject {@code id}'s voxels. */
    public Path mask(String id) {
        return mask(root, id);
    }

    static Path mask(Path root, String id) {
        return root.resolve("derivatives/masks/sub-" + id + "_mask.nii.gz");
    }
}
