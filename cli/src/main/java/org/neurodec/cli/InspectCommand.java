package org.neurodec.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurodec.ingest.FileFormat;
import org.neurodec.ingest.FileFormats;
import org.neurodec.ingest.FileHead;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.ingest.hdf5.Hdf5Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neurodec inspect FILE}: what a user needs to trust a file, streamed from disk. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Describe a recording: format, shape or channels, types, units, statistics, annotations.",
            "Reads NIfTI-1/2 (.nii, .nii.gz, .hdr/.img), HDF5, EDF/EDF+/BDF/BDF+, BrainVision (.vhdr),",
            "EEGLAB (.set, MATLAB v5 or v7.3) and timestamped CSV exports; the format is found from the",
            "file's first bytes, then its suffix. Data is streamed, so files larger than memory work."})
final class InspectCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the file to describe")
    private Path file;

    @Option(names = "--json", description = "print one JSON object instead of a readable summary")
    private boolean json;

    @Option(names = "--hdf5-tree", description = "for a file stored as HDF5 (an EEGLAB .set saved as MATLAB v7.3,"
            + " say), add its HDF5 tree to the description")
    private boolean hdf5Tree;

    @Option(names = "--sfreq", paramLabel = "HZ", description = "EEG: the sampling rate of a CSV export (else estimated"
            + " from its timestamps); another format's header rate must agree")
    private Double sfreq;

    @Override
    public Integer call() throws JsonProcessingException {
        FileFormat format = FileFormats.detect(file);
        if (sfreq != null && !(sfreq > 0 && sfreq < 1e6)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sfreq: expected a rate in Hz above 0, found "
                    + sfreq);
        }
        if (sfreq != null && !(format instanceof org.neurodec.ingest.eeg.EegFormat)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sfreq: expected an EEG recording, found a "
                    + format.name() + " file");
        }
        Map<String, Object> description = sfreq == null ? format.describe(file)
                : org.neurodec.ingest.eeg.EegFormat.describe(org.neurodec.ingest.eeg.EegRecording.open(file,
                        java.util.OptionalDouble.of(sfreq)));
        if (hdf5Tree && !format.name().equals("hdf5") && new Hdf5Format().matchesMagic(FileHead.read(file))) {
            description = new java.util.LinkedHashMap<>(description);
            try (Hdf5File hdf = Hdf5File.open(file)) {
                description.put("tree", hdf.tree());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(description));
        } else {
            Summary.print(description, out);
        }
        out.flush();
        return 0;
    }
}
