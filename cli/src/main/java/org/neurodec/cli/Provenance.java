package org.neurodec.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a command records about its inputs and itself, so that a result can be traced to them. */
final class Provenance {

    private Provenance() {
    }

    /** A file's absolute path, size and SHA-256. */
    static Map<String, Object> file(Path file) {
        return org.neurodec.experiments.Inputs.describe(file);
    }

    /** The command, its arguments and the neurodec version that ran it. */
    static Map<String, Object> command(String name, String[] args) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", name);
        p.put("arguments", java.util.List.of(args));
        p.put("neurodec", new Main.Version().getVersion()[0]);
        return p;
    }
}
