package org.neurodec.ingest.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.neurodec.ingest.FileFormat;
import org.neurodec.ingest.FileHead;

/** NIfTI-1 and NIfTI-2, single-file or pair, plain or gzipped. */
public final class NiftiFormat implements FileFormat {

    @Override
    public String name() {
        return "nifti";
    }

    @Override
    public boolean matchesMagic(FileHead head) {
        ByteBuffer content = ByteBuffer.wrap(head.content());
        int version = NiftiHeaderReader.version(content);
        if (version == 1) {
            return head.contentHas(344, "n+1\0") || head.contentHas(344, "ni1\0");
        }
        return version == 2 && (head.contentHas(4, "n+2\0") || head.contentHas(4, "ni2\0"));
    }

    @Override
    public boolean matchesSuffix(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr")
                || name.endsWith(".hdr.gz") || name.endsWith(".img") || name.endsWith(".img.gz");
    }

    @Override
    public Map<String, Object> describe(Path file) {
        NiftiImage image = NiftiImage.open(file);
        NiftiHeader h = image.header();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "nifti" + h.version());
        out.put("file", image.file().toString());
        if (!image.dataFile().equals(image.file())) {
            out.put("data_file", image.dataFile().toString());
        }
        out.put("shape", h.shape());
        out.put("datatype", h.dataType().code());
        out.put("datatype_name", h.dataType().name().toLowerCase(Locale.ROOT));
        out.put("bitpix", h.bitpix());
        out.put("endianness", h.byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little");
        out.put("pixdim", Arrays.copyOf(h.pixdim(), h.rank() + 1));
        out.put("affine", h.affine());
        out.put("qform_code", h.space().qformCode());
        out.put("sform_code", h.space().sformCode());
        out.put("scl_slope", h.sclSlope());
        out.put("scl_inter", h.sclInter());
        out.put("vox_offset", h.voxOffset());
        out.put("data_offset", image.dataOffset());
        out.put("header_extensions", image.extensionCount());
        out.put("xyzt_units", h.xyztUnits());
        out.put("intent_code", h.intentCode());
        out.put("descrip", h.description());
        VoxelStats stats = image.stats();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("sum", stats.sum());
        s.put("min", stats.min());
        s.put("max", stats.max());
        s.put("mean", stats.mean());
        s.put("std", stats.std());
        s.put("nan_count", stats.nanCount());
        out.put("stats", s);
        return out;
    }

}
