package org.neurodec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurodec.encoders.Evaluation;

/** Prints test scores as a table: one row per subject, each metric with its chance level. */
final class EvaluationTable {

    private EvaluationTable() {
    }

    /** Progress lines, each flushed to {@code err} as it comes. */
    static java.util.function.Consumer<String> progress(PrintWriter err) {
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** The table, then where the model went. */
    static void finish(List<Evaluation> rows, java.nio.file.Path model, PrintWriter out) {
        print(rows, out);
        out.println("model written to " + model);
        out.flush();
    }

    static void print(List<Evaluation> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("no test trials to score");
            return;
        }
        List<String> metrics = new ArrayList<>(rows.get(0).scores().keySet());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s %7s", "subject", "trials"));
        for (String m : metrics) {
            header.append(String.format(Locale.ROOT, "  %20s", m + " (chance)"));
        }
        out.println(header);
        for (Evaluation e : rows) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s %7d", e.subject(), e.trials()));
            for (String m : metrics) {
                Double value = e.scores().get(m);
                row.append(value == null ? String.format(Locale.ROOT, "  %20s", "-")
                        : String.format(Locale.ROOT, "  %12.3f (%.3f)", value, e.chance().get(m)));
            }
            out.println(row);
        }
    }
}
