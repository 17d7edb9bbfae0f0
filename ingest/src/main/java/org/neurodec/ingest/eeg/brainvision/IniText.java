package org.neurodec.ingest.eeg.brainvision;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.neurodec.ingest.IngestException;

/** The INI-style text of BrainVision headers: {@code [Section]} lines, {@code key=value} lines, {@code ;} comments. */
final class IniText {

    private IniText() {
    }

    /** Sections by lower-case name, each with keys in lower case and values as written. */
    static Map<String, Map<String, String>> parse(Path file, String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT),
                        k -> new LinkedHashMap<>());
            } else if (current != null && line.contains("=")) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1));
            }
        }
        return sections;
    }

    static Map<String, String> section(Path file, Map<String, Map<String, String>> ini, String name) {
        Map<String, String> section = ini.get(name.toLowerCase(Locale.ROOT));
        if (section == null) {
            throw IngestException.badField(file, "[" + name + "]", "a section of that name", "none");
        }
        return section;
    }

    static double number(Path file, Map<String, String> section, String key) {
        String value = section.get(key.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw IngestException.badField(file, key, "a number", "no such line");
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw IngestException.badField(file, key, "a number", "'" + value.strip() + "'");
        }
    }
}
