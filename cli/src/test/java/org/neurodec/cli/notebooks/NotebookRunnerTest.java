package org.neurodec.cli.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook runner's IJava semantics on cells written here: values, printed text, display of
 * images and text, state across cells; and the failures it must report: a snippet that does not
 * compile, an exception, a cell past its limit, a missing jar, and outputs that differ from the
 * committed ones.
 */
class NotebookRunnerTest {

    @Test
    void cellsRunAsIJavaRunsThem(@TempDir Path dir) {
        try (NotebookRunner runner = new NotebookRunner(dir)) {
            assertEquals(List.of(), runner.run("int x = 20;\nint y = x + 1;", 10), "declarations alone show nothing");
            assertEquals(List.of(new CellOutput("stream", "y is 21\n", null), new CellOutput("execute_result", "42", null)),
                    runner.run("System.out.println(\"y is \" + y);\ny * 2", 10));
            List<CellOutput> shown = runner.run("display(\"a text\");\n"
                    + "display(new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_BYTE_GRAY));", 10);
            assertEquals(new CellOutput("display_data", "a text", null), shown.get(0));
            assertEquals("display_data", shown.get(1).type());
            assertTrue(shown.get(1).png().length() > 20, "the image as base64 PNG");
            assertTrue(shown.get(1).text().startsWith("BufferedImage@"), "IJava's text form of an image: " + shown.get(1).text());
            assertEquals("execute_result", shown.get(2).type(), "IJava's display returns the display's id");
            assertTrue(shown.get(2).text().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), shown.get(2).text());
        }
    }

    @Test
    void valuesAndFiguresAreShownAsTheRealKernelShowsThem(@TempDir Path dir) {
        try (NotebookRunner runner = new NotebookRunner(dir)) {
            assertEquals(List.of(new CellOutput("execute_result", "hands 7, \"feet\"\tend\\", null)),
                    runner.run("\"hands \" + 7 + \", \\\"feet\\\"\\tend\\\\\"", 10), "a string as it is, without quotes");
            assertEquals(List.of(new CellOutput("execute_result", "0.5", null)), runner.run("double d = 0.5;\nd", 10));
            runner.run("void show(Object o) { display(o); }", 10);
            List<CellOutput> figure = runner.run("var chart = new org.knowm.xchart.XYChartBuilder().width(120).height(80).title(\"t\").build();\n"
                    + "chart.addSeries(\"s\", new double[] {0, 1}, new double[] {1, 2});\n"
                    + "show(org.neurodec.cli.notebooks.Figure.of(chart));", 10);
            assertEquals(1, figure.size(), "a cell ending in a void call shows no display id: " + figure);
            assertEquals("figure: t (120 × 80)", figure.get(0).text());
            assertEquals("120×80", Notebook.pngSize(figure.get(0).png()));
            CellOutput missing = runner.run("%classpath nothing-here.jar", 10).get(0);
            assertEquals("error", missing.type());
            assertTrue(missing.text().contains("%classpath nothing-here.jar: no such file"), missing.text());
        }
        assertEquals("a\"b\\c\n\u00e9", NotebookRunner.unquote("a\\\"b\\\\c\\n\\u00e9"));
    }

    @Test
    void failuresAreErrorOutputs(@TempDir Path dir) {
        try (NotebookRunner runner = new NotebookRunner(dir)) {
            CellOutput compile = last(runner.run("int z = \"text\";", 10));
            assertEquals("error", compile.type());
            assertTrue(compile.text().contains("does not compile") && compile.text().contains("incompatible types"),
                    compile.text());
            CellOutput thrown = last(runner.run("Integer.parseInt(\"x\")", 10));
            assertTrue(thrown.text().startsWith("java.lang.NumberFormatException"), thrown.text());
            CellOutput slow = last(runner.run("Thread.sleep(20_000);", 1));
            assertTrue(slow.text().contains("limit of 1 s"), slow.text());
            CellOutput jar = last(runner.run("%jars missing/*.jar", 10));
            assertTrue(jar.text().contains("missing"), jar.text());
        }
    }

    @Test
    void aNotebookWhoseOutputsChangedIsReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("n.ipynb");
        Files.writeString(file, notebook("[{\"output_type\": \"execute_result\", \"execution_count\": 1, \"data\": "
                + "{\"text/plain\": [\"3\"]}, \"metadata\": {}}]"));
        assertEquals(List.of(), Notebook.read(file).execute(10, false), "1 + 2 gives the committed 3");
        Files.writeString(file, notebook("[{\"output_type\": \"execute_result\", \"execution_count\": 1, \"data\": "
                + "{\"text/plain\": [\"4\"]}, \"metadata\": {}}]"));
        List<Notebook.Problem> problems = Notebook.read(file).execute(10, false);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("outputs differ"), problems.get(0).message());
        assertEquals(List.of(), Notebook.read(file).execute(10, true), "--execute writes the new output");
        assertTrue(Files.readString(file).contains("\"3\""), Files.readString(file));
        assertEquals(List.of(), Notebook.read(file).execute(10, false));
    }

    private static String notebook(String outputs) {
        return "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"source\": [\"1 + 2\"],"
                + " \"outputs\": " + outputs + "}], \"metadata\": {\"kernelspec\": {\"name\": \"java\", \"language\": \"java\","
                + " \"display_name\": \"Java\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    }

    private static CellOutput last(List<CellOutput> outputs) {
        return outputs.get(outputs.size() - 1);
    }
}
