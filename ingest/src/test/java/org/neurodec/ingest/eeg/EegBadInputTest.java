package org.neurodec.ingest.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.TestData;

/** Bad EEG input: an IngestException naming the file and the field, or a valid result that says what it assumed. */
class EegBadInputTest {

    @TempDir
    Path dir;

    static void expect(Path file, String... fragments) {
        IngestException e = assertThrows(IngestException.class, () -> {
            EegRecording recording = EegRecording.open(file);
            recording.stats();
        });
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "mentions '" + fragment + "': " + e.getMessage());
        }
    }

    Path edf(String name, int offset, String field) throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.file("eeg/EDF/chtypes_edf.edf"));
        byte[] text = field.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, offset, text.length);
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void edfTruncatedOrLying() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.file("eeg/EDF/chtypes_edf.edf"));
        Path header = dir.resolve("header.edf");
        Files.write(header, Arrays.copyOf(bytes, 100));
        expect(header, header.toString(), "header", "256", "100");
        Path signals = dir.resolve("signals.edf");
        Files.write(signals, Arrays.copyOf(bytes, 3000));
        expect(signals, "signal headers");
        Path noData = dir.resolve("nodata.edf");
        Files.write(noData, Arrays.copyOf(bytes, 256 * 44 + 100));
        expect(noData, "data records (none complete)");
        expect(edf("headerbytes.edf", 184, "9999    "), "number of header bytes", "11264", "9999");
        expect(edf("nosignals.edf", 252, "0   "), "number of signals", "0");
        expect(edf("records.edf", 236, "-5      "), "number of data records", "-5");
        expect(edf("samples.edf", 256 + 43 * 216, "abc     "), "signal 0 (EEG Fp1-Ref) number of samples", "'abc'");
        expect(edf("version.edf", 0, "1"), "version", "'1'");
        expect(edf("discontinuous.edf", 192, "EDF+D"), "EDF+D", "reserved");
    }

    @Test
    void edfWithMoreRecordsClaimedThanPresentReadsWhatIsThere() throws IOException {
        Path file = edf("claims.edf", 236, "1000    ");
        EegRecording recording = EegRecording.open(file);
        assertEquals(1000, recording.times());
        assertTrue(recording.warnings().get(0).contains("states 1000 data records but the file holds 5"),
                recording.warnings().toString());
        byte[] bytes = Files.readAllBytes(TestData.file("eeg/EDF/chtypes_edf.edf"));
        Path cut = dir.resolve("cut.edf");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        EegRecording partial = EegRecording.open(cut);
        assertEquals(800, partial.times());
        assertTrue(partial.warnings().get(0).contains("holds 4 complete ones"), partial.warnings().toString());
    }

    Path brainVision(String header) throws IOException {
        Files.copy(TestData.file("eeg/Brainvision/test_NO.eeg"), dir.resolve("test_NO.eeg"));
        Files.copy(TestData.file("eeg/Brainvision/test_NO.vmrk"), dir.resolve("test_NO.vmrk"));
        Path vhdr = dir.resolve("test_NO.vhdr");
        Files.writeString(vhdr, header);
        return vhdr;
    }

    static String header() throws IOException {
        return Files.readString(TestData.file("eeg/Brainvision/test_NO.vhdr"));
    }

    @Test
    void brainVisionMissingCompanionsAndLyingHeaders() throws IOException {
        Path vhdr = brainVision(header());
        Files.delete(dir.resolve("test_NO.vmrk"));
        expect(vhdr, vhdr.toString(), "MarkerFile", "test_NO.vmrk", "missing");
        Files.copy(TestData.file("eeg/Brainvision/test_NO.vmrk"), dir.resolve("test_NO.vmrk"));
        Files.delete(dir.resolve("test_NO.eeg"));
        expect(vhdr, "DataFile", "test_NO.eeg", "missing");
        Files.copy(TestData.file("eeg/Brainvision/test_NO.eeg"), dir.resolve("test_NO.eeg"));
        Files.writeString(vhdr, header().replace("NumberOfChannels=65", "NumberOfChannels=70"));
        expect(vhdr, "Ch66", "a line for each of the 70 channels");
        Files.writeString(vhdr, header().replace("NumberOfChannels=65", "NumberOfChannels=sixty"));
        expect(vhdr, "NumberOfChannels", "'sixty'");
        Files.writeString(vhdr, header().replace("SamplingInterval=200", "SamplingInterval=0"));
        expect(vhdr, "SamplingInterval");
        Files.writeString(vhdr, header().replace("IEEE_FLOAT_32", "IEEE_FLOAT_64"));
        expect(vhdr, "BinaryFormat", "IEEE_FLOAT_64");
        Files.writeString(vhdr, header().replace("Ch3=3,,1,", "Ch3=3,,x,"));
        expect(vhdr, "Ch3 resolution", "'x'");
        Files.writeString(vhdr, header());
        Files.write(dir.resolve("test_NO.eeg"), new byte[100]);
        expect(vhdr, "test_NO.eeg", "truncated");
    }

    @Test
    void brainVisionLayoutsReadAlike() throws IOException {
        EegRecording original = EegRecording.open(TestData.file("eeg/Brainvision/test_NO.vhdr"));
        Signals all = original.readAll();
        int channels = all.channels();
        int times = all.times();
        java.nio.ByteBuffer vectorized = java.nio.ByteBuffer.allocate(channels * times * 4).order(java.nio.ByteOrder.BIG_ENDIAN);
        java.nio.ByteBuffer int16 = java.nio.ByteBuffer.allocate(channels * times * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < times; t++) {
                vectorized.putFloat((float) (all.get(c, t) * 1e6));
            }
        }
        short[][] stored = new short[channels][times];
        for (int t = 0; t < times; t++) {
            for (int c = 0; c < channels; c++) {
                stored[c][t] = (short) Math.round((all.get(c, t) * 1e6 + 426_000) / 0.5);
                int16.putShort(stored[c][t]);
            }
        }
        Files.write(dir.resolve("vec.eeg"), vectorized.array());
        Files.write(dir.resolve("i16.eeg"), int16.array());
        String base = header().replace("MarkerFile=test_NO.vmrk\n", "").replace("MarkerFile=test_NO.vmrk\r\n", "");
        Path vec = dir.resolve("vec.vhdr");
        Files.writeString(vec, base.replace("test_NO.eeg", "vec.eeg").replace("MULTIPLEXED", "VECTORIZED")
                .replace("UseBigEndianOrder=NO", "UseBigEndianOrder=YES"));
        Path i16 = dir.resolve("i16.vhdr");
        Files.writeString(i16, base.replace("test_NO.eeg", "i16.eeg").replace("IEEE_FLOAT_32", "INT_16")
                .replaceAll("(Ch\\d+=[^,]*,),1,", "$1,0.5,"));
        EegRecording v = EegRecording.open(vec);
        EegRecording s = EegRecording.open(i16);
        assertEquals(original.channelNames(), v.channelNames());
        for (int c = 0; c < channels; c += 7) {
            for (int t = 0; t < times; t += 97) {
                assertEquals(all.get(c, t), v.read(c, t, 1)[0], 1e-12, "vectorized " + c + "," + t);
                assertEquals(stored[c][t] * 0.5e-6, s.read(t, 1).get(c, 0), 1e-15, "int16 " + c + "," + t);
            }
        }
        assertEquals(List.of(), v.annotations());
    }

    @Test
    void eeglabMissingOrShortFdt() throws IOException {
        Path set = dir.resolve("test_raw.set");
        Files.copy(TestData.file("eeg/EEGLAB/test_raw.set"), set);
        expect(set, set.toString(), "test_raw.fdt", "missing");
        Files.write(dir.resolve("test_raw.fdt"), Arrays.copyOf(Files.readAllBytes(TestData.file("eeg/EEGLAB/test_raw.fdt")), 1000));
        expect(set, "test_raw.fdt", "truncated", "3904512", "1000");
        Path broken = dir.resolve("broken.set");
        Files.write(broken, Arrays.copyOf(Files.readAllBytes(TestData.file("eeg/EEGLAB/test_raw.set")), 5000));
        expect(broken, broken.toString());
    }

    @Test
    void csvWithBadCells() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "timestamps,TP9,Marker0\n0.000,1.5,0\n0.004,oops,0\n");
        expect(csv, csv.toString(), "line 3", "column 'TP9'", "'oops'");
        Files.writeString(csv, "timestamps,TP9,Marker0\n0.000,1.5,0\n0.004,2.5\n");
        expect(csv, "line 3", "3 cells");
        Files.writeString(csv, "time,TP9\n0.000,1.5\n0.004,2.5\n");
        expect(csv, "'timestamps' column", "[time, TP9]");
        Files.writeString(csv, "timestamps,TP9\n0.000,1.5\n0.000,2.5\n");
        expect(csv, "timestamps", "increasing times");
    }
}
