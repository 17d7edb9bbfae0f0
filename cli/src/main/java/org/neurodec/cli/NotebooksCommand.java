package org.neurodec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.neurodec.cli.notebooks.Notebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec notebooks}: run the IJava notebooks as the kernel would, check or rewrite their outputs. */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = {"Run every notebook (.ipynb, IJava kernel) in FOLDER in a JShell session with IJava's semantics:",
            "%jars and %maven magics, each cell's snippets in order, the last expression's value, display(...) for images",
            "and text. Without --execute, compare the outputs with the committed ones and fail on any difference or error;",
            "with --execute, write the new outputs into the notebooks."})
final class NotebooksCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", defaultValue = "notebooks", paramLabel = "FOLDER",
            description = "the notebooks folder (default: ${DEFAULT-VALUE})")
    private Path folder;

    @Option(names = "--execute", description = "run the notebooks and write their outputs into them")
    private boolean execute;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "the longest a cell may run (default: ${DEFAULT-VALUE})")
    private int timeout;

    @Override
    public Integer call() throws IOException {
        List<Path> notebooks;
        if (!Files.isDirectory(folder)) {
            throw new org.neurodec.ConfigurationException(folder + ": expected a folder of .ipynb notebooks, found "
                    + (Files.exists(folder) ? "a file" : "nothing"));
        }
        try (Stream<Path> files = Files.list(folder)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        if (notebooks.isEmpty()) {
            throw new org.neurodec.decoders.DecoderException(folder + ": expected .ipynb notebooks, found none");
        }
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path notebook : notebooks) {
            long start = System.nanoTime();
            List<Notebook.Problem> problems = Notebook.read(notebook).execute(timeout, execute);
            out.printf(java.util.Locale.ROOT, "%s: %s (%.0f s)%n", notebook.getFileName(), problems.isEmpty() ? (execute
                    ? "outputs written" : "outputs agree") : problems.size() + " problem(s)", (System.nanoTime() - start) / 1e9);
            for (Notebook.Problem p : problems) {
                out.println("  cell " + p.cell() + ": " + p.message());
            }
            out.flush();
            failed += problems.isEmpty() ? 0 : 1;
        }
        return failed == 0 ? 0 : 1;
    }
}
