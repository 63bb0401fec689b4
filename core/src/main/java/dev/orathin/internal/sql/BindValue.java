package dev.orathin.internal.sql;

import dev.orathin.OracleType;
import dev.orathin.OutParam;
import dev.orathin.internal.types.OracleDateTime;
import dev.orathin.internal.types.OracleNumber;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * One bind value encoded for the wire (protocol.md §7.3 and §8): the Oracle type and buffer size
 * sent in the bind metadata and the value bytes (null for NULL).
 *
 * @param typeNumber Oracle type number sent in the metadata
 * @param charsetForm 1 for character data, 0 otherwise
 * @param bufferSize buffer size sent in the metadata
 * @param data value bytes, null for NULL
 * @param direction 32 IN, 16 OUT, 48 IN OUT
 * @param outType for OUT / IN OUT: the type the value is returned as
 * @param returnBind true for a DML {@code RETURNING ... INTO} bind (metadata only, no value sent)
 */
public record BindValue(int typeNumber, int charsetForm, int bufferSize, byte[] data, int direction, OracleType outType,
        boolean returnBind) {

    /** A bind that is not a RETURNING bind. */
    public BindValue(int typeNumber, int charsetForm, int bufferSize, byte[] data, int direction, OracleType outType) {
        this(typeNumber, charsetForm, bufferSize, data, direction, outType, false);
    }

    /** True for a DML RETURNING ... INTO bind. */
    public boolean isReturnBind() {
        return returnBind;
    }

    /** This bind marked as a RETURNING ... INTO bind. */
    public BindValue asReturnBind() {
        return new BindValue(typeNumber, charsetForm, bufferSize, null, DIR_OUT, outType, true);
    }

    /** Bind directions (python TNS_BIND_DIR_*). */
    public static final int DIR_OUT = 16, DIR_IN = 32, DIR_IN_OUT = 48;
    /** Buffer sizes from this length on are sent as LONG (python TNS_MIN_LONG_LENGTH). */
    public static final int MIN_LONG_LENGTH = 0x8000;
    /** Buffer size announced for LONG binds (python TNS_MAX_LONG_LENGTH). */
    public static final int MAX_LONG_LENGTH = 0x7FFFFFFF;
    /** Buffer size of ROWID / UROWID (sent as VARCHAR). */
    static final int MAX_UROWID_LENGTH = 5267;

    /** VECTOR / JSON buffer and prefetch sizes (python TNS_VECTOR_MAX_LENGTH, TNS_JSON_MAX_LENGTH). */
    static final int VECTOR_MAX_LENGTH = 1024 * 1024, JSON_MAX_LENGTH = 32 * 1024 * 1024;

    /** The buffer size and LOB prefetch length of VECTOR (127) or JSON (119) metadata. */
    static int maxPrefetchLength(int type) {
        return type == ColumnInfo.VECTOR ? VECTOR_MAX_LENGTH : JSON_MAX_LENGTH;
    }

    /** True when the value is written after all others (LONG binds, python {@code _write_bind_params_row}). */
    public boolean isLong() {
        return bufferSize >= MIN_LONG_LENGTH;
    }

    /**
     * Encodes a Java value. Supported: null, String, Integer/Long/Short/Byte/BigInteger/BigDecimal,
     * Double, Float, byte[], Boolean, LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime,
     * Instant, Duration, Period, VECTOR values ({@code float[]}, {@code double[]}, {@link dev.orathin.ByteVector},
     * {@link dev.orathin.SparseVector}), JSON ({@link dev.orathin.json.JsonValue}, Map, List) and {@link OutParam}.
     *
     * @param value the value
     * @param maxStringSize the server's largest VARCHAR2 in bytes (4000 or 32767)
     * @param where the bind's name or position for messages
     */
    public static BindValue of(Object value, int maxStringSize, String where) {
        if (value instanceof OutParam p) {
            return out(p, maxStringSize, where);
        }
        return in(value, maxStringSize, where);
    }

    private static BindValue in(Object value, int maxStringSize, String where) {
        if (value == null) {
            return new BindValue(1, 1, 1, null, DIR_IN, null);
        }
        if (value instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > maxStringSize) {
                return new BindValue(8, 1, MAX_LONG_LENGTH, b, DIR_IN, null);
            }
            return new BindValue(1, 1, Math.max(1, b.length), b.length == 0 ? null : b, DIR_IN, null);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return number(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger bi) {
            return number(new BigDecimal(bi));
        }
        if (value instanceof BigDecimal bd) {
            return number(bd);
        }
        if (value instanceof Double d) {
            return new BindValue(101, 0, 8, OracleDateTime.encodeDouble(d), DIR_IN, null);
        }
        if (value instanceof Float f) {
            return new BindValue(100, 0, 4, OracleDateTime.encodeFloat(f), DIR_IN, null);
        }
        if (value instanceof byte[] b) {
            if (b.length > maxStringSize) {
                return new BindValue(24, 0, MAX_LONG_LENGTH, b, DIR_IN, null);
            }
            return new BindValue(23, 0, Math.max(1, b.length), b.length == 0 ? null : b.clone(), DIR_IN, null);
        }
        if (dev.orathin.internal.types.VectorImage.isVector(value)) {
            try {
                return new BindValue(ColumnInfo.VECTOR, 0, VECTOR_MAX_LENGTH, dev.orathin.internal.types.VectorImage.encode(value), DIR_IN, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bind " + where + ": " + e.getMessage(), e);
            }
        }
        if (value instanceof dev.orathin.json.JsonValue || value instanceof java.util.Map || value instanceof java.util.Collection) {
            return new BindValue(ColumnInfo.JSON, 0, JSON_MAX_LENGTH, dev.orathin.internal.types.Oson.encode(
                    dev.orathin.json.JsonValue.of(value)), DIR_IN, null);
        }
        if (value instanceof Boolean bool) {
            // BOOLEAN binds need field version 17 (23ai); orathin announces 13, so booleans go as NUMBER 1 / 0
            return number(bool ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        if (value instanceof LocalDate d) {
            return new BindValue(12, 0, 7, OracleDateTime.encodeTimestamp(d.atStartOfDay(), false), DIR_IN, null);
        }
        if (value instanceof LocalDateTime t) {
            return new BindValue(180, 0, 11, OracleDateTime.encodeTimestamp(t, true), DIR_IN, null);
        }
        if (value instanceof OffsetDateTime t) {
            return new BindValue(181, 0, 13, OracleDateTime.encodeTimestampTz(t), DIR_IN, null);
        }
        if (value instanceof ZonedDateTime t) {
            return new BindValue(181, 0, 13, OracleDateTime.encodeTimestampTz(t.toOffsetDateTime()), DIR_IN, null);
        }
        if (value instanceof Instant t) {
            return new BindValue(181, 0, 13, OracleDateTime.encodeTimestampTz(t.atOffset(ZoneOffset.UTC)), DIR_IN, null);
        }
        if (value instanceof Duration d) {
            return new BindValue(183, 0, 11, OracleDateTime.encodeIntervalDs(d), DIR_IN, null);
        }
        if (value instanceof Period p) {
            return new BindValue(182, 0, 5, OracleDateTime.encodeIntervalYm(p), DIR_IN, null);
        }
        throw new IllegalArgumentException("bind " + where + ": values of " + value.getClass().getName() + " cannot be bound (supported:"
                + " String, Integer, Long, BigInteger, BigDecimal, Double, Float, byte[], Boolean, LocalDate, LocalDateTime,"
                + " OffsetDateTime, ZonedDateTime, Instant, Duration, Period, float[], double[], ByteVector, SparseVector, OutParam, null)");
    }

    private static BindValue number(BigDecimal v) {
        return new BindValue(2, 0, 22, OracleNumber.encode(v), DIR_IN, null);
    }

    private static BindValue out(OutParam p, int maxStringSize, String where) {
        OracleType t = p.type();
        byte[] data = null;
        if (p.isInOut() && p.inValue() != null) {
            BindValue v = in(p.inValue(), maxStringSize, where);
            data = v.data();
        }
        int dir = p.isInOut() ? DIR_IN_OUT : DIR_OUT;
        return switch (t) {
            case VARCHAR2, CHAR, LONG, CLOB -> new BindValue(1, 1, maxStringSize, data, dir, t);
            case NVARCHAR2, NCHAR, NCLOB -> throw new IllegalArgumentException("bind " + where + ": OUT parameters of national"
                    + " character types are not supported; use VARCHAR2");
            case ROWID, UROWID -> new BindValue(1, 1, MAX_UROWID_LENGTH, data, dir, OracleType.VARCHAR2);
            case NUMBER, BINARY_INTEGER -> new BindValue(2, 0, 22, data, dir, t);
            case DATE -> new BindValue(12, 0, 7, data, dir, t);
            case TIMESTAMP, TIMESTAMP_LTZ -> new BindValue(180, 0, 11, data, dir, OracleType.TIMESTAMP);
            case TIMESTAMP_TZ -> new BindValue(181, 0, 13, data, dir, t);
            case BINARY_FLOAT -> new BindValue(100, 0, 4, data, dir, t);
            case BINARY_DOUBLE -> new BindValue(101, 0, 8, data, dir, t);
            case RAW, LONG_RAW, BLOB -> new BindValue(23, 0, Math.min(maxStringSize, 32767), data, dir, OracleType.RAW);
            case INTERVAL_DS -> new BindValue(183, 0, 11, data, dir, t);
            case INTERVAL_YM -> new BindValue(182, 0, 5, data, dir, t);
            case BOOLEAN -> new BindValue(2, 0, 22, data, dir, OracleType.BOOLEAN);
            case JSON -> throw new IllegalArgumentException("bind " + where + ": OUT parameters of type JSON are not supported;"
                    + " select the value in a query instead");
            case VECTOR -> throw new IllegalArgumentException("bind " + where + ": OUT parameters of type VECTOR are not supported;"
                    + " select the vector in a query instead");
        };
    }

    /**
     * A LOB locator bind (CLOB / NCLOB / BLOB): the locator bytes are the value.
     *
     * @param typeNumber 112 or 113
     * @param charsetForm 1 CLOB, 2 NCLOB, 0 BLOB
     */
    public static BindValue lobLocator(int typeNumber, int charsetForm, byte[] locator) {
        return new BindValue(typeNumber, charsetForm, Requests.LOB_LOCATOR_BUFFER, locator, DIR_IN, null);
    }

    /** The same bind with another buffer size (array DML uses the largest value of each column). */
    public BindValue withBufferSize(int size) {
        return new BindValue(typeNumber, charsetForm, size, data, direction, outType, returnBind);
    }
}
