package org.neurodec.experiments;

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

/** Provenance of an input file: where it is, how large, its SHA-256. */
public final class Inputs {

    private Inputs() {
    }

    /** A file's absolute path, size and SHA-256. */
    public static Map<String, Object> describe(Path file) {
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
}
