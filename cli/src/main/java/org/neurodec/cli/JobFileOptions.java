package org.neurodec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neurodec.decoders.DecoderException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The job file, its output folder and its variables: what {@code run} and {@code transfer} share. */
final class JobFileOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB.yaml", description = "the job file")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "the output folder (default: neurodec-output/<job file name> in the working directory)")
    Path out;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "set the job's variable NAME (used as $${NAME} in the job), for example --set data=../shared/data")
    Map<String, String> variables = new LinkedHashMap<>();

    @picocli.CommandLine.Mixin
    OutputOptions output;

    /** The job file, which must exist. */
    Path file() {
        if (file == null) {
            throw new org.neurodec.ConfigurationException("expected a job file (JOB.yaml), found none");
        }
        if (!Files.isRegularFile(file)) {
            throw new DecoderException(file + ": expected a job file, found none");
        }
        return file;
    }

    /** The output folder: --out, or neurodec-output/ and the job file's name without .yaml. */
    Path folder() {
        return out != null ? out : Path.of("neurodec-output", file().getFileName().toString().replaceFirst("\\.ya?ml$", ""));
    }
}
