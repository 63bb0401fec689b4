package dev.orathin.testkit.internal.ttcserver;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.orathin.testkit.internal.ttcserver.OraErrors.OraException;

/**
 * The testkit's own model of a VECTOR value (23ai) and of its on-disk/wire image, written from the
 * format description (python-oracledb {@code vector.pyx}, node-oracledb {@code vector.js} as protocol
 * facts), independently of the client's codec: header {@code DB ver flags16 fmt dims32}, an 8-byte
 * norm slot, a sparse index list, the elements. Stored in H2 as the image (VARBINARY domain
 * {@code ORATHIN_VECTOR}); every image a client binds is decoded and written again by this class.
 *
 * @param format 2 FLOAT32, 3 FLOAT64, 4 INT8, 5 BINARY
 * @param dimensions declared dimensions
 * @param indices non-zero dimension indices of a sparse vector, or null for a dense one
 * @param elements the stored elements as doubles (FLOAT32/FLOAT64/INT8), or the packed bytes of BINARY
 * @param bits BINARY: the packed bytes (elements is then null)
 */
record VectorData(int format, int dimensions, int[] indices, double[] elements, byte[] bits) {

    static final int FLOAT32 = 2, FLOAT64 = 3, INT8 = 4, BINARY = 5;
    /** The H2 domain vector columns are stored in. */
    static final String DOMAIN = "ORATHIN_VECTOR";

    /** Reads an image; a malformed one is ORA-51803 (as a server rejects a bad vector). */
    static VectorData parse(byte[] image) {
        try {
            ByteBuffer in = ByteBuffer.wrap(image);
            if ((in.get() & 0xFF) != 0xDB) {
                throw bad("magic byte is not 0xDB");
            }
            int version = in.get() & 0xFF;
            if (version > 2) {
                throw bad("image version " + version);
            }
            int flags = in.getShort() & 0xFFFF;
            int format = in.get() & 0xFF;
            long dims = in.getInt() & 0xFFFFFFFFL;
            if (format < FLOAT32 || format > BINARY) {
                throw bad("element format " + format);
            }
            if (dims < 1 || dims > 65535) {
                throw bad(dims + " dimensions");
            }
            if (format == BINARY || (flags & 0x0002) != 0) {
                in.position(in.position() + 8); // norm
            }
            int[] indices = null;
            int n = (int) dims;
            if ((flags & 0x0020) != 0) {
                n = in.getShort() & 0xFFFF;
                indices = new int[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = in.getInt();
                    if (indices[i] < 0 || indices[i] >= dims) {
                        throw bad("sparse index " + indices[i]);
                    }
                }
            }
            if (format == BINARY) {
                if (dims % 8 != 0 || indices != null) {
                    throw bad("BINARY vector of " + dims + " dimensions");
                }
                byte[] bits = new byte[n / 8];
                in.get(bits);
                end(in);
                return new VectorData(format, n, null, null, bits);
            }
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = switch (format) {
                    case FLOAT32 -> Float.intBitsToFloat(fromOracleOrder32(in.getInt()));
                    case FLOAT64 -> Double.longBitsToDouble(fromOracleOrder64(in.getLong()));
                    default -> in.get();
                };
            }
            end(in);
            return new VectorData(format, (int) dims, indices, e, null);
        } catch (java.nio.BufferUnderflowException e) {
            throw bad("image ends early (" + image.length + " bytes)");
        }
    }

    private static void end(ByteBuffer in) {
        if (in.hasRemaining()) {
            throw bad(in.remaining() + " bytes after the elements");
        }
    }

    private static OraException bad(String what) {
        return new OraException(51805, "Invalid vector (orathin testkit: the bound image has " + what + ")");
    }

    /** The image, with a zero norm flagged as reserved (what the peers send). */
    byte[] image() {
        int n = bits != null ? bits.length : elements.length;
        int size = format == FLOAT32 ? 4 : format == FLOAT64 ? 8 : 1;
        ByteBuffer out = ByteBuffer.allocate(9 + 8 + (indices == null ? 0 : 2 + 4 * indices.length) + n * size);
        int flags = 0x0010 | (format == BINARY ? 0 : 0x0002) | (indices == null ? 0 : 0x0020);
        out.put((byte) 0xDB).put((byte) (indices != null ? 2 : format == BINARY ? 1 : 0)).putShort((short) flags).put((byte) format)
                .putInt(dimensions).putLong(0);
        if (indices != null) {
            out.putShort((short) indices.length);
            for (int i : indices) {
                out.putInt(i);
            }
        }
        if (bits != null) {
            out.put(bits);
        } else {
            for (double d : elements) {
                switch (format) {
                    case FLOAT32 -> out.putInt(toOracleOrder32(Float.floatToIntBits((float) d)));
                    case FLOAT64 -> out.putLong(toOracleOrder64(Double.doubleToLongBits(d)));
                    default -> out.put((byte) d);
                }
            }
        }
        return out.array();
    }

    /** Oracle's text form, for clients that do not know VECTOR: {@code [1.5,2]} or {@code [dims,[indices],[values]]}. */
    String text() {
        List<String> values = new ArrayList<>();
        if (bits != null) {
            for (byte b : bits) {
                values.add(Integer.toString(b & 0xFF));
            }
        } else {
            for (double d : elements) {
                values.add(format == INT8 ? Integer.toString((int) d) : format == FLOAT32 ? Float.toString((float) d).toUpperCase(Locale.ROOT)
                        : Double.toString(d).toUpperCase(Locale.ROOT));
            }
        }
        String dense = "[" + String.join(",", values) + "]";
        if (indices == null) {
            return dense;
        }
        List<String> ix = new ArrayList<>();
        for (int i : indices) {
            ix.add(Integer.toString(i));
        }
        return "[" + dimensions + ",[" + String.join(",", ix) + "]," + dense + "]";
    }

    /** Parses Oracle's dense text form ({@code TO_VECTOR('[1, 2.5]')}) as FLOAT32, as the server's default format. */
    static VectorData fromText(String text) {
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new OraException(51805, "Invalid vector text: " + text);
        }
        String body = t.substring(1, t.length() - 1).strip();
        String[] parts = body.isEmpty() ? new String[0] : body.split(",");
        double[] e = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                e[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException ex) {
            throw new OraException(51805, "Invalid vector text: " + text);
        }
        if (e.length == 0) {
            throw new OraException(51805, "Invalid vector text: " + text);
        }
        return new VectorData(FLOAT32, e.length, null, e, null);
    }

    // BINARY_FLOAT / BINARY_DOUBLE byte order: positive values have the sign bit set, negative ones are complemented
    private static int toOracleOrder32(int bits) {
        return bits < 0 ? ~bits : bits | 0x80000000;
    }

    private static int fromOracleOrder32(int v) {
        return v < 0 ? v & 0x7FFFFFFF : ~v;
    }

    private static long toOracleOrder64(long bits) {
        return bits < 0 ? ~bits : bits | Long.MIN_VALUE;
    }

    private static long fromOracleOrder64(long v) {
        return v < 0 ? v & Long.MAX_VALUE : ~v;
    }
}
