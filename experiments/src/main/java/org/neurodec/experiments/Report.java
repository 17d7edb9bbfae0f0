package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurodec.decoders.stats.Significance;

/** {@code report.html} of a decoding job: scores beside chance, figures and provenance, on one {@link Page}. */
final class Report {

    private Report() {
    }

    static String html(JobResult r, Map<String, Object> metrics, Map<String, byte[]> figures) {
        StringBuilder summary = new StringBuilder().append(r.data().size()).append(" trials");
        if (!r.data().classes().isEmpty()) {
            summary.append(", classes ").append(String.join(", ", r.data().classes()));
        }
        summary.append("; ").append(r.splits().size()).append(r.splits().size() == 1 ? " split (" : " splits (")
                .append(r.job().protocol().text("type")).append("); model ").append(r.job().model().text("type")).append('.');
        List<List<String>> rows = new ArrayList<>();
        for (Significance.Score s : r.scores()) {
            rows.add(List.of(s.metric(), f(s.value()), f(s.low()) + " – " + f(s.high()), f(s.chance()), f(s.pValue())));
        }
        return new Page(r.job().name()).paragraph(summary.toString()).heading("Scores")
                .table(List.of("metric", "value", "95 % interval", "chance", "p (permutation)"), rows)
                .note(String.valueOf(metrics.get("method"))).heading("Figures").figures(figures)
                .provenance(metrics.get("provenance")).end();
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
