package org.neurodec.cli;

import org.neurodec.NeurodecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code neurodec} command: the entry point that dispatches to its subcommands. */
@Command(name = "neurodec",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Decode what a person saw or read from fMRI and EEG recordings.",
        subcommands = {InspectCommand.class, PreprocessCommand.class, CohortCommand.class, FeaturesCommand.class, TrainCommand.class, AdaptCommand.class,
            RunCommand.class, TransferCommand.class, NotebooksCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (0 ok, 1 bad input, 2 bad usage). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line: input errors print one line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setUsageHelpWidth(120);
        cli.setExecutionExceptionHandler(INPUT_ERRORS);
        return cli;
    }

    /**
     * How every neurodec command line reports a refusal of the user's input: one line naming the
     * file and the field, exit 1 (a stack trace only with NEURODEC_TRACE); anything else propagates.
     */
    public static final CommandLine.IExecutionExceptionHandler INPUT_ERRORS = (e, commandLine, parseResult) -> {
        if (e instanceof NeurodecException || e instanceof java.io.UncheckedIOException
                || e instanceof IllegalArgumentException) {
            // IllegalArgumentException: a value the user gave that a constructor refused, said in its message
            commandLine.getErr().println("neurodec: " + e.getMessage());
            if (System.getenv("NEURODEC_TRACE") != null) {
                e.printStackTrace(commandLine.getErr()); // for developers: where a refusal came from
            }
            return 1;
        }
        throw e;
    };

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"neurodec " + (version == null ? "development" : version)};
        }
    }
}
