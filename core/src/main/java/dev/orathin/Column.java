package dev.orathin;

import java.util.Objects;

/**
 * One column of a query result as the database described it.
 *
 * @param name the column name (as the database reports it, usually upper case)
 * @param type the Oracle type
 * @param precision NUMBER precision (0 when unspecified), fractional-second precision for TIMESTAMP/INTERVAL
 * @param scale NUMBER scale (-127 for a NUMBER without precision and scale)
 * @param maxSize largest value in characters for character types, bytes for RAW, else 0
 * @param nullable whether the column may hold NULL
 */
public record Column(String name, OracleType type, int precision, int scale, int maxSize, boolean nullable) {

    /** Validates. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
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
