package org.neurodec.encoders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binary format of a model folder's tensors: a magic number, a count, then per tensor its name,
 * shape and big-endian float32 values. It round-trips bit for bit.
 */
final class TensorFile {

    /** A named tensor's shape and values (row-major). */
    record Tensor(long[] shape, float[] values) {
    }

    private static final int MAGIC = 0x4E444543;

    private TensorFile() {
    }

    static void write(OutputStream stream, Map<String, Tensor> tensors) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(stream));
        out.writeInt(MAGIC);
        out.writeInt(tensors.size());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().shape().length);
            for (long d : e.getValue().shape()) {
                out.writeLong(d);
            }
            for (float f : e.getValue().values()) {
                out.writeFloat(f);
            }
        }
        out.flush();
    }

    static Map<String, Tensor> read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream));
        if (in.readInt() != MAGIC) {
            throw new EncoderException(source + ": not a neurodec tensor file");
        }
        int count = in.readInt();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            long[] shape = new long[in.readInt()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = in.readLong();
            }
            long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            if (size < 0 || size > Integer.MAX_VALUE) {
                throw new EncoderException(source + ": tensor '" + name + "': expected a shape of at most 2^31 values, found "
                        + Arrays.toString(shape));
            }
            float[] values = new float[(int) size];
            for (int k = 0; k < values.length; k++) {
                values[k] = in.readFloat();
            }
            tensors.put(name, new Tensor(shape, values));
        }
        return tensors;
    }
}
