package org.neurodec.cli.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurodec.ingest.AtomicFile;

/**
 * A Jupyter notebook (nbformat 4) for the IJava kernel: its code cells run in order by a
 * {@link NotebookRunner}, their outputs compared with the committed ones or written back. Text
 * outputs must agree exactly (notebooks print numbers rounded); a cell whose first line is
 * {@code // not compared} may differ in text; images must be present where they were.
 */
public final class Notebook {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_COMPARED = "// not compared";

    private final Path file;
    private final ObjectNode root;

    private Notebook(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /** Reads {@code file}; the kernel must be IJava's ({@code "name": "java"}). */
    public static Notebook read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            String kernel = root.at("/metadata/kernelspec/name").asText();
            if (!kernel.equals("java")) {
                throw new IllegalArgumentException(file + ": field 'metadata.kernelspec.name': expected java (IJava), found '"
                        + kernel + "'");
            }
            return new Notebook(file, (ObjectNode) root);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable notebook: " + e.getMessage(), e);
        }
    }

    /** A difference between a run and the committed outputs, or an error. */
    public record Problem(int cell, String message) {
    }

    /**
     * Runs every code cell ({@code seconds} each at most) in a JShell session with IJava's semantics;
     * with {@code write}, replaces the outputs and saves the notebook, else compares them with the
     * committed ones. Returns the problems found.
     */
    public List<Problem> execute(int seconds, boolean write) {
        List<Problem> problems = new ArrayList<>();
        int count = 0;
        try (NotebookRunner runner = new NotebookRunner(file.getParent())) {
            ArrayNode cells = (ArrayNode) root.get("cells");
            for (int i = 0; i < cells.size(); i++) {
                ObjectNode cell = (ObjectNode) cells.get(i);
                if (!cell.path("cell_type").asText().equals("code")) {
                    continue;
                }
                List<CellOutput> outputs = runner.run(text(cell.get("source")), seconds);
                count++;
                if (!take(i, cell, outputs, count, write, problems)) {
                    break;
                }
            }
        }
        if (write) {
            save();
        }
        return problems;
    }

    /**
     * The same in a real Jupyter with the real IJava kernel ({@link JupyterKernel}); a notebook in which
     * a cell failed is not written.
     */
    public List<Problem> execute(JupyterKernel kernel, int seconds, boolean write) {
        JupyterKernel.Run run;
        try {
            run = kernel.execute(file, seconds);
        } catch (IOException e) {
            return List.of(new Problem(-1, e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        ArrayNode cells = (ArrayNode) root.get("cells");
        JsonNode executed = run.notebook().get("cells");
        if (executed == null || executed.size() != cells.size()) {
            return List.of(new Problem(-1, "Jupyter gave back " + (executed == null ? 0 : executed.size()) + " cells for "
                    + cells.size()));
        }
        int count = 0;
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = (ObjectNode) cells.get(i);
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            count++;
            List<CellOutput> outputs = new ArrayList<>();
            for (JsonNode o : executed.get(i).withArray("outputs")) {
                String type = o.path("output_type").asText();
                if (type.equals("stream") && !outputs.isEmpty() && outputs.get(outputs.size() - 1).type().equals("stream")) {
                    // the kernel sends standard output in pieces; a notebook shows them as one block
                    CellOutput before = outputs.remove(outputs.size() - 1);
                    outputs.add(new CellOutput(type, before.text() + text(o.get("text")), null));
                    continue;
                }
                JsonNode data = o.path("data");
                outputs.add(switch (type) {
                    case "stream" -> new CellOutput(type, text(o.get("text")), null);
                    case "error" -> new CellOutput(type, error(o), null);
                    default -> new CellOutput(type, text(data.get("text/plain")),
                            data.has("image/png") ? text(data.get("image/png")).replaceAll("\\s", "") : null);
                });
            }
            if (!take(i, cell, outputs, count, write && run.failure() == null, problems)) {
                break;
            }
        }
        if (run.failure() != null && problems.stream().noneMatch(p -> p.message().startsWith("error: "))) {
            problems.add(new Problem(-1, run.failure()));
        }
        if (write && run.failure() == null) {
            save();
        }
        return problems;
    }

    /**
     * Takes one cell's outputs: an error is a problem; without {@code write} they are compared with the
     * committed ones, with it they replace them. Returns whether the notebook goes on (no error).
     */
    private boolean take(int i, ObjectNode cell, List<CellOutput> outputs, int count, boolean write, List<Problem> problems) {
        ArrayNode produced = outputs(outputs, count);
        for (CellOutput o : outputs) {
            if (o.type().equals("error")) {
                problems.add(new Problem(i, "error: " + o.text()));
            }
        }
        if (!write) {
            compare(i, text(cell.get("source")).startsWith(NOT_COMPARED), cell.withArray("outputs"), produced, problems);
        } else {
            cell.set("outputs", produced);
            cell.put("execution_count", count);
        }
        return outputs.stream().noneMatch(o -> o.type().equals("error"));
    }

    private void save() {
        try {
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
            AtomicFile.write(file, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot write the notebook: " + e.getMessage(), e);
        }
    }

    private static void compare(int cell, boolean textFree, ArrayNode committed, ArrayNode produced, List<Problem> problems) {
        List<String> want = summary(committed, textFree);
        List<String> got = summary(produced, textFree);
        if (!want.equals(got)) {
            problems.add(new Problem(cell, "outputs differ from the committed ones:\n  committed: " + want + "\n  produced:  " + got));
        }
    }

    /** Each output as its type and, unless text is not compared, its text; images by their presence. */
    private static List<String> summary(ArrayNode outputs, boolean textFree) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : outputs) {
            String type = o.path("output_type").asText();
            String text = switch (type) {
                case "stream" -> text(o.get("text"));
                case "execute_result", "display_data" -> (o.path("data").has("image/png")
                        ? "<image " + pngSize(text(o.path("data").get("image/png"))) + "> " : "")
                        + text(o.path("data").get("text/plain"));
                default -> text(o.get("evalue"));
            };
            out.add(type + (textFree ? (text.startsWith("<image ") ? ": " + text.substring(0, text.indexOf('>') + 1) : "")
                    : ": " + text));
        }
        return out;
    }

    private static ArrayNode outputs(List<CellOutput> outputs, int count) {
        ArrayNode out = JSON.createArrayNode();
        for (CellOutput o : outputs) {
            ObjectNode n = out.addObject();
            n.put("output_type", o.type());
            switch (o.type()) {
                case "stream" -> {
                    n.put("name", "stdout");
                    n.set("text", lines(o.text()));
                }
                case "execute_result", "display_data" -> {
                    if (o.type().equals("execute_result")) {
                        n.put("execution_count", count);
                    }
                    ObjectNode data = n.putObject("data");
                    if (o.png() != null) {
                        data.put("image/png", o.png());
                    }
                    data.set("text/plain", lines(o.text()));
                    n.putObject("metadata");
                }
                default -> {
                    n.put("ename", "error");
                    n.put("evalue", o.text());
                    n.set("traceback", lines(o.text()));
                }
            }
        }
        return out;
    }

    /** A kernel's error output as text: its name, value and traceback (IJava puts a compilation error's reasons there). */
    private static String error(JsonNode o) {
        StringBuilder out = new StringBuilder(o.path("ename").asText() + ": " + o.path("evalue").asText());
        for (JsonNode line : o.path("traceback")) {
            String plain = line.asText().replaceAll("\u001B\\[[0-9;]*m", "").strip();
            if (!plain.isEmpty()) {
                out.append("\n    ").append(plain);
            }
        }
        return out.toString();
    }

    /** A base64 PNG's width × height, from its header ("?" when it is not a PNG). */
    static String pngSize(String base64) {
        try {
            byte[] head = java.util.Base64.getMimeDecoder().decode(base64.substring(0, Math.min(base64.length(), 44)));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head);
            return b.getInt(16) + "×" + b.getInt(20);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** nbformat's multi-line strings: a list of lines, each but the last ending in a newline. */
    private static ArrayNode lines(String text) {
        ArrayNode out = JSON.createArrayNode();
        String[] parts = text.split("(?<=\n)");
        for (String p : parts) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder();
            node.forEach(n -> s.append(n.asText()));
            return s.toString();
        }
        return node.asText();
    }
}
