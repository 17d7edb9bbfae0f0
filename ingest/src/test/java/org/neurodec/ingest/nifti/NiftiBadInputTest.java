package org.neurodec.ingest.nifti;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.TestData;

/** Each kind of bad NIfTI input gets an IngestException that names the file and the field. */
class NiftiBadInputTest {

    @TempDir
    Path dir;

    /** Reads everything the reader offers, so that lies about the data surface too. */
    static void readFully(Path file) {
        NiftiImage image = NiftiImage.open(file);
        image.stats();
        image.volume(image.volumeCount() - 1);
    }

    void expect(Path file, String... fragments) {
        IngestException e = assertThrows(IngestException.class, () -> readFully(file));
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "mentions '" + fragment + "': " + e.getMessage());
        }
    }

    Path mutated(String name, Consumer<ByteBuffer> change) throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.file("nifti/anatomical.nii"));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        change.accept(b);
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void truncatedFiles() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.file("nifti/anatomical.nii"));
        Path header = dir.resolve("header_cut.nii");
        Files.write(header, Arrays.copyOf(bytes, 200));
        expect(header, "header", "348", "200");
        Path data = dir.resolve("data_cut.nii");
        Files.write(data, Arrays.copyOf(bytes, 30000));
        expect(data, "truncated", "data", "30000");
        Path empty = dir.resolve("empty.nii");
        Files.write(empty, new byte[0]);
        expect(empty, "sizeof_hdr");
    }

    @Test
    void truncatedGzipStream() throws IOException {
        byte[] gz = Files.readAllBytes(TestData.file("nifti/example4d.nii.gz"));
        Path half = dir.resolve("half.nii.gz");
        Files.write(half, Arrays.copyOf(gz, gz.length / 2));
        expect(half);
        Path content = dir.resolve("short_content.nii.gz");
        byte[] raw = TestData.gunzip(TestData.file("nifti/example4d.nii.gz"));
        Files.write(content, TestData.gzip(Arrays.copyOf(raw, raw.length - 1000)));
        expect(content, "truncated", "volume 1");
    }

    @Test
    void wrongMagicAndSize() throws IOException {
        expect(mutated("magic.nii", b -> b.put(344, (byte) 'x')), "magic", "'x+1'");
        expect(mutated("sizeof.nii", b -> b.putInt(0, 999)), "sizeof_hdr", "348 (NIfTI-1) or 540 (NIfTI-2)");
    }

    @Test
    void impossibleDimensions() throws IOException {
        expect(mutated("rank0.nii", b -> b.putShort(40, (short) 0)), "dim[0]", "0");
        expect(mutated("rank9.nii", b -> b.putShort(40, (short) 9)), "dim[0]", "9");
        expect(mutated("negative.nii", b -> b.putShort(44, (short) -5)), "dim[2]", "-5");
        expect(mutated("zero.nii", b -> b.putShort(42, (short) 0)), "dim[1]", "0");
        expect(mutated("inconsistent.nii", b -> b.putShort(46, (short) 26)), "truncated", "33, 41, 26");
    }

    @Test
    void headerClaimingATrillionVoxels() throws IOException {
        Path n1 = mutated("huge.nii", b -> {
            b.putShort(40, (short) 4);
            for (int i = 1; i <= 4; i++) {
                b.putShort(40 + 2 * i, (short) 1000);
            }
        });
        expect(n1, "truncated", "[1000, 1000, 1000, 1000]");
        byte[] raw = TestData.gunzip(TestData.file("nifti/example_nifti2.nii.gz"));
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long[] dims = {4, 10_000, 10_000, 100, 100};
        for (int i = 0; i < dims.length; i++) {
            b.putLong(16 + 8 * i, dims[i]);
        }
        Path n2 = dir.resolve("huge2.nii.gz");
        Files.write(n2, TestData.gzip(raw));
        expect(n2, "dim", "10000, 10000, 100, 100");
        b.putLong(24, 1_000_000_000L);
        Path wide = dir.resolve("wide.nii.gz");
        Files.write(wide, TestData.gzip(raw));
        expect(wide, "dim[1..3]", "3D volume");
    }

    @Test
    void unsupportedDataTypes() throws IOException {
        expect(mutated("complex.nii", b -> b.putShort(70, (short) 32)), "datatype", "complex64");
        expect(mutated("rgb.nii", b -> b.putShort(70, (short) 128)), "datatype", "rgb24");
        expect(mutated("unknown.nii", b -> b.putShort(70, (short) 3)), "datatype", "3");
    }

    @Test
    void lyingOffsetsAndScaling() throws IOException {
        expect(mutated("far.nii", b -> b.putFloat(108, 1e9f)), "truncated", "1000000000");
        expect(mutated("negative_offset.nii", b -> b.putFloat(108, -16f)), "vox_offset", "-16");
        expect(mutated("nan_offset.nii", b -> b.putFloat(108, Float.NaN)), "vox_offset", "NaN");
        expect(mutated("low_offset.nii", b -> b.putFloat(108, 100f)), "vox_offset", "at least 348");
        expect(mutated("nan_inter.nii", b -> {
            b.putFloat(112, 2f);
            b.putFloat(116, Float.NaN);
        }), "scl_inter", "NaN");
        byte[] raw = TestData.gunzip(TestData.file("nifti/example4d.nii.gz"));
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putInt(352, 4);
        Path small = dir.resolve("extension_small.nii.gz");
        Files.write(small, TestData.gzip(raw));
        expect(small, "extension 0 esize", "4");
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putInt(352, 4096);
        Path large = dir.resolve("extension_large.nii.gz");
        Files.write(large, TestData.gzip(raw));
        expect(large, "extension 0 esize", "4096", "before byte 416");
    }

    @Test
    void pairWithoutItsImage() throws IOException {
        Path hdr = dir.resolve("lonely.hdr");
        Files.copy(TestData.resource("nifti/pair.hdr"), hdr);
        IngestException e = assertThrows(IngestException.class, () -> NiftiImage.open(hdr));
        assertTrue(e.getMessage().contains("lonely.img") && e.getMessage().contains("missing"), e.getMessage());
        Path img = dir.resolve("orphan.img");
        Files.copy(TestData.resource("nifti/pair.img"), img);
        IngestException f = assertThrows(IngestException.class, () -> NiftiImage.open(img));
        assertTrue(f.getMessage().contains("orphan.hdr"), f.getMessage());
    }
}
