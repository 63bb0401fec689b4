package dev.orathin;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sparse VECTOR value (23ai): the number of dimensions and, for the non-zero dimensions, their
 * indices (0-based, ascending) and values. Immutable: the arrays are copied in and out.
 *
 * <p>Fetched from {@code VECTOR(n, fmt, SPARSE)} columns; bound as a sparse VECTOR.
 */
public final class SparseVector {

    private final int dimensions;
    private final int[] indices;
    private final VectorFormat format;
    private final Object values;

    private SparseVector(int dimensions, int[] indices, VectorFormat format, Object values, int length) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("sparse vector: dimensions must be at least 1, found " + dimensions);
        }
        Objects.requireNonNull(indices, "indices");
        if (indices.length != length) {
            throw new IllegalArgumentException("sparse vector: " + indices.length + " indices but " + length + " values");
        }
        if (indices.length > 0xFFFF) {
            throw new IllegalArgumentException("sparse vector: " + indices.length + " non-zero elements (at most 65535)");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= dimensions || i > 0 && indices[i] <= indices[i - 1]) {
                throw new IllegalArgumentException("sparse vector: index " + indices[i] + " at position " + i
                        + " is not ascending within 0.." + (dimensions - 1));
            }
        }
        this.dimensions = dimensions;
        this.indices = indices.clone();
        this.format = format;
        this.values = values;
    }

    /** A sparse FLOAT32 vector. */
    public static SparseVector ofFloats(int dimensions, int[] indices, float[] values) {
        return new SparseVector(dimensions, indices, VectorFormat.FLOAT32, values.clone(), values.length);
    }

    /** A sparse FLOAT64 vector. */
    public static SparseVector ofDoubles(int dimensions, int[] indices, double[] values) {
        return new SparseVector(dimensions, indices, VectorFormat.FLOAT64, values.clone(), values.length);
    }

    /** A sparse INT8 vector. */
    public static SparseVector ofBytes(int dimensions, int[] indices, byte[] values) {
        return new SparseVector(dimensions, indices, VectorFormat.INT8, values.clone(), values.length);
    }

    /** The number of dimensions. */
    public int dimensions() {
        return dimensions;
    }

    /** The indices of the non-zero dimensions (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** The element format (FLOAT32, FLOAT64 or INT8). */
    public VectorFormat format() {
        return format;
    }

    /** The values of the non-zero dimensions (a copy): {@code float[]}, {@code double[]} or {@code byte[]} by {@link #format()}. */
    public Object values() {
        return switch (format) {
            case FLOAT32 -> ((float[]) values).clone();
            case FLOAT64 -> ((double[]) values).clone();
            default -> ((byte[]) values).clone();
        };
    }

    /** The vector with every dimension: {@code float[]}, {@code double[]} or {@code byte[]}. */
    public Object toDense() {
        switch (format) {
            case FLOAT32 -> {
                float[] out = new float[dimensions];
                float[] v = (float[]) values;
                for (int i = 0; i < indices.length; i++) {
                    out[indices[i]] = v[i];
                }
                return out;
            }
            case FLOAT64 -> {
                double[] out = new double[dimensions];
                double[] v = (double[]) values;
                for (int i = 0; i < indices.length; i++) {
                    out[indices[i]] = v[i];
                }
                return out;
            }
            default -> {
                byte[] out = new byte[dimensions];
                byte[] v = (byte[]) values;
                for (int i = 0; i < indices.length; i++) {
                    out[indices[i]] = v[i];
                }
                return out;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector s && s.dimensions == dimensions && s.format == format && Arrays.equals(s.indices, indices)
                && Arrays.deepEquals(new Object[] {s.values}, new Object[] {values});
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimensions, format, Arrays.hashCode(indices), Arrays.deepHashCode(new Object[] {values}));
    }

    /** Oracle's text form: {@code [dimensions,[indices],[values]]}. */
    @Override
    public String toString() {
        String v = switch (format) {
            case FLOAT32 -> Arrays.toString((float[]) values);
            case FLOAT64 -> Arrays.toString((double[]) values);
            default -> Arrays.toString((byte[]) values);
        };
        return "[" + dimensions + "," + Arrays.toString(indices).replace(" ", "") + "," + v.replace(" ", "") + "]";
    }
}
