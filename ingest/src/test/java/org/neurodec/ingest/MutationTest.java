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
    /** Byte offsets of NIfTI-1 and NIfTI-2 header fields worth lying in. */
    private static final int[] FIELDS = {0, 40, 42, 44, 46, 48, 70, 72, 76, 80, 108, 112, 116, 252, 254, 344, 348, 352,
        4, 12, 14, 16, 24, 32, 40, 104, 168, 176, 184, 344, 348};
    private static final long[] EXTREMES = {0, -1, 1, 7, 8, 255, 32767, -32768, 65535, Integer.MAX_VALUE,
        Integer.MIN_VALUE, Long.MAX_VALUE, 0x7fc00000L, 0x7f800000L, 1_000_000_000_000L};

    @TempDir
    Path dir;

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

    private void mutate(Path original, int count, long seed) throws IOException {
        boolean gzipped = original.toString().endsWith(".gz");
        byte[] content = gzipped ? TestData.gunzip(original) : Files.readAllBytes(original);
        String suffix = original.getFileName().toString().replaceFirst("^[^.]*", "");
        Random random = new Random(seed);
        int[] refused = new int[1];
        for (int i = 0; i < count; i++) {
            byte[] mutant = content.clone();
            String what = mutation(random, mutant);
            if (what.startsWith("truncate")) {
                mutant = Arrays.copyOf(mutant, Integer.parseInt(what.substring(9)));
            }
            Path file = dir.resolve("mutant" + suffix);
            if (gzipped && random.nextInt(10) == 0) {
                byte[] compressed = TestData.gzip(content);
                compressed[random.nextInt(compressed.length)] ^= (byte) (1 + random.nextInt(255));
                Files.write(file, compressed);
                what = "flip a byte of the gzip stream";
            } else {
                Files.write(file, gzipped ? TestData.gzip(mutant) : mutant);
            }
            String description = original.getFileName() + " mutant " + i + " (seed " + seed + "): " + what;
            boolean ok = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> readExpectingOnlyIngestErrors(file, description), description + " hung");
            refused[0] += ok ? 0 : 1;
        }
        // Both outcomes must occur, or the mutations are not testing what they claim to.
        assertTrue(refused[0] > count / 20 && refused[0] < count,
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
    private static boolean readExpectingOnlyIngestErrors(Path file, String description) {
        try {
            FileFormat format = FileFormats.detect(file);
            Map<String, Object> summary = format.describe(file);
            if (format.name().equals("hdf5")) {
                readEveryDataset(file, summary);
            }
            return true;
        } catch (IngestException expected) {
            if (!expected.getMessage().contains(file.getFileName().toString())) {
                fail(description + ": the message does not name the file: " + expected.getMessage());
            }
            return false;
        } catch (Throwable t) {
            return fail(description + ": " + t, t);
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
