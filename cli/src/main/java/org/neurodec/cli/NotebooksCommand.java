package org.neurodec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.neurodec.cli.notebooks.JupyterKernel;
import org.neurodec.cli.notebooks.Notebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurodec notebooks}: run the IJava notebooks as the kernel would, check or rewrite their outputs. */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = {"Run every notebook (.ipynb, IJava kernel) in FOLDER in a JShell session with IJava's semantics:",
            "%%jars, %%classpath and %%maven magics, each cell's snippets in order, the last expression's value,",
            "display(...) for images and text; with --jupyter, in a real Jupyter (nbclient) with the real IJava kernel.",
            "Without --execute, compare the outputs with the committed ones and fail on any difference or error;",
            "with --execute, write the new outputs into the notebooks."})
final class NotebooksCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", defaultValue = "notebooks", paramLabel = "FOLDER",
            description = "the notebooks folder, or one notebook (default: ${DEFAULT-VALUE})")
    private Path folder;

    @Option(names = "--execute", description = "run the notebooks and write their outputs into them")
    private boolean execute;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "the longest a cell may run (default: ${DEFAULT-VALUE})")
    private int timeout;

    @Option(names = "--jupyter", description = "run them in Jupyter's nbclient with the IJava jar of --ijava (needs Python"
            + " with nbclient: Debian's jupyter-nbconvert python3-nbclient jupyter-client)")
    private boolean jupyter;

    @Option(names = "--ijava", defaultValue = "../shared/" + JupyterKernel.IJAVA, paramLabel = "JAR",
            description = "the IJava kernel jar for --jupyter (default: ${DEFAULT-VALUE})")
    private Path ijava;

    @Override
    public Integer call() throws IOException {
        List<Path> notebooks;
        if (Files.isRegularFile(folder) && folder.toString().endsWith(".ipynb")) {
            notebooks = List.of(folder);
        } else if (!Files.isDirectory(folder)) {
            throw new org.neurodec.ConfigurationException(folder + ": expected a folder of .ipynb notebooks or one notebook,"
                    + " found " + (Files.exists(folder) ? "another file" : "nothing"));
        } else {
            try (Stream<Path> files = Files.list(folder)) {
                notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            }
            if (notebooks.isEmpty()) {
                throw new org.neurodec.decoders.DecoderException(folder + ": expected .ipynb notebooks, found none");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        JupyterKernel kernel = null;
        if (jupyter) {
            List<String> why = new java.util.ArrayList<>();
            kernel = JupyterKernel.find(ijava, why).orElseThrow(() -> new org.neurodec.ConfigurationException(
                    "--jupyter: " + String.join("; ", why)));
        }
        try {
            return run(notebooks, kernel, out);
        } finally {
            if (kernel != null) {
                kernel.close();
            }
        }
    }

    private int run(List<Path> notebooks, JupyterKernel kernel, PrintWriter out) {
        int failed = 0;
        for (Path notebook : notebooks) {
            long start = System.nanoTime();
            Notebook book = Notebook.read(notebook);
            List<Notebook.Problem> problems = kernel == null ? book.execute(timeout, execute) : book.execute(kernel, timeout, execute);
            out.printf(java.util.Locale.ROOT, "%s: %s (%.0f s)%n", notebook.getFileName(), problems.isEmpty() ? (execute
                    ? "outputs written" : "outputs agree") : problems.size() + " problem(s)", (System.nanoTime() - start) / 1e9);
            for (Notebook.Problem p : problems) {
                out.println((p.cell() < 0 ? "  " : "  cell " + p.cell() + ": ") + p.message());
            }
            out.flush();
            failed += problems.isEmpty() ? 0 : 1;
        }
        return failed == 0 ? 0 : 1;
    }
}
