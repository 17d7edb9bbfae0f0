package org.neurodec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.neurodec.encoders.EncoderException;
import org.neurodec.encoders.Evaluation;
import org.neurodec.encoders.ModelFolder;
import org.neurodec.encoders.NewSubject;
import org.neurodec.encoders.SharedEncoder;
import org.neurodec.encoders.Targets;
import org.neurodec.encoders.TrainingReport;
import org.neurodec.ingest.OutputTarget;
import org.neurodec.subjects.Subject;
import org.neurodec.subjects.TrialSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec adapt}: a new subject's adapter fitted to a trained model's frozen backbone. */
@Command(name = "adapt", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a new subject's adapter with the backbone and heads frozen: a closed-form ridge map onto the",
            "model's stimulus prototypes from the first K calibration trials, then gradient epochs on the adapter alone.",
            "When the model was trained with a stimulus split, calibration trials come from its training stimuli and",
            "the scores from its test stimuli; otherwise the trials after the first K are scored. The input model is",
            "left as it was; the model with the new subject is written to --out."})
final class AdaptCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the trained model folder")
    private Path model;

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "the new subject's BIDS label")
    private String subject;

    @Mixin
    private EncoderInput input;

    @Option(names = {"-k", "--calibration-trials"}, paramLabel = "K",
            description = "calibration trials, the first K in recording order (default: all that are not scored)")
    private Integer calibrationTrials;

    @Option(names = "--epochs", defaultValue = "20", paramLabel = "N",
            description = "gradient epochs after the closed-form fit; 0 for the closed form only (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Mixin
    private DeviceOption device;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL_OUT",
            description = "the model folder to write, with the new subject added")
    private Path out;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() throws IOException {
        if (epochs < 0) {
            throw new EncoderException("--epochs: expected 0 or more, found " + epochs);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Path> inputs = new ArrayList<>(input.inputs());
        inputs.add(model);
        try (OutputTarget target = output.claim("--out", out, OutputTarget.Kind.folder("model"), inputs, err)) {
            return adapt(err);
        }
    }

    private int adapt(PrintWriter err) throws IOException {
        try (SharedEncoder encoder = ModelFolder.load(model, device.device())) {
            String modality = encoder.layout().modality().name().toLowerCase(java.util.Locale.ROOT);
            if (spec.commandLine().getParseResult().hasMatchedOption("--modality") && !input.modality.equals(modality)) {
                throw new EncoderException("--modality: the model " + model + " reads " + modality + ", found " + input.modality);
            }
            input.modality = modality;
            if (encoder.registry().contains(subject)) {
                throw new EncoderException("--subject " + subject + ": expected a subject new to " + model
                        + ", found it among its subjects");
            }
            input.checkInputs();
            err.println("reading sub-" + subject + " ...");
            err.flush();
            Map.Entry<TrialSet, Subject> loaded = input.load(subject, line -> { });
            TrialSet all = loaded.getKey();
            Targets targets = input.targets(all.stimuli());
            checkTargets(encoder, targets);
            Set<String> testStimuli = new TreeSet<>();
            encoder.registry().list().forEach(s -> testStimuli.addAll(s.splits().getOrDefault("test", List.of())));
            int[] pool = IntStream.range(0, all.trials())
                    .filter(t -> testStimuli.isEmpty() || !testStimuli.contains(all.stimuli().get(t))).toArray();
            int k = calibrationTrials == null ? (testStimuli.isEmpty() ? pool.length / 2 : pool.length) : calibrationTrials;
            if (k < 2 || k > pool.length) {
                throw new EncoderException("--calibration-trials: expected 2.." + pool.length + " (trials of sub-" + subject
                        + " available for calibration), found " + k);
            }
            TrialSet calibration = all.select(java.util.Arrays.copyOf(pool, k));
            int[] scored = testStimuli.isEmpty() ? java.util.Arrays.copyOfRange(pool, k, pool.length)
                    : IntStream.range(0, all.trials()).filter(t -> testStimuli.contains(all.stimuli().get(t))).toArray();
            Map<String, List<String>> splits = new LinkedHashMap<>();
            splits.put("calibration", calibration.stimuli().stream().distinct().sorted().toList());
            TrialSet test = all.select(scored);
            splits.put("test", test.stimuli().stream().distinct().sorted().toList());
            err.printf("fitting the adapter of sub-%s on %d calibration trials (%d epochs)%n", subject, k, epochs);
            TrainingReport report = NewSubject.adapt(encoder, loaded.getValue().withSplits(splits), calibration, targets,
                    epochs, EvaluationTable.progress(err));
            List<Evaluation> scores = test.trials() == 0 ? List.of() : List.of(Evaluation.of(encoder, targets, test));
            Map<String, Object> provenance = previousProvenance();
            Map<String, Object> step = Provenance.command("adapt", spec.commandLine().getParseResult().originalArgs())
                    .withInput("model", model.resolve("parameters.bin"))
                    .withInputs(input.targetFiles()).with("subject", subject)
                    .with("input", input.provenance()).with("calibration_trials", k).with("training", TrainCommand.summary(report))
                    .with("test", scores).toMap();
            @SuppressWarnings("unchecked")
            List<Object> steps = (List<Object>) provenance.computeIfAbsent("adaptations", key -> new ArrayList<>());
            steps.add(step);
            ModelFolder.save(encoder, out, provenance);
            EvaluationTable.finish(scores, out, spec.commandLine().getOut());
        }
        return 0;
    }

    private static void checkTargets(SharedEncoder encoder, Targets targets) {
        SharedEncoder.Layout layout = encoder.layout();
        if (targets.hasFeatures() && targets.featureDim() != layout.featureDim()) {
            throw new EncoderException("--features: the model predicts " + layout.featureDim() + " features, found "
                    + targets.featureDim());
        }
        if (targets.hasClasses() && !targets.classNames().equals(layout.classes())) {
            throw new EncoderException("classes: the model knows " + layout.classes() + ", found " + targets.classNames());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> previousProvenance() throws IOException {
        Map<String, Object> json = new ObjectMapper().readValue(Files.readString(model.resolve("model.json")), Map.class);
        Object previous = json.get("provenance");
        return previous instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
    }
}
