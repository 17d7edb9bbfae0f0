package org.neurodec.benchmarks;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.neurodec.cohort.Cohort;
import org.neurodec.cohort.CohortSpec;
import org.neurodec.encoders.EncoderConfig;
import org.neurodec.encoders.Evaluation;
import org.neurodec.encoders.NewSubject;
import org.neurodec.encoders.SharedEncoder;
import org.neurodec.experiments.SharedEncoderWorkflow;
import org.neurodec.encoders.StimulusFeatures;
import org.neurodec.encoders.Targets;
import org.neurodec.encoders.TrainingReport;
import org.neurodec.subjects.Modality;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;
import org.neurodec.subjects.sources.BidsTrialSource;

/**
 * Interference between subjects on the synthetic fMRI cohort: the shared encoder trained on subjects
 * 01–04, where 04 is consistent with the others, responds through a code of its own (the cohort's
 * inconsistent subject), or has its training trials' stimulus labels permuted; each with and without
 * gradient surgery (PCGrad), over several seeds. Prints the mean backbone-gradient cosine between 04
 * and the others and among the others, the consistent subjects' test top-1, and a new subject's
 * (05) top-1 from an adapter fitted on 25 trials. Usage: {@code Interference [seeds]}.
 */
public final class Interference {

    private Interference() {
    }

    /** Runs the experiment and prints one row per condition. */
    public static void main(String[] args) throws IOException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf("%-10s %-7s %12s %12s %14s %12s%n", "subject 04", "PCGrad", "cos(04,.)", "cos(others)",
                "top-1 01-03", "new 05 k=25");
        for (String kind : List.of("consistent", "own-code", "permuted")) {
            CohortSpec spec = CohortSpec.defaults().withSubjects(5, kind.equals("own-code") ? 3 : -1);
            Path root = Files.createTempDirectory("neurodec-interference");
            Cohort cohort = Cohort.generate(spec, root);
            StimulusFeatures features = StimulusFeatures.readCsv(root.resolve("stimuli/features.csv"));
            Targets targets = Targets.of(features);
            BidsTrialSource source = BidsTrialSource.of(root, Modality.FMRI);
            List<TrialSet> all = new ArrayList<>();
            for (Cohort.Subject s : cohort.subjects()) {
                all.add(source.load(s.id(), line -> { }).trials());
            }
            List<String> ids = new ArrayList<>(cohort.stimuli().ids());
            Collections.shuffle(ids, new Random(spec.seed()));
            Set<String> test = new HashSet<>(ids.subList(0, ids.size() / 5));
            Set<String> validation = new HashSet<>(ids.subList(ids.size() / 5, ids.size() / 5 + ids.size() / 10));
            Set<String> held = new HashSet<>(test);
            held.addAll(validation);
            List<TrialSet> train = new ArrayList<>();
            List<TrialSet> valid = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                TrialSet t = part(all.get(s), held, false);
                train.add(kind.equals("permuted") && s == 3 ? permuted(t, new Random(99)) : t);
                valid.add(part(all.get(s), validation, true));
            }
            for (boolean surgery : new boolean[] {false, true}) {
                double[] sums = new double[4];
                for (int seed = 0; seed < seeds; seed++) {
                    double[] r = run(train, valid, all, test, targets, surgery, 42 + seed);
                    for (int i = 0; i < 4; i++) {
                        sums[i] += r[i] / seeds;
                    }
                }
                System.out.printf(Locale.ROOT, "%-10s %-7s %12.3f %12.3f %14.3f %12.3f%n", kind, surgery ? "on" : "off",
                        sums[0], sums[1], sums[2], sums[3]);
            }
        }
    }

    private static double[] run(List<TrialSet> train, List<TrialSet> valid, List<TrialSet> all, Set<String> test,
            Targets targets, boolean surgery, long seed) {
        List<Subject> subjects = train.stream().map(t -> Subject.of(t, List.of())).toList();
        EncoderConfig config = EncoderConfig.defaults().withSeed(seed).withGradientSurgery(surgery).withEpochs(40);
        try (SharedEncoderWorkflow.Trained trained = SharedEncoderWorkflow.train(train, valid, subjects,
                    targets, config, Device.cpu(), line -> { }, null, false)) {
            SharedEncoder encoder = trained.encoder();
            TrainingReport report = trained.report();
            double odd = 0;
            double others = 0;
            for (double[][] c : report.conflicts()) {
                odd += (c[3][0] + c[3][1] + c[3][2]) / 3 / report.conflicts().size();
                others += (c[0][1] + c[0][2] + c[1][2]) / 3 / report.conflicts().size();
            }
            double top1 = 0;
            for (int s = 0; s < 3; s++) {
                top1 += Evaluation.of(encoder, targets, part(all.get(s), test, true)).scores().get("top-1") / 3;
            }
            TrialSet newcomer = all.get(4);
            int[] pool = IntStream.range(0, newcomer.trials()).filter(t -> !test.contains(newcomer.stimuli().get(t))).toArray();
            TrialSet calibration = newcomer.select(java.util.Arrays.copyOf(pool, 25));
            NewSubject.adapt(encoder, Subject.of(calibration, List.of()), calibration, targets, 10, line -> { });
            double adapted = Evaluation.of(encoder, targets, part(newcomer, test, true)).scores().get("top-1");
            return new double[] {odd, others, top1, adapted};
        }
    }

    private static TrialSet part(TrialSet all, Set<String> set, boolean inSet) {
        return all.select(IntStream.range(0, all.trials()).filter(t -> set.contains(all.stimuli().get(t)) == inSet).toArray());
    }

    /** The same responses with their stimulus labels permuted among the trials' own stimuli. */
    private static TrialSet permuted(TrialSet t, Random random) {
        List<String> distinct = t.stimuli().stream().distinct().toList();
        List<String> shuffled = new ArrayList<>(distinct);
        Collections.shuffle(shuffled, random);
        Map<String, String> relabel = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            relabel.put(distinct.get(i), shuffled.get(i));
        }
        return TrialSet.wrapFmri(t.subject(), t.channels(), t.copyOfValues(), t.stimuli().stream().map(relabel::get).toList());
    }
}
