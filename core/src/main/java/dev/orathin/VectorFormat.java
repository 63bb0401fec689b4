package dev.orathin;

/**
 * The element format of an Oracle VECTOR (23ai), with the code the vector image carries
 * (python-oracledb / node-oracledb {@code VECTOR_FORMAT_*}).
 */
public enum VectorFormat {
    /** 32-bit IEEE floats, fetched as {@code float[]}. */
    FLOAT32(2),
    /** 64-bit IEEE floats, fetched as {@code double[]}. */
    FLOAT64(3),
    /** Signed bytes, fetched as {@code byte[]}. */
    INT8(4),
    /** Bits packed eight to a byte (dimension 0 in the high bit of byte 0), fetched as {@code byte[]}. */
    BINARY(5);

    private final int code;

    VectorFormat(int code) {
        this.code = code;
    }

    /** The format code of the vector image. */
    public int code() {
        return code;
    }

    /** The format for an image's code, or null for a code orathin does not know (0 = FLEX in column metadata). */
    public static VectorFormat of(int code) {
        for (VectorFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        return null;
    }
}
