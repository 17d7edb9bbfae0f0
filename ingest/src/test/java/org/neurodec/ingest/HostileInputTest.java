package org.neurodec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.eeg.EegRecording;
import org.neurodec.ingest.hdf5.Hdf5File;
import org.neurodec.ingest.hdf5.Hdf5Writer;
import org.neurodec.ingest.hdf5.TrialMatrices;
import org.neurodec.ingest.hdf5.TrialMatrixSpec;

/**
 * The inputs a hostile or broken file can be: companions that point elsewhere, headers that claim
 * more than the file holds, numbers that overflow or make no physical sense. Each is refused with an
 * {@link IngestException} naming the file and the field, or read with a warning that says what it
 * assumed; never a stack trace of another kind, an allocation the file does not back, or a silent
 * wrong result.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private static IngestException refused(Path file, String... fragments) {
        IngestException e = assertThrows(IngestException.class, () -> EegRecording.open(file).stats());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "mentions '" + fragment + "': " + e.getMessage());
        }
        return e;
    }

    private Path brainVision(String from, String to) throws IOException {
        Files.copy(TestData.file("eeg/Brainvision/test_NO.eeg"), dir.resolve("test_NO.eeg"));
        Files.copy(TestData.file("eeg/Brainvision/test_NO.vmrk"), dir.resolve("test_NO.vmrk"));
        Path vhdr = dir.resolve("test_NO.vhdr");
        Files.writeString(vhdr, Files.readString(TestData.file("eeg/Brainvision/test_NO.vhdr")).replace(from, to));
        return vhdr;
    }

    @Test
    void brainVisionCompanionsMustLieBesideTheHeader() throws IOException {
        Path outside = Files.writeString(dir.getParent().resolve(dir.getFileName() + "-outside.eeg"), "x".repeat(4096));
        try {
            refused(brainVision("DataFile=test_NO.eeg", "DataFile=../../../etc/passwd"), "DataFile", "beside the header",
                    "../../../etc/passwd");
            Files.delete(dir.resolve("test_NO.vhdr"));
            Files.delete(dir.resolve("test_NO.eeg"));
            Files.delete(dir.resolve("test_NO.vmrk"));
            refused(brainVision("DataFile=test_NO.eeg", "DataFile=" + outside), "DataFile", "beside the header");
            Files.delete(dir.resolve("test_NO.vhdr"));
            Files.delete(dir.resolve("test_NO.eeg"));
            Files.delete(dir.resolve("test_NO.vmrk"));
            refused(brainVision("MarkerFile=test_NO.vmrk", "MarkerFile=../x.vmrk"), "MarkerFile", "beside the header");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void aSamplingRateThatMakesNoPhysicalSenseIsRefused() throws IOException {
        refused(brainVision("SamplingInterval=200", "SamplingInterval=0.00001"), "test_NO.vhdr", "sampling rate of channel",
                "Hz");
    }

    @Test
    void aMarkerFileThatIsNotOneIsRefusedNotReadAsNoEvents() throws IOException {
        Path vhdr = brainVision("MarkerFile=test_NO.vmrk", "MarkerFile=test_NO.eeg");
        refused(vhdr, "test_NO.eeg", "[Marker Infos]");
    }

    @Test
    void aMarkerSizeBeyondLongIsRefusedNamingTheMarker() throws IOException {
        Path vhdr = brainVision("x", "x");
        Path vmrk = dir.resolve("test_NO.vmrk");
        Files.writeString(vmrk, Files.readString(vmrk).replace("Mk1=New Segment,,1,1,0", "Mk1=New Segment,,1,99999999999999999999,0"));
        refused(vhdr, "test_NO.vmrk", "size", "99999999999999999999");
    }

    /** A MAT v5 file of one char array whose data tag claims 2 GB that the file does not hold. */
    @Test
    void aMatFileClaimingGigabytesIsRefusedBeforeAnythingIsAllocated() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(128 + 8 + 16 + 16 + 8 + 8 + 16).order(ByteOrder.LITTLE_ENDIAN);
        byte[] text = String.format("%-116s", "MATLAB 5.0 MAT-file, hostile").getBytes(StandardCharsets.US_ASCII);
        b.put(text).put(new byte[8]).putShort((short) 0x0100).put((byte) 'I').put((byte) 'M');
        b.putInt(14).putInt(16 + 16 + 8 + 8 + 16);
        b.putInt(6).putInt(8).putInt(4).putInt(0);
        b.putInt(5).putInt(8).putInt(1).putInt(1_000_000_000);
        b.putInt(1 << 16 | 1).put("x".getBytes(StandardCharsets.US_ASCII)).put(new byte[3]);
        b.putInt(4).putInt(0x7FFF_FFF0).put(new byte[8]);
        Path set = Files.write(dir.resolve("hostile.set"), b.array());
        long before = usedHeap();
        IngestException e = refused(set, "hostile.set");
        assertTrue(usedHeap() - before < 64L << 20, "refused without a large allocation");
        assertTrue(e.getMessage().contains("bytes") || e.getMessage().contains("elements"), e.getMessage());
        // the layout check refused it (naming the array part), not the MAT library after an allocation
        assertTrue(e.getMessage().contains("array") && e.getMessage().contains("at byte"), e.getMessage());
    }

    @Test
    void aCsvHeaderOfMillionsOfColumnsIsRefusedWithoutReadingItWhole() throws IOException {
        Path csv = dir.resolve("wide.csv");
        try (var out = Files.newBufferedWriter(csv)) {
            out.write("timestamps");
            for (int i = 0; i < 2_000_000; i++) {
                out.write(",c");
            }
            out.write("\n0,1\n");
        }
        refused(csv, "wide.csv", "header row");
    }

    @Test
    void emptyOrNanCsvCellsAreReadWithAWarningNamingTheColumn() throws IOException {
        Path csv = Files.writeString(dir.resolve("gaps.csv"), "timestamps,TP9,AF7\n0.000,1,2\n0.004,,3\n0.008,NaN,4\n0.012,5,6\n");
        EegRecording recording = EegRecording.open(csv);
        assertTrue(recording.warnings().stream().anyMatch(w -> w.contains("'TP9': 2 of 4 cells empty or NaN")),
                recording.warnings().toString());
    }

    private Path edf(int offset, String field) throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.file("eeg/EDF/chtypes_edf.edf"));
        byte[] text = String.format("%-8s", field).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, offset, text.length);
        return Files.write(dir.resolve("absurd.edf"), bytes);
    }

    @Test
    void edfNumbersThatMakeNoPhysicalSenseAreRefused() throws IOException {
        refused(edf(244, "1e308"), "duration of a data record", "at most 86400");
        int signals = 43;
        refused(edf(256 + signals * (16 + 80 + 8 + 8), "1e308"), "signal 0", "physical maximum", "1.0E308");
    }

    @Test
    void aTrialMatrixOfNoFeaturesIsRefused() {
        Path h5 = dir.resolve("empty.h5");
        Hdf5Writer.create().dataset("x", new float[90 * 5], 90, 5).write(h5);
        IngestException e = assertThrows(IngestException.class, () -> TrialMatrices.read(h5, TrialMatrixSpec.of("x").selecting()));
        assertTrue(e.getMessage().contains("at least one trial and one feature") && e.getMessage().contains("empty.h5"),
                e.getMessage());
        try (Hdf5File file = Hdf5File.open(h5)) {
            assertEquals(List.of(90L, 5L), java.util.Arrays.stream(file.shape("x")).boxed().toList());
        }
    }

    /** A dataspace whose size reads as -1 (made by h5py, then patched: resources/hdf5/make_negative_shape.py). */
    @Test
    void anHdf5ShapeOfMinusOneIsRefused() {
        Path h5 = TestData.resource("hdf5/negative_shape.h5");
        IngestException e = assertThrows(IngestException.class, () -> {
            try (Hdf5File file = Hdf5File.open(h5)) {
                file.shape("x");
            }
        });
        assertTrue(e.getMessage().contains("negative_shape.h5") && e.getMessage().contains("[-1]"), e.getMessage());
        assertThrows(IngestException.class, () -> FileFormats.detect(h5).describe(h5), "inspect refuses it too");
    }

    @Test
    void aFileOfNoKnownFormatIsAnUnsupportedFormatAndANeurodecException() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> FileFormats.detect(notes));
        assertTrue(e instanceof org.neurodec.NeurodecException && e.getMessage().contains("notes.txt"), e.getMessage());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
