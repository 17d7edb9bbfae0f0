package org.neurodec.ingest;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.hdf5.Hdf5File;

/**
 * Mutates the real fixtures thousands of times (truncations, byte flips, header fields overwritten
 * with extreme values) and reads each mutant completely: the only acceptable outcomes are a valid
 * result or an {@link IngestException}; never another exception, an error or a hang. Seeded, so a
 * failure names the seed and mutation that reproduce it.
 */
class MutationTest {

    private static final int NIFTI_MUTANTS = 600;
    private static final int HDF5_MUTANTS = 300;
    private static final int EEG_MUTANTS = 300;
    /** Byte offsets of NIfTI-1 and NIfTI-2 header fields worth lying in. */
    private static final int[] FIELDS = {0, 40, 42, 44, 46, 48, 70, 72, 76, 80, 108, 112, 116, 252, 254, 344, 348, 352,
        4, 12, 14, 16, 24, 32, 40, 104, 168, 176, 184, 344, 348};
    private static final long[] EXTREMES = {0, -1, 1, 7, 8, 255, 32767, -32768, 65535, Integer.MAX_VALUE,
        Integer.MIN_VALUE, Long.MAX_VALUE, 0x7fc00000L, 0x7f800000L, 1_000_000_000_000L};

    @TempDir
    Path dir;

    @org.junit.jupiter.api.Test
    void runsUnderTheHeapItClaims() {
        assertTrue(Runtime.getRuntime().maxMemory() <= 256L << 20, "the mutation test must run under -Xmx256m (ingest/pom.xml),"
                + " found a heap of " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    }

    @TestFactory
    List<DynamicTest> niftiMutants() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : new String[] {"anatomical.nii", "functional.nii", "example4d.nii.gz",
            "example_nifti2.nii.gz", "standard.nii.gz"}) {
            tests.add(DynamicTest.dynamicTest(name, () -> mutate(TestData.file("nifti/" + name), NIFTI_MUTANTS,
                    name.hashCode())));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> hdf5Mutants() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : new String[] {"real/digits69/digits69.h5", "eeg/EEGLAB/test_raw_h5.set"}) {
            tests.add(DynamicTest.dynamicTest(name, () -> mutate(TestData.file(name), HDF5_MUTANTS, name.hashCode())));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> eegMutants() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        Path bdf = small.resolve("generator.bdf");
        Files.write(bdf, firstRecords(TestData.file("eeg/BDF/test_generator_2.bdf"), 3));
        Path csv = small.resolve("n170.csv");
        Files.write(csv, Files.readAllLines(TestData.file("real/eegnb-n170/subject1/session1/data_2017-09-13-15.30.01.csv"))
                .subList(0, 400));
        tests.add(DynamicTest.dynamicTest("edf", () -> mutate(TestData.file("eeg/EDF/chtypes_edf.edf"), EEG_MUTANTS, 1)));
        tests.add(DynamicTest.dynamicTest("edf with rates", () -> mutate(TestData.file("eeg/EDF/test_reduced.edf"), EEG_MUTANTS, 2)));
        tests.add(DynamicTest.dynamicTest("bdf", () -> mutate(bdf, EEG_MUTANTS, 3)));
        tests.add(DynamicTest.dynamicTest("brainvision header", () -> mutate(TestData.file("eeg/Brainvision/test_NO.vhdr"),
                EEG_MUTANTS, 4, TestData.file("eeg/Brainvision/test_NO.eeg"), TestData.file("eeg/Brainvision/test_NO.vmrk"))));
        tests.add(DynamicTest.dynamicTest("brainvision markers", () -> mutate(TestData.file("eeg/Brainvision/test_NO.vmrk"),
                EEG_MUTANTS, 5, TestData.file("eeg/Brainvision/test_NO.eeg"), TestData.file("eeg/Brainvision/test_NO.vhdr"))));
        tests.add(DynamicTest.dynamicTest("eeglab v5", () -> mutate(TestData.file("eeg/EEGLAB/test_raw.set"), EEG_MUTANTS, 6,
                TestData.file("eeg/EEGLAB/test_raw.fdt"))));
        tests.add(DynamicTest.dynamicTest("eeglab v7.3", () -> mutate(TestData.file("eeg/EEGLAB/test_raw_hdf5.set"),
                EEG_MUTANTS, 7)));
        tests.add(DynamicTest.dynamicTest("csv", () -> mutate(csv, EEG_MUTANTS, 8)));
        tests.add(DynamicTest.dynamicTest("fif raw", () -> mutate(TestData.resource("fif/fixture_single_raw.fif"), EEG_MUTANTS,
                10)));
        tests.add(DynamicTest.dynamicTest("fif events", () -> mutate(TestData.resource("fif/fixture_single-eve.fif"),
                EEG_MUTANTS, 11)));
        tests.add(DynamicTest.dynamicTest("npy", () -> mutate(TestData.resource("npy/f8_fortran.npy"), EEG_MUTANTS, 9)));
        return tests;
    }

