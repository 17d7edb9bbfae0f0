package org.neurodec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurodec.experiments.SharedEncoderWorkflow;
import org.neurodec.experiments.TrialSplits;
import org.neurodec.encoders.EncoderException;
import org.neurodec.encoders.Evaluation;
import org.neurodec.encoders.ModelFolder;
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
import picocli.CommandLine.Spec;

/** {@code neurodec train}: one shared encoder with an adapter per subject, trained on a BIDS dataset. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a shared cross-subject encoder: an adapter per subject into a shared space, one backbone,",
            "and heads for the targets given (contrastive and regression for --features, a classifier for classes).",
            "Trials are split into train, validation (early stopping) and test parts: by stimulus when there are",
            "features (test stimuli are never trained on), else by trial. Prints each subject's test scores with",
            "chance and writes the model folder (architecture, subjects, provenance, parameters) atomically."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EncoderInput input;

    @Option(names = "--subjects", split = ",", paramLabel = "ID,...",
            description = "subjects to train on (default: every subject with recordings of the modality)")
    private List<String> subjects;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL", description = "the model folder to write")
    private Path out;

    @Mixin
    private OutputOptions output;

    @Mixin
    private TrainingOptions training;

    @Mixin
    private DeviceOption device;

    @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "share of stimuli (or trials) held out for the test scores (default: ${DEFAULT-VALUE})")
    private double testFraction;

    @Option(names = "--validation-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "share held out to pick the best epoch (default: ${DEFAULT-VALUE})")
    private double validationFraction;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "rewrite a resumable checkpoint in DIR after every epoch")
    private Path checkpoint;

    @Option(names = "--resume", description = "continue from the checkpoint in --checkpoint when there is one")
    private boolean resume;

    @Override
    public Integer call() {
        if (resume && checkpoint == null) {
            throw new EncoderException("--resume: expected --checkpoint DIR to resume from, found none");
        }
        if (testFraction < 0 || validationFraction <= 0 || testFraction + validationFraction >= 1) {
            throw new EncoderException("--test-fraction and --validation-fraction: expected 0 <= test, 0 < validation and"
                    + " test + validation < 1, found " + testFraction + " and " + validationFraction);
        }
        ai.djl.Device where = device.device();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> inputs = new ArrayList<>(input.inputs());
        if (checkpoint != null) {
            inputs.add(checkpoint);
        }
        try (OutputTarget target = output.claim("--out", out, OutputTarget.Kind.folder("model"), inputs, err)) {
            if (checkpoint == null) {
                return train(where, err);
            }
            List<Path> besides = new ArrayList<>(input.inputs());
            besides.add(out);
            // a checkpoint is rewritten every epoch: an earlier one is replaced only when resumed or with --overwrite
            try (OutputTarget checkpoints = OutputTarget.claim("--checkpoint", checkpoint, OutputTarget.Kind.folder("model"),
                    resume || output.overwrite, besides)) {
                return train(where, err);
            }
        }
    }

    private int train(ai.djl.Device where, PrintWriter err) {
        input.checkInputs();
        List<String> ids = subjects != null ? subjects : input.source().subjects();
        List<Map.Entry<TrialSet, Subject>> loaded = new ArrayList<>();
        List<String> stimuli = new ArrayList<>();
        for (String id : ids) {
            err.println("reading sub-" + id + " ...");
            err.flush();
            loaded.add(input.load(id, line -> { }));
            stimuli.addAll(loaded.get(loaded.size() - 1).getKey().stimuli());
        }
        Targets targets = input.targets(stimuli);
        SharedEncoderWorkflow.Cohort cohort = SharedEncoderWorkflow.Cohort.of(loaded, targets, testFraction, validationFraction,
                training.seed, EvaluationTable.progress(err));
        TrialSplits splits = cohort.splits();
        try (SharedEncoderWorkflow.Trained trained = SharedEncoderWorkflow.train(cohort, training.config(), where,
                EvaluationTable.progress(err), checkpoint, resume)) {
            SharedEncoder encoder = trained.encoder();
            TrainingReport report = trained.report();
            List<Evaluation> scores = new ArrayList<>();
            for (TrialSet test : cohort.part("test")) {
                if (test.trials() > 0) {
                    scores.add(Evaluation.of(encoder, targets, test));
                }
            }
            org.neurodec.Provenance provenance = Provenance.command("train", spec.commandLine().getParseResult().originalArgs())
                    .withInputs(input.targetFiles()).with("input", input.provenance())
                    .with("split", splits.provenance()).with("config", training.config()).withSeed("training", training.seed)
                    .with("training", summary(report)).with("test", scores);
            ModelFolder.save(encoder, out, provenance.toMap());
            EvaluationTable.finish(scores, out, spec.commandLine().getOut());
        }
        return 0;
    }

    static Map<String, Object> summary(TrainingReport report) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("metric", report.metric());
        p.put("epochs", report.losses().size());
        p.put("best_epoch", report.bestEpoch() + 1);
        p.put("losses", report.losses());
        p.put("validation", report.validation());
        p.put("seconds", report.seconds());
        return p;
    }
}
