package org.neurodec.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page (figures embedded as data URIs; nothing fetched) for a job's report.
 * When the page has loaded, its script records on {@code <body data-figures-loaded="k/n">} how many
 * of its n figures the browser decoded, which the browser test reads.
 */
final class Page {

    private final StringBuilder h = new StringBuilder();

    Page(String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title))
                .append(" — neurodec</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ccc;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}img{max-width:100%;margin:8px 0}")
                .append("pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px}\n</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");
    }

    Page heading(String text) {
        h.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    Page paragraph(String text) {
        h.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    Page note(String text) {
        h.append("<p><small>").append(escape(text)).append("</small></p>\n");
        return this;
    }

    Page table(List<String> header, List<List<String>> rows) {
        h.append("<table>\n<tr>");
        header.forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(escape(c)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        return this;
    }

    Page figures(Map<String, byte[]> pngs) {
        for (Map.Entry<String, byte[]> f : pngs.entrySet()) {
            h.append("<figure><img alt=\"").append(escape(f.getKey())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.getValue())).append("\"><figcaption>")
                    .append(escape(f.getKey())).append("</figcaption></figure>\n");
        }
        return this;
    }

    Page provenance(Object value) {
        String json;
        try {
            json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            json = String.valueOf(value);
        }
        h.append("<h2>Provenance</h2>\n<details><summary>inputs, parameters, seeds, versions</summary>\n<pre>")
                .append(escape(json)).append("</pre>\n</details>\n");
        return this;
    }

    String end() {
        return h.append("<script>\nwindow.addEventListener('load', function () {\n"
                + "  var images = document.images, loaded = 0;\n"
                + "  for (var i = 0; i < images.length; i++) {\n"
                + "    if (images[i].complete && images[i].naturalWidth > 0) { loaded++; }\n"
                + "  }\n"
                + "  document.body.setAttribute('data-figures-loaded', loaded + '/' + images.length);\n"
                + "});\n</script>\n</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
