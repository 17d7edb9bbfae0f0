package org.neurodec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurodec.cli.notebooks.Notebook;

/**
 * Every notebook in notebooks/ runs as the IJava kernel would run it (its %jars magics load the built
 * command's jars) and produces the outputs committed with it: a compilation error, an exception, a
 * cell past its time limit or a different text output fails the build.
 */
class NotebooksTest {

    private static final Path NOTEBOOKS = Path.of(System.getProperty("neurodec.root", "..")).resolve("notebooks");

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAndAgreesWithItsCommittedOutputs() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertEquals(4, notebooks.size(), "the four notebooks of " + NOTEBOOKS);
        return notebooks.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<Notebook.Problem> problems = Notebook.read(file).execute(300, false);
            assertTrue(problems.isEmpty(), file.getFileName() + ": " + problems);
        }));
    }
}
