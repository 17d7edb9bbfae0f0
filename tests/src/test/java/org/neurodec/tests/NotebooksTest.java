package org.neurodec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurodec.cli.notebooks.JupyterKernel;
import org.neurodec.cli.notebooks.Notebook;

/**
 * Every notebook in notebooks/ runs and produces the outputs committed with it: a compilation error,
 * an exception, a cell past its time limit or a different output (text exactly, images by presence and
 * size) fails the build. Where Jupyter's nbclient and the IJava jar beside the project
 * ({@code ../shared/tools/ijava}) are there, the notebooks run in that real kernel, as users run them;
 * CI installs Jupyter and sets {@code NEURODEC_REAL_KERNEL=required}, so that there a missing kernel is
 * a failure. Elsewhere (a machine with only a JDK) they run in the JShell emulation of IJava, which
 * renders values as IJava does, and the test's name says which ran.
 */
class NotebooksTest {

    private static final Path ROOT = Path.of(System.getProperty("neurodec.root", ".."));
    private static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    /** The guard on one cell; each notebook takes well under a minute. */
    private static final int CELL_SECONDS = 180;
    private static JupyterKernel kernel;

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAndAgreesWithItsCommittedOutputs() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertEquals(6, notebooks.size(), "the six notebooks of " + NOTEBOOKS);
        List<String> why = new ArrayList<>();
        Optional<JupyterKernel> real = JupyterKernel.find(ROOT.resolve("../shared").resolve(JupyterKernel.IJAVA), why);
        if (real.isEmpty() && "required".equals(System.getenv("NEURODEC_REAL_KERNEL"))) {
            fail("NEURODEC_REAL_KERNEL=required, but no real kernel: " + why);
        }
        kernel = real.orElse(null);
        String where = kernel != null ? " in Jupyter with IJava 1.3.0" : " in the JShell emulation of IJava (" + why + ")";
        System.out.println("notebooks: running" + where);
        return notebooks.stream().map(file -> DynamicTest.dynamicTest(file.getFileName() + where, () -> {
            Notebook notebook = Notebook.read(file);
            List<Notebook.Problem> problems = kernel != null ? notebook.execute(kernel, CELL_SECONDS, false)
                    : notebook.execute(CELL_SECONDS, false);
            assertTrue(problems.isEmpty(), file.getFileName() + ": " + problems);
        }));
    }

    @AfterAll
    static void closeKernel() {
        if (kernel != null) {
            kernel.close();
        }
    }
}
