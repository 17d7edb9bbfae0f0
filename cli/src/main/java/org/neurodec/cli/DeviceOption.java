package org.neurodec.cli;

import ai.djl.Device;
import org.neurodec.encoders.SharedEncoder;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|gpu}, shared by the commands that run the encoder. */
final class DeviceOption {

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "where to run: a CUDA GPU when one is visible (auto), or the CPU (default: ${DEFAULT-VALUE})")
    String choice;

    /** The device chosen; an unknown choice or a missing GPU is refused with the option named. */
    Device device() {
        return SharedEncoder.device(choice);
    }
}
