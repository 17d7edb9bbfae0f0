package org.neurodec.cli.notebooks;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs notebook cells the way the IJava kernel does, in a JShell session in this JVM: the line magics
 * {@code %jars PATH...} and {@code %classpath PATH...} (globs allowed, relative to the notebook's folder) and {@code %maven
 * GROUP:ARTIFACT:VERSION} (from the local Maven repository); each cell's complete snippets in order;
 * the value of a cell's last expression as its result, rendered as IJava renders it (a string as it
 * is, without quotes); {@code display(object)} (images as PNG with their {@code toString()} as the
 * text form, anything else as text; it returns a random display id, as IJava's does); standard output
 * as a stream. A snippet that does not compile, an exception
 * or a cell that runs past its time limit is an error output and stops the notebook.
 */
public final class NotebookRunner implements AutoCloseable {

    private final JShell shell;
    private final Path folder;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notebook-cell");
        t.setDaemon(true);
        return t;
    });

    /** A session for the notebooks of {@code folder} (the folder relative paths in magics start from). */
    public NotebookRunner(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        shell = JShell.builder().executionEngine("local").build();
        String self = Path.of(codeSource()).toString();
        shell.addToClasspath(self);
        System.setProperty("neurodec.notebooks", this.folder.toString());
        // IJava's display returns the display's id, a random UUID, which a cell ending in display(...) shows
        eval("String display(Object value) { org.neurodec.cli.notebooks.Display.show(value); return java.util.UUID.randomUUID().toString(); }");
    }

    private static java.net.URI codeSource() {
        try {
            return NotebookRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void eval(String source) {
        for (SnippetEvent e : shell.eval(source)) {
            if (e.status() == Snippet.Status.REJECTED) {
                throw new IllegalStateException("notebook runner: cannot define " + source);
            }
        }
    }

    /** Runs one cell's source within {@code seconds}; returns its outputs (an error output ends them). */
    public List<CellOutput> run(String source, int seconds) {
        Display.drain();
        List<CellOutput> outputs = new ArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        String value = null;
        CellOutput error = null;
        try {
            Future<Object[]> result = executor.submit(() -> runSnippets(source));
            Object[] done = result.get(seconds, TimeUnit.SECONDS);
            value = (String) done[0];
            error = (CellOutput) done[1];
        } catch (TimeoutException e) {
            shell.stop();
            error = new CellOutput("error", "the cell ran past its limit of " + seconds + " s", null);
        } catch (Exception e) {
            error = new CellOutput("error", String.valueOf(e.getCause() == null ? e : e.getCause()), null);
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        if (!printed.isEmpty()) {
            outputs.add(new CellOutput("stream", printed, null));
        }
        for (Object shown : Display.drain()) {
            outputs.add(displayed(shown));
        }
        if (error != null) {
            outputs.add(error);
        } else if (value != null) {
            outputs.add(new CellOutput("execute_result", value, null));
        }
        return outputs;
    }

    /** Evaluates every snippet; returns {last expression's value or null, error output or null}. */
    private Object[] runSnippets(String source) throws IOException {
        StringBuilder code = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("%jars ") || trimmed.startsWith("%classpath ")) {
                String magic = trimmed.substring(0, trimmed.indexOf(' '));
                for (String pattern : trimmed.substring(trimmed.indexOf(' ') + 1).trim().split("\\s+")) {
                    jars(magic, pattern).forEach(p -> shell.addToClasspath(p.toString()));
                }
            } else if (trimmed.startsWith("%maven ")) {
                shell.addToClasspath(maven(trimmed.substring(7).trim()).toString());
            } else {
                code.append(line).append('\n');
            }
        }
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = code.toString();
        String value = null;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            String snippet = info.completeness().isComplete() ? info.source() : rest;
            value = null;
            for (SnippetEvent e : shell.eval(snippet)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    StringBuilder why = new StringBuilder("does not compile: " + e.snippet().source().strip());
                    shell.diagnostics(e.snippet()).forEach((Diag d) -> why.append("\n  ").append(d.getMessage(null)));
                    return new Object[] {null, new CellOutput("error", why.toString(), null)};
                }
                if (e.exception() != null) {
                    Throwable t = e.exception();
                    String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
                    return new Object[] {null, new CellOutput("error", name + ": " + t.getMessage(), null)};
                }
                boolean expression = e.snippet().kind() == Snippet.Kind.EXPRESSION
                        || e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
                if (e.causeSnippet() == null && expression && e.value() != null) {
                    value = rendered(e);
                }
            }
            rest = info.completeness().isComplete() ? info.remaining() : "";
        }
        return new Object[] {value, null};
    }

    /** A value's text as IJava shows it: a string as it is (JShell shows it as a Java literal), anything else as its text. */
    private static String rendered(SnippetEvent e) {
        String type = e.snippet() instanceof jdk.jshell.VarSnippet v ? v.typeName()
                : e.snippet() instanceof jdk.jshell.ExpressionSnippet x ? x.typeName() : "";
        String value = e.value();
        if ((type.equals("String") || type.equals("java.lang.String")) && value.length() >= 2 && value.startsWith("\"")) {
            return unquote(value.substring(1, value.length() - 1));
        }
        return value;
    }

    /** A Java string literal's body with its escapes resolved. */
    static String unquote(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '0' -> out.append('\0');
                case 'u' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private List<Path> jars(String magic, String pattern) throws IOException {
        Path absolute = folder.resolve(pattern).normalize();
        if (!pattern.contains("*")) {
            if (!Files.exists(absolute)) {
                throw new IOException(magic + " " + pattern + ": no such file " + absolute);
            }
            return List.of(absolute);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        try (Stream<Path> files = Files.list(absolute.getParent())) {
            List<Path> found = files.filter(matcher::matches).sorted().toList();
            if (found.isEmpty()) {
                throw new IOException(magic + " " + pattern + ": no file matches " + absolute);
            }
            return found;
        }
    }

    private static Path maven(String coordinates) throws IOException {
        String[] parts = coordinates.split(":");
        if (parts.length != 3) {
            throw new IOException("%maven " + coordinates + ": expected GROUP:ARTIFACT:VERSION");
        }
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(parts[0].replace('.', '/'))
                .resolve(parts[1]).resolve(parts[2]).resolve(parts[1] + "-" + parts[2] + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException("%maven " + coordinates + ": not in the local repository (" + jar + "); run ./mvnw install");
        }
        return jar;
    }

    private static CellOutput displayed(Object shown) {
        if (shown instanceof RenderedImage image) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", png);
            } catch (IOException e) {
                return new CellOutput("error", "display: cannot encode the image: " + e.getMessage(), null);
            }
            // IJava's text form of an image is its toString(): a Figure names itself, a plain BufferedImage shows its hash
            return new CellOutput("display_data", String.valueOf(image), Base64.getEncoder().encodeToString(png.toByteArray()));
        }
        return new CellOutput("display_data", String.valueOf(shown), null);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        shell.close();
    }
}
