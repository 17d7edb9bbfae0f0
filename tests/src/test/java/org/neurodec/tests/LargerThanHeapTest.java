package org.neurodec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.cli.Main;
import org.neurodec.ingest.nifti.NiftiDataType;
import org.neurodec.ingest.nifti.NiftiImage;
import org.neurodec.ingest.nifti.NiftiWriter;
import org.neurodec.ingest.nifti.VoxelMask;
import org.neurodec.ingest.nifti.VoxelSeries;

/**
 * A 4D image of about 240 MB, plain and gzipped, is inspected and masked by a JVM whose heap is
 * 64 MB: proof that neither path materialises the whole image.
 */
class LargerThanHeapTest {

    static final long[] SHAPE = {91, 109, 91, 66};
    static final String HEAP = "-Xmx64m";
    /** One volume of 160 MB: more than twice the small JVM's heap. */
    static final long[] ONE_VOLUME = {512, 512, 160};

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeImages() {
        NiftiWriter.VolumeFiller filler = (t, volume) -> {
            for (int i = 0; i < volume.length; i++) {
                volume[i] = (i % 1000) + t;
            }
        };
        NiftiWriter.create(SHAPE).dataType(NiftiDataType.FLOAT32).write(dir.resolve("big.nii"), filler);
        NiftiWriter.create(SHAPE).dataType(NiftiDataType.FLOAT32).compressionLevel(1)
                .write(dir.resolve("big.nii.gz"), filler);
        NiftiWriter.create(ONE_VOLUME).dataType(NiftiDataType.FLOAT32).compressionLevel(1)
                .write(dir.resolve("one-volume.nii.gz"), filler);
    }

    @Test
    void aCompressedVolumeLargerThanTheHeapIsStreamed() throws Exception {
        String out = runSmallJvm(Main.class.getName(), "inspect", "--json", dir.resolve("one-volume.nii.gz").toString());
        assertTrue(out.contains("\"shape\" : [ 512, 512, 160 ]"), out);
        assertTrue(out.contains("\"max\" : 999.0"), out);
    }

    /** Run in the small JVM: masks 5000 voxels and prints a checksum. */
    public static void main(String[] args) {
        NiftiImage image = NiftiImage.open(Path.of(args[0]));
        int[] indices = new int[5000];
        for (int v = 0; v < indices.length; v++) {
            indices[v] = v * 173;
        }
        VoxelSeries series = image.mask(VoxelMask.ofIndices(image.header().shape(), indices));
        System.out.println("masked " + series.times() + " x " + series.voxels() + " last " + series.get(65, 4999));
    }

    @Test
    void inspectStreamsThroughAFileLargerThanTheHeap() throws Exception {
        for (String name : new String[] {"big.nii", "big.nii.gz"}) {
            assertTrue(Files.size(dir.resolve("big.nii")) > 3 * 64L * 1024 * 1024, "the image must dwarf the heap");
            String out = runSmallJvm(Main.class.getName(), "inspect", "--json", dir.resolve(name).toString());
            assertTrue(out.contains("\"shape\" : [ 91, 109, 91, 66 ]"), out);
            assertTrue(out.contains("\"max\" : 1064.0"), out);
        }
    }

    @Test
    void maskStreamsThroughAFileLargerThanTheHeap() throws Exception {
        for (String name : new String[] {"big.nii", "big.nii.gz"}) {
            String out = runSmallJvm(LargerThanHeapTest.class.getName(), dir.resolve(name).toString());
            assertEquals("masked 66 x 5000 last " + (float) ((4999 * 173) % 1000 + 65), out.strip());
        }
    }

    private static String runSmallJvm(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
