package org.neurodec.ingest.nifti;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The numeric NIfTI data types neurodec reads and writes, with their codes and how one stored
 * element becomes a {@code double}. Complex, RGB and 128-bit types are not supported.
 */
public enum NiftiDataType {
    /** unsigned 8-bit integer (code 2). */
    UINT8(2, 1) {
        @Override
        public double get(ByteBuffer data, int index) {
            return data.get(index) & 0xFF;
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.put((byte) stored);
        }
    },
    /** signed 16-bit integer (code 4). */
    INT16(4, 2) {
        @Override
        public double get(ByteBuffer data, int index) {
            return data.getShort(index << 1);
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.putShort((short) stored);
        }
    },
    /** signed 32-bit integer (code 8). */
    INT32(8, 4) {
        @Override
        public double get(ByteBuffer data, int index) {
            return data.getInt(index << 2);
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.putInt((int) stored);
        }
    },
    /** 32-bit IEEE float (code 16). */
    FLOAT32(16, 4) {
        @Override
        public double get(ByteBuffer data, int index) {
            return data.getFloat(index << 2);
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.putFloat((float) stored);
        }
    },
    /** 64-bit IEEE float (code 64). */
    FLOAT64(64, 8) {
        @Override
        public double get(ByteBuffer data, int index) {
            return data.getDouble(index << 3);
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.putDouble(stored);
        }
    },
    /** signed 8-bit integer (code 256). */
    INT8(256, 1) {
        @Override
        public double get(ByteBuffer data, int index) {
            return data.get(index);
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.put((byte) stored);
        }
    },
    /** unsigned 16-bit integer (code 512). */
    UINT16(512, 2) {
        @Override
        public double get(ByteBuffer data, int index) {
            return data.getShort(index << 1) & 0xFFFF;
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.putShort((short) (int) stored);
        }
    },
    /** unsigned 32-bit integer (code 768). */
    UINT32(768, 4) {
        @Override
        public double get(ByteBuffer data, int index) {
            return data.getInt(index << 2) & 0xFFFF_FFFFL;
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.putInt((int) (long) stored);
        }
    },
    /** signed 64-bit integer (code 1024); values beyond 2^53 lose precision as doubles, as in nibabel. */
    INT64(1024, 8) {
        @Override
        public double get(ByteBuffer data, int index) {
            return data.getLong(index << 3);
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.putLong((long) stored);
        }
    },
    /** unsigned 64-bit integer (code 1280). */
    UINT64(1280, 8) {
        @Override
        public double get(ByteBuffer data, int index) {
            long bits = data.getLong(index << 3);
            double value = (double) (bits >>> 1) * 2.0;
            return value + (bits & 1L);
        }

        @Override
        void put(ByteBuffer data, double stored) {
            data.putLong(stored >= 0x1p63 ? (long) (stored - 0x1p63) ^ Long.MIN_VALUE : (long) stored);
        }
    };

    private final int code;
    private final int bytes;

    NiftiDataType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The NIfTI {@code datatype} code. */
    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Bits per element, as in the header's {@code bitpix}. */
    public int bitpix() {
        return bytes * 8;
    }

    /** Whether the type holds integers (stored values are rounded and clipped when written). */
    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64;
    }

    /** The stored (unscaled) element {@code index} of {@code data}, which must have the file's byte order. */
    public abstract double get(ByteBuffer data, int index);

    /** Appends one stored value at the buffer's position. */
    abstract void put(ByteBuffer data, double stored);

    /** The type with NIfTI code {@code code}, if it is one neurodec supports. */
    public static Optional<NiftiDataType> ofCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }

    /** A readable name of any NIfTI code, supported or not, for error messages. */
    public static String describeCode(int code) {
        return switch (code) {
            case 0 -> "0 (unknown)";
            case 1 -> "1 (binary)";
            case 32 -> "32 (complex64)";
            case 128 -> "128 (rgb24)";
            case 1536 -> "1536 (float128)";
            case 1792 -> "1792 (complex128)";
            case 2048 -> "2048 (complex256)";
            case 2304 -> "2304 (rgba32)";
            default -> ofCode(code).map(t -> code + " (" + t.name().toLowerCase() + ")").orElse(String.valueOf(code));
        };
    }
}
