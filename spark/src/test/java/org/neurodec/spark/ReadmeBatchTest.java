package org.neurodec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's batch manifest is examples/batch.yaml, and it runs: every task done, on two local
 * cores; its spark-submit line names the jar ./mvnw package builds, a class that exists and options
 * the command accepts.
 */
class ReadmeBatchTest {

    private static final Path ROOT = Path.of(System.getProperty("neurodec.root", ".."));

    @Test
    void theReadmesManifestIsTheExampleAndRuns(@TempDir Path dir) throws Exception {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        List<String> block = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith("```") && i + 1 < readme.size() && readme.get(i + 1).startsWith("out:")) {
                for (i++; !readme.get(i).startsWith("```"); i++) {
                    block.add(readme.get(i));
                }
                break;
            }
        }
        Path example = ROOT.resolve("examples/batch.yaml");
        List<String> file = Files.readAllLines(example).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(file, block, "the README shows examples/batch.yaml as it is");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SparkMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(example.toString(), "--master", "local[2]", "--out", dir.resolve("batch").toString());
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("4 done, 0 skipped, 0 failed"), out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("batch/ssvep-cca-type=fbcca/metrics.json")));
    }

    @Test
    void theReadmesSparkSubmitLineParses() throws Exception {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith("```") && i + 1 < readme.size() && readme.get(i + 1).startsWith("spark-submit ")) {
                for (i++; !readme.get(i).startsWith("```"); i++) {
                    line.append(readme.get(i).replaceFirst("\\\\$", "")).append(' ');
                }
                break;
            }
        }
        List<String> words = List.of(line.toString().trim().split("\\s+"));
        assertEquals("spark-submit", words.get(0), "a spark-submit line in the README");
        Class.forName(words.get(words.indexOf("--class") + 1));
        int jar = words.indexOf("spark/target/neurodec-spark-submit.jar");
        assertTrue(jar > 0, "the jar ./mvnw package builds (spark/pom.xml's shade execution): " + words);
        List<String> args = words.subList(jar + 1, words.size());
        assertEquals("preprocess", args.get(0));
        CommandLine.ParseResult parsed = SparkMain.preprocessCommandLine().parseArgs(args.subList(1, args.size())
                .toArray(String[]::new));
        assertTrue(parsed.hasMatchedOption("--master") && parsed.hasMatchedOption("--config"), args.toString());
    }
}
