package org.neurodec.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurodec.ingest.IngestException;

/** Finds the shared example data: an explicit path, $NEURODEC_DATA, or ../shared/data beside the checkout. */
final class DataRoot {

    private DataRoot() {
    }

    static Path find(Path explicit) {
        List<Path> candidates = new ArrayList<>();
        if (explicit != null) {
            candidates.add(explicit);
        } else {
            String env = System.getenv("NEURODEC_DATA");
            if (env != null && !env.isBlank()) {
                candidates.add(Path.of(env));
            }
            candidates.add(Path.of("..", "shared", "data"));
            checkoutRoot().ifPresent(root -> candidates.add(root.resolve("../shared/data")));
        }
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IngestException("example data not found; looked in " + candidates
                + " (pass --data DIR or set NEURODEC_DATA)");
    }

    /** The checkout's examples folder: ./examples, or the one beside the running jar's checkout. */
    static Path examples() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("examples")));
        checkoutRoot().ifPresent(root -> candidates.add(root.resolve("examples")));
        String property = System.getProperty("neurodec.root");
        if (property != null) {
            candidates.add(0, Path.of(property, "examples"));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("synthetic-transfer.yaml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IngestException("the examples folder was not found; looked in " + candidates);
    }

    /** The checkout holding the running jar (cli/target/neurodec.jar → the folder above cli/). */
    private static java.util.Optional<Path> checkoutRoot() {
        try {
            Path jar = Path.of(DataRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path cli = jar.getParent() == null ? null : jar.getParent().getParent();
            return java.util.Optional.ofNullable(cli == null ? null : cli.getParent());
        } catch (URISyntaxException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }
}
