package org.neurodec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import org.neurodec.ingest.OutputTarget;
import picocli.CommandLine.Option;

/**
 * {@code --overwrite}, and the claim of a command's output through {@link OutputTarget}: every
 * command that writes checks its output here before it reads or computes anything.
 */
final class OutputOptions {

    @Option(names = "--overwrite", description = "replace an earlier neurodec output of the same kind at the output path"
            + " (never anything else)")
    boolean overwrite;

    /** Claims {@code out} for a {@code kind} output, telling {@code err} about leftovers of killed runs it removed. */
    OutputTarget claim(String option, Path out, OutputTarget.Kind kind, Collection<Path> inputs, PrintWriter err) {
        OutputTarget target = OutputTarget.claim(option, out, kind, overwrite, inputs);
        for (Path leftover : target.removedLeftovers()) {
            err.println("removed " + leftover + ", left by an interrupted earlier run");
        }
        err.flush();
        return target;
    }
}
