package dev.orathin.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Conversions between JDBC's Java types and the ones orathin's core binds and returns. */
final class Values {

    /** A parameter that has not been set. */
    static final Object UNSET = new Object() {
        @Override
        public String toString() {
            return "<unset>";
        }
    };

    private Values() {
    }

    /** A JDBC setter's value as core binds it. */
    static Object toBind(Object v) throws SQLException {
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        if (v instanceof Time t) {
            return LocalDate.of(1970, 1, 1).atTime(t.toLocalTime());
        }
        if (v instanceof java.util.Date d) {
            return new Timestamp(d.getTime()).toLocalDateTime();
        }
        if (v instanceof Short s) {
            return (int) s;
        }
        if (v instanceof Byte b) {
            return (int) b;
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        if (v instanceof java.io.Reader || v instanceof java.io.InputStream || v instanceof java.sql.Blob || v instanceof java.sql.Clob) {
            throw Errors.notSupported("stream and LOB object parameters (bind a String or byte[])");
        }
        return v;
    }

    /** A value read by a getter named {@code getter} (getInt, getTimestamp, getObject...), as that getter returns it. */
    static Object convert(Object v, String getter, Class<?> asked, Class<?> returnType) throws SQLException {
        if (asked != null) {
            return as(v, asked);
        }
        switch (getter) {
            case "getObject":
                return jdbcObject(v);
            case "getString":
            case "getNString":
                return v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v instanceof byte[] b
                        ? java.util.HexFormat.of().withUpperCase().formatHex(b) : v.toString();
            case "getBoolean":
                return v == null ? false : v instanceof Boolean b ? b : number(v).signum() != 0;
            case "getByte":
                return v == null ? (byte) 0 : number(v).byteValue();
            case "getShort":
                return v == null ? (short) 0 : number(v).shortValue();
            case "getInt":
                return v == null ? 0 : number(v).intValueExact();
            case "getLong":
                return v == null ? 0L : number(v).longValueExact();
            case "getFloat":
                return v == null ? 0f : v instanceof Float f ? f : number(v).floatValue();
            case "getDouble":
                return v == null ? 0d : v instanceof Double d ? d : number(v).doubleValue();
            case "getBigDecimal":
                return v == null ? null : number(v);
            case "getBytes":
                return v;
            case "getTimestamp":
                return v == null ? null : v instanceof OffsetDateTime o ? Timestamp.from(o.toInstant()) : Timestamp.valueOf(dateTime(v));
            case "getDate":
                return v == null ? null : Date.valueOf(dateTime(v).toLocalDate());
            case "getTime":
                return v == null ? null : Time.valueOf(dateTime(v).toLocalTime());
            default:
                throw Errors.notSupported(getter);
        }
    }

    /** getObject(i) as ojdbc answers it: NUMBER as BigDecimal, DATE / TIMESTAMP as Timestamp. */
    static Object jdbcObject(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof LocalDateTime t) {
            return Timestamp.valueOf(t);
        }
        return v;
    }

    private static Object as(Object v, Class<?> type) throws SQLException {
        if (v == null) {
            return null;
        }
        if (type.isInstance(v)) {
            return v;
        }
        if (type == String.class) {
            return convert(v, "getString", null, String.class);
        }
        if (type == BigDecimal.class) {
            return number(v);
        }
        if (type == Long.class) {
            return number(v).longValueExact();
        }
        if (type == Integer.class) {
            return number(v).intValueExact();
        }
        if (type == Double.class) {
            return number(v).doubleValue();
        }
        if (type == Float.class) {
            return number(v).floatValue();
        }
        if (type == Boolean.class) {
            return v instanceof Boolean b ? b : number(v).signum() != 0;
        }
        if (type == LocalDateTime.class) {
            return dateTime(v);
        }
        if (type == LocalDate.class) {
            return dateTime(v).toLocalDate();
        }
        if (type == OffsetDateTime.class && v instanceof LocalDateTime t) {
            return t.atOffset(java.time.ZoneOffset.UTC);
        }
        if (type == Timestamp.class || type == Date.class || type == Time.class) {
            return convert(v, "get" + type.getSimpleName(), null, type);
        }
        throw new SQLException("OTN-7007: cannot return a " + v.getClass().getSimpleName() + " value as " + type.getName(), "22000");
    }

    private static BigDecimal number(Object v) throws SQLException {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new SQLException("OTN-7007: '" + v + "' is not a number", "22018", e);
        }
    }

    private static LocalDateTime dateTime(Object v) throws SQLException {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        throw new SQLException("OTN-7007: a " + v.getClass().getSimpleName() + " value is not a date or time", "22007");
    }
}
