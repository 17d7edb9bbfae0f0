package org.neurodec.ingest.eeg.edf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neurodec.ingest.IngestException;
import org.neurodec.ingest.eeg.Annotation;

/**
 * EDF+/BDF+ annotations: the time-stamped annotation lists (TALs) of every annotation signal, text
 * in UTF-8. Onsets are made relative to the first data record, whose own time-keeping TAL says
 * where it starts, as MNE does.
 */
final class EdfAnnotations {

    private static final Pattern TAL = Pattern.compile(
            "([+-]\\d+\\.?\\d*)(\u0015(\\d+\\.?\\d*))?(\u0014.*?)\u0014\u0000", Pattern.UNIX_LINES);

    private EdfAnnotations() {
    }

    static List<Annotation> read(Path file, EdfHeader header, long records, List<String> warnings) {
        StringBuilder text = new StringBuilder();
        int recordBytes = (int) header.recordBytes();
        int start = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (EdfSignal signal : header.signals()) {
                int length = signal.samplesPerRecord() * header.bytesPerSample();
                if (signal.isAnnotations()) {
                    ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 64, records * length));
                    for (long r = 0; r < records && bytes.remaining() >= length; r++) {
                        ByteBuffer slice = bytes.slice(bytes.position(), length);
                        long position = header.headerBytes() + r * recordBytes + start;
                        while (slice.hasRemaining()) {
                            if (channel.read(slice, position + slice.position()) < 0) {
                                throw IngestException.truncated(file, "annotations of data record " + r,
                                        position + length, position + slice.position());
                            }
                        }
                        bytes.position(bytes.position() + length);
                    }
                    text.append(decode(file, bytes.flip(), warnings));
                }
                start += length;
            }
        } catch (IOException e) {
            throw new IngestException(file + ": could not read the annotations: " + e.getMessage(), e);
        }
        return parse(text);
    }

    static List<Annotation> parse(CharSequence tals) {
        List<Annotation> out = new ArrayList<>();
        Matcher m = TAL.matcher(tals);
        double offset = 0;
        for (int k = 0; m.find(); k++) {
            double onset = Double.parseDouble(m.group(1)) + offset;
            double duration = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
            String[] descriptions = m.group(4).split("\u0014", -1);
            for (int i = 1; i < descriptions.length; i++) {
                if (!descriptions[i].isEmpty()) {
                    out.add(new Annotation(onset, duration, descriptions[i]));
                } else if (k == 0) {
                    offset = -onset;
                }
            }
        }
        return out;
    }

    private static CharSequence decode(Path file, ByteBuffer bytes, List<String> warnings) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes.duplicate());
        } catch (CharacterCodingException e) {
            warnings.add("annotations are not valid UTF-8; read as Latin-1");
            CharBuffer latin = StandardCharsets.ISO_8859_1.decode(bytes);
            return latin;
        }
    }
}
