package dev.orathin;

import java.util.Objects;

/**
 * A dense INT8 or BINARY VECTOR to bind (a plain {@code byte[]} binds as RAW). Fetches return
 * these vectors as {@code byte[]}; {@link Column#vectorFormat()} tells which format a column has.
 *
 * @param format {@link VectorFormat#INT8} or {@link VectorFormat#BINARY}
 * @param elements INT8: one signed byte per dimension; BINARY: eight dimensions per byte
 */
public record ByteVector(VectorFormat format, byte[] elements) {

    /** Validates and copies. */
    public ByteVector {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(elements, "elements");
        if (format != VectorFormat.INT8 && format != VectorFormat.BINARY) {
            throw new IllegalArgumentException("byte vector: format must be INT8 or BINARY, found " + format);
        }
        elements = elements.clone();
    }

    /** An INT8 vector. */
    public static ByteVector int8(byte[] elements) {
        return new ByteVector(VectorFormat.INT8, elements);
    }

    /** A BINARY vector of {@code 8 * bits.length} dimensions. */
    public static ByteVector binary(byte[] bits) {
        return new ByteVector(VectorFormat.BINARY, bits);
    }

    /** The elements (a copy). */
    @Override
    public byte[] elements() {
        return elements.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteVector b && b.format == format && java.util.Arrays.equals(b.elements, elements);
    }

    @Override
    public int hashCode() {
        return 31 * format.hashCode() + java.util.Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
        return format + java.util.Arrays.toString(elements);
    }
}
