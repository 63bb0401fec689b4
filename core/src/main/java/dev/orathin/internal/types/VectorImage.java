package dev.orathin.internal.types;

import dev.orathin.ByteVector;
import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.SparseVector;
import dev.orathin.VectorFormat;

/**
 * The VECTOR image (23ai), as python-oracledb {@code vector.pyx} and node-oracledb
 * {@code vector.js} read and write it: magic 0xDB, version (0 base, 1 with BINARY, 2 with sparse),
 * flags (uint16 BE: 0x0002 norm present, 0x0010 norm reserved, 0x0020 sparse), element format,
 * dimension count (uint32 BE), 8 norm bytes (when flagged, and always for BINARY), for sparse
 * vectors the number of stored elements (uint16 BE) and their indices (uint32 BE each), then the
 * elements: FLOAT32/FLOAT64 in Oracle's BINARY_FLOAT/DOUBLE byte order, INT8 signed bytes, BINARY
 * eight dimensions per byte.
 */
public final class VectorImage {

    static final int MAGIC = 0xDB;
    static final int VERSION_BASE = 0, VERSION_BINARY = 1, VERSION_SPARSE = 2;
    static final int FLAG_NORM = 0x0002, FLAG_NORM_RESERVED = 0x0010, FLAG_SPARSE = 0x0020;
    /** Oracle's largest vector dimension count. */
    public static final int MAX_DIMENSIONS = 65535;
    private static final int HEADER = 9, NORM = 8;

    private VectorImage() {
    }

