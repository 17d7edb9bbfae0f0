package org.neurodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What made an output, so that a result can be traced to it: the producer (a command or a step),
 * its arguments, every input file with its size and SHA-256, the parameters, the seeds and the
 * versions. Immutable; each {@code with…} returns a new record. {@link #toMap()} is the one
 * serialisation, which every output (job metrics, model folders, HDF5 attributes, reports) writes.
 *
 * @param producer what made the output, as {@code neurodec run} or {@code preprocess pipeline}
 * @param arguments the command line's arguments (empty when not a command)
 * @param inputs the input files, in the order they were read
 * @param parameters every setting that shaped the output, by name
 * @param seeds every seed, by what it seeded
 * @param versions neurodec's and Java's versions
 */
public record Provenance(String producer, List<String> arguments, List<InputFile> inputs, Map<String, Object> parameters,
        Map<String, Long> seeds, Map<String, String> versions) {

    /**
     * One input file.
     *
     * @param role what the file was to the producer ({@code job}, {@code recording}, {@code features}, …)
     * @param path its absolute path
     * @param bytes its size
     * @param sha256 the SHA-256 of its content, in hex
     */
    public record InputFile(String role, String path, long bytes, String sha256) {

        /** Reads {@code file} for its size and checksum. */
        public static InputFile of(String role, Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                long bytes = 0;
                for (int n; (n = in.read(buffer)) > 0; bytes += n) {
                    digest.update(buffer, 0, n);
                }
                return new InputFile(role, file.toAbsolutePath().normalize().toString(), bytes,
                        HexFormat.of().formatHex(digest.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read for its checksum: " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        /** The file as it is serialised: role, path, bytes, sha256. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", role);
            m.put("path", path);
            m.put("bytes", bytes);
            m.put("sha256", sha256);
            return m;
        }
    }

    /** Copies the collections, so that the record stays immutable. */
    public Provenance {
        arguments = List.copyOf(arguments);
        inputs = List.copyOf(inputs);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        seeds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /** An empty record of {@code producer}, with this neurodec's and Java's versions. */
    public static Provenance of(String producer) {
        String version = Provenance.class.getPackage().getImplementationVersion();
        Map<String, String> versions = new LinkedHashMap<>();   // in this order in every JVM (Map.of's order is not)
        versions.put("neurodec", version == null ? "development" : version);
        versions.put("java", System.getProperty("java.version"));
        return new Provenance(producer, List.of(), List.of(), Map.of(), Map.of(), versions);
    }

    /** The same, with the command line's {@code arguments}. */
    public Provenance withArguments(List<String> arguments) {
        return new Provenance(producer, arguments, inputs, parameters, seeds, versions);
    }

    /** The same, with {@code file} read as an input of {@code role}. */
    public Provenance withInput(String role, Path file) {
        List<InputFile> more = new ArrayList<>(inputs);
        more.add(InputFile.of(role, file));
        return new Provenance(producer, arguments, more, parameters, seeds, versions);
    }

    /** The same, with every one of {@code files} as an input of {@code role}. */
    public Provenance withInputs(String role, Collection<Path> files) {
        List<InputFile> more = new ArrayList<>(inputs);
        files.forEach(f -> more.add(InputFile.of(role, f)));
        return new Provenance(producer, arguments, more, parameters, seeds, versions);
    }

    /** The same, with each file of {@code rolesByFile} (in its order) as an input of its role. */
    public Provenance withInputs(Map<Path, String> rolesByFile) {
        List<InputFile> more = new ArrayList<>(inputs);
        rolesByFile.forEach((file, role) -> more.add(InputFile.of(role, file)));
        return new Provenance(producer, arguments, more, parameters, seeds, versions);
    }

    /**
     * The same, with the inputs read from a local copy of a remote folder named by where they came
     * from: an input path under {@code copy} is written under {@code origin} (a URI such as
     * {@code hdfs://host/study}) instead.
     */
    public Provenance relocated(Path copy, String origin) {
        String prefix = copy.toAbsolutePath().normalize().toString();
        String base = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        List<InputFile> moved = inputs.stream().map(f -> f.path().equals(prefix) || f.path().startsWith(prefix + "/")
                ? new InputFile(f.role(), base + f.path().substring(prefix.length()), f.bytes(), f.sha256()) : f).toList();
        return new Provenance(producer, arguments, moved, parameters, seeds, versions);
    }

    /** The same, with every parameter of {@code more} added. */
    public Provenance withAll(Map<String, ?> more) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.putAll(more);
        return new Provenance(producer, arguments, inputs, all, seeds, versions);
    }

    /** The same, with the parameter {@code name} (a value Jackson can write: numbers, text, lists, maps, records). */
    public Provenance with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new Provenance(producer, arguments, inputs, more, seeds, versions);
    }

    /** The same, with the seed of {@code what}. */
    public Provenance withSeed(String what, long seed) {
        Map<String, Long> more = new LinkedHashMap<>(seeds);
        more.put(what, seed);
        return new Provenance(producer, arguments, inputs, parameters, more, versions);
    }

    /** The record as every output writes it: producer, arguments, inputs, parameters, seeds, versions. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("producer", producer);
        if (!arguments.isEmpty()) {
            m.put("arguments", arguments);
        }
        m.put("inputs", inputs.stream().map(InputFile::toMap).toList());
        m.put("parameters", parameters);
        m.put("seeds", seeds);
        m.put("versions", versions);
        return m;
    }
}
