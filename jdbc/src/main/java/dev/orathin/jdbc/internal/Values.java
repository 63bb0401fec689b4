package dev.orathin.jdbc.internal;

import dev.orathin.jdbc.JdbcErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * A JDBC setter's value as core binds it. Finite Double and Float values bind as NUMBER (their
     * shortest decimal form), as ojdbc does by default (SetFloatAndDoubleUseBinary=false), so a
     * batch column that mixes setDouble and setInt is one NUMBER column.
     */
    static Object toBind(Object v) throws SQLException {
        if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            return new BigDecimal(v.toString());
        }
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
        Object lob = JdbcLobs.toBind(v); // Blob / Clob parameters: their locator, or their stream for other drivers' objects
        if (lob != null) {
            return lob;
        }
        return v;
    }

    /**
     * A value read by a getter named {@code getter} (getInt, getTimestamp, getObject...), as that
     * getter returns it. Integral getters truncate toward zero as ojdbc does (2.75 → 2, -2.75 → -2)
     * and refuse values outside their type with SQLState 22003 naming {@code where}.
     */
    static Object convert(Object v, String getter, Class<?> asked, String where) throws SQLException {
        if (asked != null) {
            return as(v, asked, where);
        }
        switch (getter) {
            case "getObject":
                return jdbcObject(v);
            case "getString":
            case "getNString":
                return string(v);
            case "getBoolean":
                return v == null ? false : v instanceof Boolean b ? b : number(v, where).signum() != 0;
            case "getByte":
                return v == null ? (byte) 0 : (byte) integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte", where);
            case "getShort":
                return v == null ? (short) 0 : (short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE, "short", where);
            case "getInt":
                return v == null ? 0 : (int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "int", where);
            case "getLong":
                return v == null ? 0L : integral(v, Long.MIN_VALUE, Long.MAX_VALUE, "long", where);
            case "getFloat":
                return v == null ? 0f : v instanceof Float f ? f : number(v, where).floatValue();
            case "getDouble":
                return v == null ? 0d : v instanceof Double d ? d : number(v, where).doubleValue();
            case "getBigDecimal":
                return v == null ? null : number(v, where);
            case "getBytes":
                return v;
            case "getTimestamp":
                return v == null ? null : v instanceof OffsetDateTime o ? Timestamp.from(o.toInstant()) : Timestamp.valueOf(dateTime(v, where));
            case "getDate":
                return v == null ? null : Date.valueOf(dateTime(v, where).toLocalDate());
            case "getTime":
                return v == null ? null : Time.valueOf(dateTime(v, where).toLocalTime());
            default:
                throw Errors.notSupported(getter);
        }
    }

    /**
     * Where a value came from ("column 2 (NAME)", "OUT parameter 1"), built only when a getter
     * fails, so the typed getters below allocate nothing for the message on the normal path.
     */
    interface Place {
        /** The text naming {@code index} in a failure message. */
        String describe(int index);
    }

    /** getString: numbers in plain notation, RAW as upper-case hex. */
    static String string(Object v) {
        return v == null ? null : v instanceof String s ? s : v instanceof BigDecimal d ? d.toPlainString() : v instanceof byte[] b
                ? java.util.HexFormat.of().withUpperCase().formatHex(b) : v.toString();
    }

    /** getBoolean: BOOLEAN as is, a number is true unless 0; false for NULL. */
    static boolean bool(Object v, Place p, int i) throws SQLException {
        return v != null && (v instanceof Boolean b ? b : number(v, p.describe(i)).signum() != 0);
    }

    /**
     * getLong and the narrower integral getters: 0 for NULL, truncated toward zero, SQLState 22003
     * outside {@code min..max}. Long and Integer values (NUMBER(p,0), p &lt;= 18) skip BigDecimal.
     */
    static long integral(Object v, long min, long max, String type, Place p, int i) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Long || v instanceof Integer) {
            long x = ((Number) v).longValue();
            if (x >= min && x <= max) {
                return x;
            }
        }
        return integral(v, min, max, type, p.describe(i));
    }

    /** getDouble: 0 for NULL. */
    static double toDouble(Object v, Place p, int i) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        return number(v, p.describe(i)).doubleValue();
    }

    /** getFloat: 0 for NULL. */
    static float toFloat(Object v, Place p, int i) throws SQLException {
        return v == null ? 0 : v instanceof Float f ? f : number(v, p.describe(i)).floatValue();
    }

    /** getBigDecimal: null for NULL. */
    static BigDecimal bigDecimal(Object v, Place p, int i) throws SQLException {
        return v == null ? null : v instanceof BigDecimal d ? d : number(v, p.describe(i));
    }

    /** getTimestamp: TIMESTAMP WITH TIME ZONE at its instant, the others as local date-time. */
    static Timestamp timestamp(Object v, Place p, int i) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDateTime t) {
            return Timestamp.valueOf(t);
        }
        return v instanceof OffsetDateTime o ? Timestamp.from(o.toInstant()) : Timestamp.valueOf(dateTime(v, p.describe(i)));
    }

    /** getDate: the date part. */
    static Date date(Object v, Place p, int i) throws SQLException {
        return v == null ? null : Date.valueOf(dateTime(v, p.describe(i)).toLocalDate());
    }

    /** getTime: the time part. */
    static Time time(Object v, Place p, int i) throws SQLException {
        return v == null ? null : Time.valueOf(dateTime(v, p.describe(i)).toLocalTime());
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

    /**
     * A number truncated toward zero (ojdbc's rule for getInt and friends) that must fit
     * {@code min..max}; otherwise SQLDataException 22003 naming the column.
     */
    private static long integral(Object v, long min, long max, String type, String where) throws SQLException {
        BigDecimal d = number(v, where);
        BigDecimal t = d.setScale(0, RoundingMode.DOWN);
        if (t.compareTo(BigDecimal.valueOf(min)) < 0 || t.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw Errors.error(JdbcErrorCode.NUMERIC_OVERFLOW, where + ": value " + abbreviate(d.toString()) + " is outside the range of a "
                    + type + " (" + min + ".." + max + "); read it with getBigDecimal or a wider getter");
        }
        return t.longValue();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static Object as(Object v, Class<?> type, String where) throws SQLException {
        if (v == null) {
            return null;
        }
        if (type.isInstance(v)) {
            return v;
        }
        if (type == String.class) {
            return convert(v, "getString", null, where);
        }
        if (type == BigDecimal.class) {
            return number(v, where);
        }
        if (type == Long.class) {
            return convert(v, "getLong", null, where);
        }
        if (type == Integer.class) {
            return convert(v, "getInt", null, where);
        }
        if (type == Short.class) {
            return convert(v, "getShort", null, where);
        }
        if (type == Byte.class) {
            return convert(v, "getByte", null, where);
        }
        if (type == java.math.BigInteger.class) {
            return number(v, where).setScale(0, RoundingMode.DOWN).toBigInteger();
        }
        if (type == Double.class) {
            return number(v, where).doubleValue();
        }
        if (type == Float.class) {
            return number(v, where).floatValue();
        }
        if (type == Boolean.class) {
            return v instanceof Boolean b ? b : number(v, where).signum() != 0;
        }
        if (type == LocalDateTime.class) {
            return dateTime(v, where);
        }
        if (type == LocalDate.class) {
            return dateTime(v, where).toLocalDate();
        }
        if (type == OffsetDateTime.class && v instanceof LocalDateTime t) {
            return t.atOffset(java.time.ZoneOffset.UTC);
        }
        if (type == Timestamp.class || type == Date.class || type == Time.class) {
            return convert(v, "get" + type.getSimpleName(), null, where);
        }
        throw Errors.error(JdbcErrorCode.CONVERSION, where + ": cannot return a " + v.getClass().getSimpleName() + " value as "
                + type.getName());
    }

    private static BigDecimal number(Object v, String where) throws SQLException {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw Errors.error(JdbcErrorCode.NUMERIC_OVERFLOW, where + ": " + x + " has no exact decimal value; read it with getDouble");
            }
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
            throw Errors.error(JdbcErrorCode.CONVERSION, where + ": '" + abbreviate(String.valueOf(v)) + "' is not a number", e);
        }
    }

    private static LocalDateTime dateTime(Object v, String where) throws SQLException {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        throw Errors.error(JdbcErrorCode.NOT_A_DATETIME, where + ": a " + v.getClass().getSimpleName() + " value is not a date or time");
    }
}
