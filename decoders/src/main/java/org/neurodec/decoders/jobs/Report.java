package org.neurodec.decoders.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.neurodec.decoders.Significance;

/**
 * {@code report.html}: one self-contained page (figures embedded as data URIs, no scripts or styles
 * fetched) with the job's scores beside chance, its figures and its provenance. When the page has
 * loaded, a small script records on {@code <body data-figures-loaded="k/n">} how many of its n
 * figures the browser decoded, which the browser test reads.
 */
final class Report {

    private Report() {
    }

    static String html(JobResult r, Map<String, Object> metrics, Map<String, byte[]> figures) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(r.job().name())).append(" — neurodec</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ccc;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}img{max-width:100%;margin:8px 0}")
                .append("pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(r.job().name())).append("</h1>\n");
        h.append("<p>").append(r.data().size()).append(" trials");
        if (!r.data().classes().isEmpty()) {
            h.append(", classes ").append(escape(String.join(", ", r.data().classes())));
        }
        h.append("; ").append(r.splits().size()).append(" split").append(r.splits().size() == 1 ? "" : "s").append(" (")
                .append(escape(r.job().protocol().text("type"))).append("); model ")
                .append(escape(r.job().model().text("type"))).append(".</p>\n");
        h.append("<h2>Scores</h2>\n<table>\n<tr><th>metric</th><th>value</th><th>95 % interval</th><th>chance</th>"
                + "<th>p (permutation)</th></tr>\n");
        for (Significance.Score s : r.scores()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td><td>%.4f – %.4f</td><td>%.4f</td><td>%.4f</td></tr>%n",
                    escape(s.metric()), s.value(), s.low(), s.high(), s.chance(), s.pValue()));
        }
        h.append("</table>\n<p><small>").append(escape(String.valueOf(metrics.get("method")))).append("</small></p>\n");
        h.append("<h2>Figures</h2>\n");
        for (Map.Entry<String, byte[]> f : figures.entrySet()) {
            h.append("<figure><img alt=\"").append(escape(f.getKey())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.getValue())).append("\"><figcaption>")
                    .append(escape(f.getKey())).append("</figcaption></figure>\n");
        }
        h.append("<h2>Provenance</h2>\n<details><summary>inputs, parameters, seeds, versions</summary>\n<pre>")
                .append(escape(json(metrics.get("provenance")))).append("</pre>\n</details>\n");
        h.append("<script>\nwindow.addEventListener('load', function () {\n"
                + "  var images = document.images, loaded = 0;\n"
                + "  for (var i = 0; i < images.length; i++) {\n"
                + "    if (images[i].complete && images[i].naturalWidth > 0) { loaded++; }\n"
                + "  }\n"
                + "  document.body.setAttribute('data-figures-loaded', loaded + '/' + images.length);\n"
                + "});\n</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
