package org.neurodec.cli;

import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a format's description (an ordered tree of maps, lists and values) as readable text:
 * aligned keys, shapes as {@code 33 × 41 × 25}, matrices row by row, and HDF5 trees as indented paths.
 */
final class Summary {

    private static final int KEY_WIDTH = 18;
    private static final int LONG_LIST = 12;

    private Summary() {
    }

    static void print(Map<String, Object> description, PrintWriter out) {
        section(description, out, "");
    }

    private static void section(Map<?, ?> map, PrintWriter out, String indent) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (key.equals("tree") && value instanceof Map<?, ?> root) {
                out.println(indent + "contents");
                node(root, out, indent + "  ");
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                out.println(indent + key + " (" + list.size() + ")");
                for (Object item : list.subList(0, Math.min(LONG_LIST, list.size()))) {
                    out.println(indent + "  " + compact((Map<?, ?>) item));
                }
                if (list.size() > LONG_LIST) {
                    out.println(indent + "  ... " + (list.size() - LONG_LIST) + " more (all of them with --json)");
                }
            } else if (value instanceof Map<?, ?> nested) {
                out.println(indent + key);
                section(nested, out, indent + "  ");
            } else if (isMatrix(value)) {
                out.println(indent + key);
                for (int r = 0; r < Array.getLength(value); r++) {
                    out.println(indent + "  " + row(Array.get(value, r)));
                }
            } else {
                out.println(indent + pad(key) + " " + text(key, value));
            }
        }
    }

    private static void node(Map<?, ?> node, PrintWriter out, String indent) {
        String path = String.valueOf(node.get("path"));
        if ("dataset".equals(node.get("type"))) {
            out.println(indent + path + "  " + node.get("dtype") + " " + shape(node.get("shape")));
        } else {
            out.println(indent + path + (path.endsWith("/") ? "" : "/"));
        }
        if (node.get("attributes") instanceof Map<?, ?> attributes) {
            for (Map.Entry<?, ?> a : attributes.entrySet()) {
                out.println(indent + "  @" + a.getKey() + " = " + abbreviate(text("", a.getValue())));
            }
        }
        if (node.get("children") instanceof List<?> children) {
            for (Object child : children) {
                node((Map<?, ?>) child, out, indent + "  ");
            }
        }
    }

    private static String text(String key, Object value) {
        if (value == null) {
            return "-";
        }
        if (key.equals("shape")) {
            return shape(value);
        }
        if (value.getClass().isArray()) {
            return row(value);
        }
        if (value instanceof List<?> list) {
            return row(list.toArray());
        }
        if (value instanceof Double d) {
            return number(d);
        }
        return String.valueOf(value);
    }

    private static String shape(Object dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Array.getLength(dims); i++) {
            s.append(i == 0 ? "" : " × ").append(Array.get(dims, i));
        }
        return s.length() == 0 ? "scalar" : s.toString();
    }

    private static String row(Object array) {
        int n = Array.getLength(array);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (n > LONG_LIST && i == LONG_LIST - 2) {
                s.append(", ... ").append(n - LONG_LIST + 1).append(" more ...");
                i = n - 1;
            }
            Object v = Array.get(array, i);
            s.append(i == 0 ? "" : ", ").append(v instanceof Double d ? number(d) : String.valueOf(v));
        }
        return s.append(']').toString();
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return String.format(Locale.ROOT, "%.10g", d).replaceAll("0+(e|$)", "$1").replaceAll("\\.(e|$)", "$1");
    }

    private static String compact(Map<?, ?> map) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            s.append(s.length() == 0 ? "" : "  ").append(e.getKey()).append(' ').append(text(String.valueOf(e.getKey()), e.getValue()));
        }
        return s.toString();
    }

    private static boolean isMatrix(Object value) {
        return value != null && value.getClass().isArray() && value.getClass().getComponentType().isArray();
    }

    private static String pad(String key) {
        return key.length() >= KEY_WIDTH ? key : key + " ".repeat(KEY_WIDTH - key.length());
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
