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
        if (args.length == 0 || !args[0].equals("batch")) {
            return Main.run(args);
        }
        return commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
    }

    /** The batch command's command line: input errors print one line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BatchCommand());
        cli.setCommandName("neurodec batch");
        cli.setUsageHelpWidth(120);
        cli.setExecutionExceptionHandler(Main.INPUT_ERRORS);
        return cli;
    }
}
