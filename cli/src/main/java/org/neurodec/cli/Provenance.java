package org.neurodec.cli;

import java.util.List;

/** The provenance record a command starts from: the command's name, its arguments, the versions. */
final class Provenance {

    private Provenance() {
    }

    /** {@code neurodec NAME} with the arguments it was given. */
    static org.neurodec.Provenance command(String name, List<String> arguments) {
        return org.neurodec.Provenance.of("neurodec " + name).withArguments(arguments);
    }
}