    /**
     * Decodes an image to {@code float[]}, {@code double[]}, {@code byte[]} (INT8, or BINARY packed) or
     * {@link SparseVector}.
     */
    public static Object decode(byte[] b) {
        if (b.length < HEADER) {
            throw malformed("image of " + b.length + " bytes, shorter than the 9-byte header");
        }
        if ((b[0] & 0xFF) != MAGIC) {
            throw malformed(String.format("expected magic byte 0xDB at offset 0 but found 0x%02X", b[0] & 0xFF));
        }
        int version = b[1] & 0xFF;
        if (version > VERSION_SPARSE) {
            throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_VECTOR, "VECTOR image version " + version
                    + " (orathin reads versions 0 to 2)");
        }
        int flags = u16(b, 2);
        VectorFormat format = VectorFormat.of(b[4] & 0xFF);
        if (format == null) {
            throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_VECTOR, "VECTOR element format " + (b[4] & 0xFF)
                    + " (orathin reads FLOAT32 2, FLOAT64 3, INT8 4, BINARY 5)");
        }
        long dims = u32(b, 5);
        int pos = HEADER;
        if (format == VectorFormat.BINARY || (flags & FLAG_NORM) != 0) {
            pos += NORM;
        }
        if (dims > MAX_DIMENSIONS) {
            throw malformed(dims + " dimensions (Oracle allows at most 65535)");
        }
        int[] indices = null;
        int count = (int) dims;
        if ((flags & FLAG_SPARSE) != 0) {
            need(b, pos, 2, "sparse element count");
            count = u16(b, pos);
            pos += 2;
            need(b, pos, 4L * count, count + " sparse indices");
            indices = new int[count];
            for (int i = 0; i < count; i++) {
                long ix = u32(b, pos + 4 * i);
                if (ix >= dims) {
                    throw malformed("sparse index " + ix + " at position " + i + " outside the " + dims + " dimensions");
                }
                indices[i] = (int) ix;
            }
            pos += 4 * count;
            if (format == VectorFormat.BINARY) {
                throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_VECTOR, "sparse BINARY vectors (Oracle has none)");
            }
        } else if (format == VectorFormat.BINARY) {
            if (dims % 8 != 0) {
                throw malformed("BINARY vector of " + dims + " dimensions (must be a multiple of 8)");
            }
            count = (int) dims / 8;
        }
        int size = format == VectorFormat.FLOAT32 ? 4 : format == VectorFormat.FLOAT64 ? 8 : 1;
        need(b, pos, (long) count * size, count + " elements of " + size + " bytes");
        if (pos + (long) count * size != b.length) {
            throw malformed((b.length - pos - (long) count * size) + " bytes after the last element");
        }
        Object values;
        switch (format) {
            case FLOAT32 -> {
                float[] f = new float[count];
                for (int i = 0; i < count; i++) {
                    int v = (int) u32(b, pos + 4 * i);
                    f[i] = Float.intBitsToFloat((v & 0x80000000) != 0 ? v & 0x7FFFFFFF : ~v);
                }
                values = f;
            }
            case FLOAT64 -> {
                double[] d = new double[count];
                for (int i = 0; i < count; i++) {
                    long v = (u32(b, pos + 8 * i) << 32) | u32(b, pos + 8 * i + 4);
                    d[i] = Double.longBitsToDouble(v < 0 ? v & Long.MAX_VALUE : ~v);
                }
                values = d;
            }
            default -> values = java.util.Arrays.copyOfRange(b, pos, pos + count);
        }
        if (indices == null) {
            return values;
        }
        return switch (format) {
            case FLOAT32 -> SparseVector.ofFloats((int) dims, indices, (float[]) values);
            case FLOAT64 -> SparseVector.ofDoubles((int) dims, indices, (double[]) values);
            default -> SparseVector.ofBytes((int) dims, indices, (byte[]) values);
        };
    }

    /** True for the Java values {@link #encode} takes. */
    public static boolean isVector(Object v) {
        return v instanceof float[] || v instanceof double[] || v instanceof SparseVector || v instanceof ByteVector;
    }

    /**
     * Encodes {@code float[]} (FLOAT32), {@code double[]} (FLOAT64), {@link ByteVector} (INT8 or
     * BINARY) or {@link SparseVector} as an image, with the norm reserved (zero) as the peers send it.
     */
    public static byte[] encode(Object value) {
        VectorFormat format;
        int dims;
        int[] indices = null;
        Object values = value;
        if (value instanceof SparseVector s) {
            format = s.format();
            dims = s.dimensions();
            indices = s.indices();
            values = s.values();
        } else if (value instanceof float[] f) {
            format = VectorFormat.FLOAT32;
            dims = f.length;
        } else if (value instanceof double[] d) {
            format = VectorFormat.FLOAT64;
            dims = d.length;
        } else if (value instanceof ByteVector bv) {
            format = bv.format();
            values = bv.elements();
            dims = format == VectorFormat.BINARY ? bv.elements().length * 8 : bv.elements().length;
        } else {
            throw new IllegalArgumentException("not a vector value: " + (value == null ? "null" : value.getClass().getName()));
        }
        if (dims < 1 || dims > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("vector of " + dims + " dimensions (Oracle allows 1 to 65535)");
        }
        int count = indices != null ? indices.length : format == VectorFormat.BINARY ? dims / 8 : dims;
        int size = format == VectorFormat.FLOAT32 ? 4 : format == VectorFormat.FLOAT64 ? 8 : 1;
        int flags = format == VectorFormat.BINARY ? FLAG_NORM_RESERVED : FLAG_NORM_RESERVED | FLAG_NORM;
        int version = format == VectorFormat.BINARY ? VERSION_BINARY : VERSION_BASE;
        int sparseBytes = 0;
        if (indices != null) {
            flags |= FLAG_SPARSE;
            version = VERSION_SPARSE;
            sparseBytes = 2 + 4 * count;
        }
        byte[] out = new byte[HEADER + NORM + sparseBytes + count * size];
        out[0] = (byte) MAGIC;
        out[1] = (byte) version;
        put16(out, 2, flags);
        out[4] = (byte) format.code();
        put32(out, 5, dims);
        int pos = HEADER + NORM;
        if (indices != null) {
            put16(out, pos, count);
            pos += 2;
            for (int ix : indices) {
                put32(out, pos, ix);
                pos += 4;
            }
        }
        switch (format) {
            case FLOAT32 -> {
                for (float f : (float[]) values) {
                    int v = Float.floatToIntBits(f);
                    put32(out, pos, v >= 0 ? v | 0x80000000 : ~v);
                    pos += 4;
                }
            }
            case FLOAT64 -> {
                for (double d : (double[]) values) {
                    long v = Double.doubleToLongBits(d);
                    v = v >= 0 ? v | Long.MIN_VALUE : ~v;
                    put32(out, pos, (int) (v >>> 32));
                    put32(out, pos + 4, (int) v);
                    pos += 8;
                }
            }
            default -> System.arraycopy((byte[]) values, 0, out, pos, count);
        }
        return out;
    }

    private static void need(byte[] b, int pos, long n, String what) {
        if (pos + n > b.length) {
            throw malformed(what + " need " + n + " bytes at offset " + pos + " but the image has " + b.length);
        }
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    private static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static OrathinProtocolException malformed(String what) {
        return new OrathinProtocolException(CoreErrorCode.MALFORMED_VECTOR, "VECTOR image: " + what);
    }
}
