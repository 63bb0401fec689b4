package dev.orathin;

import java.util.Objects;

/**
 * One column of a query result as the database described it.
 *
 * @param name the column name (as the database reports it, usually upper case)
 * @param type the Oracle type
 * @param precision NUMBER precision (0 when unspecified); for other types as the database describes it
 * @param scale NUMBER scale (-127 for a NUMBER without precision and scale); for TIMESTAMP and INTERVAL
 *     DAY TO SECOND the fractional-second precision as the database describes it
 * @param maxSize largest value in characters for character types, bytes for RAW, else 0
 * @param nullable whether the column may hold NULL
 * @param vectorDimensions VECTOR: the declared number of dimensions, 0 when flexible ({@code VECTOR(*, ...)})
 *     or not described (the server describes vectors only at TTC field version 24, which orathin does not
 *     negotiate yet); 0 for other types
 * @param vectorFormat VECTOR: the declared element format, null when flexible or not described
 * @param vectorSparse VECTOR: declared SPARSE (as described; false when not described)
 */
public record Column(String name, OracleType type, int precision, int scale, int maxSize, boolean nullable, int vectorDimensions,
        VectorFormat vectorFormat, boolean vectorSparse) {

    /** Validates. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A column that is not a VECTOR. */
    public Column(String name, OracleType type, int precision, int scale, int maxSize, boolean nullable) {
        this(name, type, precision, scale, maxSize, nullable, 0, null, false);
    }

    /**
     * The Java class {@link Cursor#getObject(int)} returns for this column: for NUMBER,
     * {@code Long} when the scale is 0 and the precision is 1..18, else {@code BigDecimal}.
     */
    public Class<?> javaType() {
        if (type == OracleType.NUMBER) {
            return isIntegral() ? Long.class : java.math.BigDecimal.class;
        }
        return type.javaType();
    }

    /** NUMBER(p, 0) with 1 <= p <= 18: fits a long. */
    boolean isIntegral() {
        return type == OracleType.NUMBER && scale == 0 && precision > 0 && precision <= 18;
    }
}
