package org.neurodec.cli.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Notebooks executed in a real Jupyter with the real IJava kernel: Jupyter's own {@code nbclient}
 * (Debian: {@code jupyter-nbconvert python3-nbclient jupyter-client}) runs a notebook in the IJava jar
 * given here, declared as the kernel {@code java} in a kernel folder of this object's own, so
 * nothing is installed or changed in the user's Jupyter. The executed notebook comes back as JSON for
 * {@link Notebook} to compare or write. Python is needed only for this; neurodec itself never runs it.
 */
public final class JupyterKernel implements AutoCloseable {

    /** The IJava build kept beside the project, where {@code ../shared/tools/ijava} puts it. */
    public static final String IJAVA = "tools/ijava/ijava-1.3.0.jar";

    private final String python;
    private final Path home;
    private final Path script;

    private JupyterKernel(String python, Path home, Path script) {
        this.python = python;
        this.home = home;
        this.script = script;
    }

    /**
     * A kernel from the IJava jar {@code ijava}, with the first of {@code $NEURODEC_PYTHON},
     * {@code /usr/bin/python3} and {@code python3} that imports nbclient; empty, with the reason in
     * {@code why}, when there is no such Python or no such jar.
     */
    public static Optional<JupyterKernel> find(Path ijava, List<String> why) {
        if (!Files.isRegularFile(ijava)) {
            why.add("no IJava jar at " + ijava.toAbsolutePath().normalize());
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        if (System.getenv("NEURODEC_PYTHON") != null) {
            candidates.add(System.getenv("NEURODEC_PYTHON"));
        }
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String python : candidates) {
            if (imports(python)) {
                try {
                    Path home = Files.createTempDirectory("neurodec-jupyter");
                    Path kernel = Files.createDirectories(home.resolve("kernels/java"));
                    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                    ObjectNode spec = new ObjectMapper().createObjectNode();
                    spec.putArray("argv").add(java).add("-jar").add(ijava.toAbsolutePath().normalize().toString())
                            .add("{connection_file}");
                    spec.put("display_name", "Java").put("language", "java").put("interrupt_mode", "message");
                    spec.putObject("env");
                    Files.writeString(kernel.resolve("kernel.json"), spec.toPrettyString());
                    Path script = home.resolve("execute_notebook.py");
                    try (InputStream in = JupyterKernel.class.getResourceAsStream("execute_notebook.py")) {
                        Files.write(script, in.readAllBytes());
                    }
                    return Optional.of(new JupyterKernel(python, home, script));
                } catch (IOException e) {
                    why.add("cannot prepare a kernel folder: " + e.getMessage());
                    return Optional.empty();
                }
            }
        }
        why.add("no Python with Jupyter's nbclient (tried " + String.join(", ", candidates)
                + "; Debian: apt-get install jupyter-nbconvert python3-nbclient jupyter-client)");
        return Optional.empty();
    }

    private static boolean imports(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import nbclient, nbformat, jupyter_client")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What running a notebook gave: the executed notebook, and Jupyter's complaint when a cell failed (else null). */
    public record Run(ObjectNode notebook, String failure) {
    }

    /** Executes {@code notebook} in the kernel, each cell within {@code seconds}, the kernel started in its folder. */
    public Run execute(Path notebook, int seconds) throws IOException {
        Path out = Files.createTempFile(home, "executed", ".ipynb");
        Path log = Files.createTempFile(home, "jupyter", ".log");
        ProcessBuilder builder = new ProcessBuilder(python, script.toString(), notebook.toAbsolutePath().toString(), out.toString(),
                "java", String.valueOf(seconds)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JUPYTER_PATH", home.toString());
        builder.environment().put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
        Process process = builder.start();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + notebook.getFileName() + " ran", e);
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() == 2 || Files.size(out) == 0) {
            throw new IOException("Jupyter could not run " + notebook.getFileName() + ": " + tail(said));
        }
        ObjectNode executed = (ObjectNode) new ObjectMapper().readTree(out.toFile());
        return new Run(executed, process.exitValue() == 0 ? null : tail(said));
    }

    /** The last lines of Jupyter's log, without the kernel's own chatter. */
    private static String tail(String log) {
        List<String> kept = log.lines().filter(l -> !l.startsWith("INFO:") && !l.matches("^[A-Z][a-z]{2} \\d\\d, \\d{4} .*"))
                .toList();
        return String.join("\n", kept.subList(Math.max(0, kept.size() - 30), kept.size())).strip();
    }

    @Override
    public void close() {
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
