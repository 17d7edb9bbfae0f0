package org.neurodec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a command records about its inputs and itself, so that a result can be traced to them. */
final class Provenance {

    private Provenance() {
    }

    /** A file's absolute path, size and SHA-256. */
    static Map<String, Object> file(Path file) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", file.toAbsolutePath().normalize().toString());
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            for (int n; (n = in.read(buffer)) > 0; bytes += n) {
                digest.update(buffer, 0, n);
            }
            p.put("bytes", bytes);
            p.put("sha256", HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read for its checksum: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        return p;
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
