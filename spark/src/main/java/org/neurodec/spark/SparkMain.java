package org.neurodec.spark;

import java.util.Arrays;
import org.neurodec.cli.Main;
import picocli.CommandLine;

/**
 * The {@code neurodec} command with Spark on its class path: {@code batch} runs here, every other
 * command is the single-machine one ({@link Main}). The {@code ./neurodec} script starts this only for
 * {@code batch}, so the everyday command stays light.
 */
public final class SparkMain {

    private SparkMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (0 ok, 1 bad input or a failed task, 2 bad usage). */
    public static int run(String... args) {
        if (args.length > 0 && args[0].equals("batch")) {
            return commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("preprocess") && Arrays.stream(args).anyMatch(a -> a.equals("--master")
                || a.startsWith("--master="))) {
            return preprocessCommandLine().execute(Arrays.copyOfRange(args, 1, args.length));
        }
        return Main.run(args);   // transfer --master finds Spark through org.neurodec.cli.DistributedTransfer
    }

    /** {@code neurodec preprocess BIDS_ROOT --master ...}'s command line. */
    public static CommandLine preprocessCommandLine() {
        return commandLine(new PreprocessCommand(), "neurodec preprocess");
    }

    /** The batch command's command line. */
    public static CommandLine commandLine() {
        return commandLine(new BatchCommand(), "neurodec batch");
    }

    /** {@code command}'s command line: input errors print one line, not a stack trace. */
    private static CommandLine commandLine(Object command, String name) {
        CommandLine cli = new CommandLine(command);
        cli.setCommandName(name);
        cli.setUsageHelpWidth(120);
        cli.setExecutionExceptionHandler(Main.INPUT_ERRORS);
        return cli;
    }
}
