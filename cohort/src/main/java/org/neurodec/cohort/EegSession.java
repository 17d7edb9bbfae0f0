package org.neurodec.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.neurodec.ingest.eeg.Annotation;
import org.neurodec.ingest.eeg.edf.EdfWriter;

/**
 * One subject's EEG session at 128 Hz: a montage drawn from the pool, {@link #SOURCES} cortical
 * sources whose amplitudes follow the neural code through a mapping shared by everyone, a forward
 * model from sources to electrodes that depends on where they sit plus a perturbation of the subject's
 * own, latencies shifted by up to ±15 ms per subject, AR(1) background noise and a slow drift.
 */
final class EegSession {

    /** Sampling rate of every EEG file. */
    static final int SFREQ = 128;
    /** How many evoked sources there are. */
    static final int SOURCES = 6;
    private static final double EVOKED_VOLTS = 5e-6;

    private final CohortSpec spec;
    private final List<Integer> montage;
    private final double[][] forward;
    private final double[] latencies;
    private final double[] widths;
    private final double[][] sourceMapping;

    private EegSession(CohortSpec spec, List<Integer> montage, double[][] forward, double[] latencies, double[] widths,
            double[][] sourceMapping) {
        this.spec = spec;
        this.montage = montage;
        this.forward = forward;
        this.latencies = latencies;
        this.widths = widths;
        this.sourceMapping = sourceMapping;
    }

    static EegSession draw(CohortSpec spec, Random random) {
        Random shared = new Random(spec.seed() ^ 0xEE6L);
        double[][] sourcePositions = new double[SOURCES][];
        double[] latencies = new double[SOURCES];
        double[] widths = new double[SOURCES];
        for (int p = 0; p < SOURCES; p++) {
            sourcePositions[p] = Montage.position(shared.nextInt(Montage.POOL.size()));
            latencies[p] = 0.08 + 0.32 * p / (SOURCES - 1.0);
            widths[p] = 0.03 + 0.03 * shared.nextDouble();
        }
        double[][] sourceMapping = Matrices.gaussian(shared, SOURCES, spec.codeDim(), 1.0 / Math.sqrt(spec.codeDim()));
        int count = spec.minChannels() + random.nextInt(spec.maxChannels() - spec.minChannels() + 1);
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < Montage.POOL.size(); i++) {
            pool.add(i);
        }
        Collections.shuffle(pool, random);
        List<Integer> montage = new ArrayList<>(pool.subList(0, count));
        Collections.sort(montage);
        double[][] forward = new double[count][SOURCES];
        for (int c = 0; c < count; c++) {
            double[] e = Montage.position(montage.get(c));
            for (int p = 0; p < SOURCES; p++) {
                double d2 = 0;
                for (int k = 0; k < 3; k++) {
                    d2 += (e[k] - sourcePositions[p][k]) * (e[k] - sourcePositions[p][k]);
                }
                forward[c][p] = Math.exp(-d2 / 0.8) + 0.3 * random.nextGaussian();
            }
        }
        double shift = 0.015 * (2 * random.nextDouble() - 1);
        double[] own = latencies.clone();
        for (int p = 0; p < SOURCES; p++) {
            own[p] += shift;
        }
        return new EegSession(spec, List.copyOf(montage), forward, own, widths, sourceMapping);
    }

    List<String> channels() {
        return montage.stream().map(Montage.POOL::get).toList();
    }

    /** Writes the EDF, events and sidecars of subject {@code id}. */
    void write(Path root, String id, Stimuli stimuli, double[][] codes, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < spec.eegRepetitions(); r++) {
            for (int i = 0; i < stimuli.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, random);
        List<Annotation> annotations = new ArrayList<>();
        StringBuilder events = new StringBuilder("onset\tduration\ttrial_type\tstim_file\tsample\n");
        double[] onsets = new double[order.size()];
        double t = 2.0;
        for (int k = 0; k < order.size(); k++) {
            long sample = Math.round(t * SFREQ);
            onsets[k] = sample / (double) SFREQ;
            int i = order.get(k);
            annotations.add(new Annotation(onsets[k], 0, stimuli.ids().get(i)));
            events.append(String.format(Locale.ROOT, "%.6f\t0\t%s\t%s\t%d%n", onsets[k], stimuli.kind(i),
                    stimuli.file(i), sample));
            t += 0.8 + 0.3 * random.nextDouble();
        }
        int samples = (int) (Math.ceil(t + 2) * SFREQ);
        int channels = montage.size();
        double[][] volts = new double[channels][samples];
        double noise = EVOKED_VOLTS / spec.eegSnr();
        for (int k = 0; k < order.size(); k++) {
            double[] amplitude = Matrices.times(sourceMapping, codes[order.get(k)]);
            int first = (int) Math.round(onsets[k] * SFREQ);
            for (int n = 0; n < SFREQ; n++) {
                double time = n / (double) SFREQ;
                for (int p = 0; p < SOURCES; p++) {
                    double wave = EVOKED_VOLTS * amplitude[p] * Math.exp(-0.5 * Math.pow((time - latencies[p]) / widths[p], 2));
                    for (int c = 0; c < channels; c++) {
                        volts[c][first + n] += forward[c][p] * wave;
                    }
                }
            }
        }
        double phi = 0.9;
        for (int c = 0; c < channels; c++) {
            double state = 0;
            double drift = 2 * Math.PI * random.nextDouble();
            for (int n = 0; n < samples; n++) {
                state = phi * state + Math.sqrt(1 - phi * phi) * random.nextGaussian();
                volts[c][n] += noise * state + 2e-6 * Math.sin(2 * Math.PI * 0.05 * n / SFREQ + drift);
            }
        }
        String base = "sub-" + id + "/eeg/sub-" + id + "_task-" + Cohort.TASK;
        EdfWriter.create(channels(), SFREQ).physicalRange(-500e-6, 500e-6).annotations(annotations)
                .write(root.resolve(base + "_eeg.edf"), volts);
        Texts.write(root.resolve(base + "_events.tsv"), events.toString());
        StringBuilder table = new StringBuilder("name\ttype\tunits\n");
        for (String name : channels()) {
            table.append(name).append("\tEEG\tV\n");
        }
        Texts.write(root.resolve(base + "_channels.tsv"), table.toString());
        Texts.write(root.resolve(base + "_eeg.json"), String.format(Locale.ROOT,
                "{\"SamplingFrequency\": %d, \"TaskName\": \"%s\", \"EEGReference\": \"n/a\", \"PowerLineFrequency\": 50}%n",
                SFREQ, Cohort.TASK));
    }
}
