package org.neurodec.ingest.hdf5;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.neurodec.ingest.FileFormat;
import org.neurodec.ingest.FileHead;

/** HDF5 files, including those behind a user block (MATLAB v7.3 files put the signature at byte 512). */
public final class Hdf5Format implements FileFormat {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};

    @Override
    public String name() {
        return "hdf5";
    }

    @Override
    public boolean matchesMagic(FileHead head) {
        for (int offset = 0; offset < FileHead.LENGTH; offset = offset == 0 ? 512 : offset * 2) {
            if (head.rawHas(offset, SIGNATURE)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean matchesSuffix(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf") || name.endsWith(".he5");
    }

    @Override
    public Map<String, Object> describe(Path file) {
        try (Hdf5File hdf = Hdf5File.open(file)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("format", "hdf5");
            out.put("file", file.toString());
            out.put("user_block", hdf.userBlockSize());
            out.put("tree", hdf.tree());
            return out;
        }
    }
}