    /** The header of an EDF/BDF file and its first {@code records} data records, with the record count fixed. */
    static byte[] firstRecords(Path file, int records) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int headerBytes = Integer.parseInt(new String(all, 184, 8, java.nio.charset.StandardCharsets.US_ASCII).strip());
        int signals = Integer.parseInt(new String(all, 252, 4, java.nio.charset.StandardCharsets.US_ASCII).strip());
        long recordBytes = 0;
        for (int s = 0; s < signals; s++) {
            recordBytes += Long.parseLong(new String(all, 256 + signals * 216 + 8 * s, 8,
                    java.nio.charset.StandardCharsets.US_ASCII).strip());
        }
        recordBytes *= (all[0] & 0xFF) == 0xFF ? 3 : 2;
        byte[] out = Arrays.copyOf(all, (int) (headerBytes + records * recordBytes));
        byte[] count = String.format("%-8d", records).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(count, 0, out, 236, 8);
        return out;
    }

    private void mutate(Path original, int count, long seed, Path... companions) throws IOException {
        boolean gzipped = original.toString().endsWith(".gz");
        byte[] content = gzipped ? TestData.gunzip(original) : Files.readAllBytes(original);
        Path folder = Files.createTempDirectory(dir, "mutants");
        for (Path companion : companions) {
            Files.copy(companion, folder.resolve(companion.getFileName()));
        }
        Random random = new Random(seed);
        int[] refused = new int[1];
        int hangs = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] mutant = content.clone();
            String what = mutation(random, mutant);
            if (what.startsWith("truncate")) {
                mutant = Arrays.copyOf(mutant, Integer.parseInt(what.substring(9)));
            }
            Path file = folder.resolve(original.getFileName());
            if (gzipped && random.nextInt(10) == 0) {
                byte[] compressed = TestData.gzip(content);
                compressed[random.nextInt(compressed.length)] ^= (byte) (1 + random.nextInt(255));
                Files.write(file, compressed);
                what = "flip a byte of the gzip stream";
            } else {
                Files.write(file, gzipped ? TestData.gzip(mutant) : mutant);
            }
            String description = original.getFileName() + " mutant " + i + " (seed " + seed + "): " + what;
            try {
                boolean ok = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> readExpectingOnlyIngestErrors(file, description), description + " hung");
                refused[0] += ok ? 0 : 1;
            } catch (org.opentest4j.AssertionFailedError e) {
                hangs += e.getMessage().contains(" hung") ? 1 : 0;
                failures.add(e.getMessage());
            }
        }
        // The tally the closing notes quote: tried, read as valid, clean errors, crashes, hangs.
        System.out.printf("mutants of %s under a %d MB heap: tried %d, valid %d, clean error %d, crash %d, hang %d%n",
                original.getFileName(), Runtime.getRuntime().maxMemory() >> 20, count, count - refused[0] - failures.size(),
                refused[0], failures.size() - hangs, hangs);
        assertTrue(failures.isEmpty(), failures.size() + " mutants failed, the first: " + (failures.isEmpty() ? "" : failures.get(0)));
        // Both outcomes must occur, or the mutations are not testing what they claim to.
        assertTrue(refused[0] > 0 && refused[0] < count,
                original.getFileName() + ": " + refused[0] + " of " + count + " mutants refused");
    }

    private static String mutation(Random random, byte[] b) {
        ByteBuffer buffer = ByteBuffer.wrap(b).order(random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        switch (random.nextInt(4)) {
            case 0 -> {
                return "truncate " + random.nextInt(b.length);
            }
            case 1 -> {
                int flips = 1 + random.nextInt(8);
                int region = random.nextBoolean() ? Math.min(b.length, 1024) : b.length;
                for (int k = 0; k < flips; k++) {
                    b[random.nextInt(region)] ^= (byte) (1 << random.nextInt(8));
                }
                return flips + " bit flips in the first " + region + " bytes";
            }
            case 2 -> {
                int offset = FIELDS[random.nextInt(FIELDS.length)];
                long value = EXTREMES[random.nextInt(EXTREMES.length)];
                int width = new int[] {2, 4, 8}[random.nextInt(3)];
                if (offset + width > b.length) {
                    return "nothing";
                }
                switch (width) {
                    case 2 -> buffer.putShort(offset, (short) value);
                    case 4 -> buffer.putInt(offset, (int) value);
                    default -> buffer.putLong(offset, value);
                }
                return "field at " + offset + " (" + width + " bytes, " + buffer.order() + ") = " + value;
            }
            default -> {
                int offset = random.nextInt(b.length);
                int length = Math.min(b.length - offset, 1 + random.nextInt(64));
                byte[] junk = new byte[length];
                random.nextBytes(junk);
                System.arraycopy(junk, 0, b, offset, length);
                return length + " random bytes at " + offset;
            }
        }
    }

    /** True when the mutant read as valid, false when it was refused with an IngestException. */
    private static boolean readExpectingOnlyIngestErrors(Path mutant, String description) throws IOException {
        Path file = entry(mutant);
        try {
            if (file.toString().endsWith(".npy")) {
                org.neurodec.ingest.npy.NpyFile.read(file);
                return true;
            }
            FileFormat format = FileFormats.detect(file);
            Map<String, Object> summary = format.describe(file);
            if (format.name().equals("hdf5")) {
                readEveryDataset(file, summary);
            }
            return true;
        } catch (IngestException expected) {
            if (!expected.getMessage().contains(file.getParent().toString())) {
                fail(description + ": the message does not name the file: " + expected.getMessage());
            }
            return false;
        } catch (Throwable t) {
            return fail(description + ": " + t, t);
        }
    }

    /** The file a reader opens: the mutant itself, or the header beside a mutated companion file. */
    private static Path entry(Path mutant) throws IOException {
        String name = mutant.getFileName().toString();
        if (!name.endsWith(".vmrk") && !name.endsWith(".eeg") && !name.endsWith(".fdt")) {
            return mutant;
        }
        try (var siblings = Files.list(mutant.getParent())) {
            return siblings.filter(p -> p.toString().endsWith(".vhdr") || p.toString().endsWith(".set")).findFirst()
                    .orElseThrow();
        }
    }

    @SuppressWarnings("unchecked")
    private static void readEveryDataset(Path file, Map<String, Object> summary) {
        List<String> paths = new ArrayList<>();
        collect((Map<String, Object>) summary.get("tree"), paths);
        try (Hdf5File hdf = Hdf5File.open(file)) {
            for (String path : paths) {
                hdf.read(path);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> node, List<String> paths) {
        if ("dataset".equals(node.get("type"))) {
            paths.add((String) node.get("path"));
        }
        if (node.get("children") instanceof List<?> children) {
            for (Object child : children) {
                collect((Map<String, Object>) child, paths);
            }
        }
    }
}
