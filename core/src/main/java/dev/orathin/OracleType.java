package dev.orathin;

/**
 * The Oracle data types orathin knows, with their wire type numbers (protocol.md §8) and the Java
 * class a value of the type is returned as by {@link Cursor#getObject(int)}.
 */
public enum OracleType {
    /** VARCHAR2 (type 1). */
    VARCHAR2(1, String.class),
    /** NVARCHAR2 (type 1, national character set). */
    NVARCHAR2(1, String.class),
    /** NUMBER (type 2): Long when scale is 0 and precision 1..18, else BigDecimal. */
    NUMBER(2, java.math.BigDecimal.class),
    /** BINARY_INTEGER / PLS_INTEGER (type 3), PL/SQL only. */
    BINARY_INTEGER(3, Long.class),
    /** LONG (type 8). */
    LONG(8, String.class),
    /** ROWID (type 11), returned as its 18-character text. */
    ROWID(11, String.class),
    /** DATE (type 12). */
    DATE(12, java.time.LocalDateTime.class),
    /** RAW (type 23). */
    RAW(23, byte[].class),
    /** LONG RAW (type 24). */
    LONG_RAW(24, byte[].class),
    /** CHAR (type 96). */
    CHAR(96, String.class),
    /** NCHAR (type 96, national character set). */
    NCHAR(96, String.class),
    /** BINARY_FLOAT (type 100). */
    BINARY_FLOAT(100, Float.class),
    /** BINARY_DOUBLE (type 101). */
    BINARY_DOUBLE(101, Double.class),
    /** CLOB (type 112): inline as a String, or a {@link Clob} with {@link OracleConnection#fetchLobs(boolean) fetchLobs(true)}. */
    CLOB(112, String.class),
    /** NCLOB (type 112, national character set): inline as a String, or a {@link Clob}. */
    NCLOB(112, String.class),
    /** BLOB (type 113): inline as byte[], or a {@link Blob} with {@link OracleConnection#fetchLobs(boolean) fetchLobs(true)}. */
    BLOB(113, byte[].class),
    /** TIMESTAMP (type 180). */
    TIMESTAMP(180, java.time.LocalDateTime.class),
    /** TIMESTAMP WITH TIME ZONE (type 181). */
    TIMESTAMP_TZ(181, java.time.OffsetDateTime.class),
    /** INTERVAL YEAR TO MONTH (type 182). */
    INTERVAL_YM(182, java.time.Period.class),
    /** INTERVAL DAY TO SECOND (type 183). */
    INTERVAL_DS(183, java.time.Duration.class),
    /** UROWID (type 208), returned as text. */
    UROWID(208, String.class),
    /** TIMESTAMP WITH LOCAL TIME ZONE (type 231), in the session time zone. */
    TIMESTAMP_LTZ(231, java.time.LocalDateTime.class),
    /** BOOLEAN (type 252, 23ai). */
    BOOLEAN(252, Boolean.class),
    /**
     * VECTOR (type 127, 23ai): {@code float[]} (FLOAT32), {@code double[]} (FLOAT64), {@code byte[]}
     * (INT8, or BINARY packed eight dimensions per byte) or {@link SparseVector}; see
     * {@link Column#vectorFormat()}.
     */
    VECTOR(127, Object.class),
    /** JSON (type 119, 21c+ native JSON sent as OSON): a {@link dev.orathin.json.JsonValue}. */
    JSON(119, dev.orathin.json.JsonValue.class);

    private final int typeNumber;
    private final Class<?> javaType;

    OracleType(int typeNumber, Class<?> javaType) {
        this.typeNumber = typeNumber;
        this.javaType = javaType;
    }

    /** The Oracle type number on the wire. */
    public int typeNumber() {
        return typeNumber;
    }

    /** The default Java class of values of this type (NUMBER: see {@link Column#javaType()}). */
    public Class<?> javaType() {
        return javaType;
    }

    /** True for the national character set variants (NCHAR, NVARCHAR2, NCLOB). */
    public boolean isNational() {
        return this == NVARCHAR2 || this == NCHAR || this == NCLOB;
    }

    /**
     * The type for a wire type number and character set form (2 = national), or null when orathin
     * does not support the type.
     */
    public static OracleType of(int typeNumber, int charsetForm) {
        boolean n = charsetForm == 2;
        return switch (typeNumber) {
            case 1 -> n ? NVARCHAR2 : VARCHAR2;
            case 2 -> NUMBER;
            case 3 -> BINARY_INTEGER;
            case 8 -> LONG;
            case 11 -> ROWID;
            case 12 -> DATE;
            case 23 -> RAW;
            case 24 -> LONG_RAW;
            case 96 -> n ? NCHAR : CHAR;
            case 100 -> BINARY_FLOAT;
            case 101 -> BINARY_DOUBLE;
            case 112 -> n ? NCLOB : CLOB;
            case 113 -> BLOB;
            case 180 -> TIMESTAMP;
            case 181 -> TIMESTAMP_TZ;
            case 182 -> INTERVAL_YM;
            case 183 -> INTERVAL_DS;
            case 208 -> UROWID;
            case 231 -> TIMESTAMP_LTZ;
            case 252 -> BOOLEAN;
            case 127 -> VECTOR;
            case 119 -> JSON;
            default -> null;
        };
    }
}
