package dev.orathin.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of an Oracle JSON column (21c+ native JSON, OSON on the wire): the JSON kinds plus
 * Oracle's extended scalars. Immutable; objects keep their key order. {@link #toJava()} gives
 * plain Java ({@code Map}/{@code List}/{@code String}/{@code BigDecimal}/{@code Boolean}/null and
 * the extended scalars' Java types), {@link #toJson()} the JSON text (extended scalars as strings,
 * binary as hex, as Oracle's {@code JSON_SERIALIZE} writes them by default).
 */
public sealed interface JsonValue {

    /** Plain Java: Map (ordered), List, String, BigDecimal, Boolean, null, Float, Double, LocalDateTime, OffsetDateTime, byte[], Duration, Period, vectors. */
    Object toJava();

    /** The JSON text of this value. */
    default String toJson() {
        StringBuilder sb = new StringBuilder();
        Text.write(this, sb);
        return sb.toString();
    }

    /**
     * The JSON value of a Java value: JsonValue as is, Map (String keys, order kept) → object,
     * List / Collection / Object[] → array, String, BigDecimal / BigInteger / Integer / Long / Short / Byte
     * → number, Double / Float → number (NaN and infinities as BINARY_DOUBLE / BINARY_FLOAT), Boolean,
     * null → JSON null, LocalDate → DATE, LocalDateTime → TIMESTAMP, OffsetDateTime → TIMESTAMP WITH TIME
     * ZONE, Duration, Period, byte[] → binary, float[] / double[] / {@link dev.orathin.SparseVector} /
     * {@link dev.orathin.ByteVector} → vector.
     *
     * @throws IllegalArgumentException for other classes or non-String map keys
     */
    static JsonValue of(Object v) {
        if (v instanceof JsonValue j) {
            return j;
        }
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("JSON object keys must be Strings, found " + e.getKey());
                }
                out.put(k, of(e.getValue()));
            }
            return new JsonObject(out);
        }
        if (v instanceof java.util.Collection<?> c) {
            List<JsonValue> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(of(x)));
            return new JsonArray(out);
        }
        if (v instanceof Object[] a) {
            return of(Arrays.asList(a));
        }
        if (v instanceof String s) {
            return new JsonString(s);
        }
        if (v instanceof BigDecimal d) {
            return new JsonNumber(d);
        }
        if (v instanceof java.math.BigInteger i) {
            return new JsonNumber(new BigDecimal(i));
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return new JsonNumber(BigDecimal.valueOf(((Number) v).longValue()));
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? new JsonDouble(d) : new JsonNumber(BigDecimal.valueOf(d));
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? new JsonFloat(f) : new JsonNumber(new BigDecimal(Float.toString(f)));
        }
        if (v instanceof Boolean b) {
            return new JsonBoolean(b);
        }
        if (v instanceof java.time.LocalDate d) {
            return new JsonTimestamp(d.atStartOfDay(), true);
        }
        if (v instanceof LocalDateTime t) {
            return new JsonTimestamp(t, false);
        }
        if (v instanceof OffsetDateTime t) {
            return new JsonTimestampTz(t);
        }
        if (v instanceof Duration d) {
            return new JsonIntervalDs(d);
        }
        if (v instanceof Period p) {
            return new JsonIntervalYm(p);
        }
        if (v instanceof byte[] b) {
            return new JsonBinary(b, false);
        }
        if (v instanceof float[] || v instanceof double[] || v instanceof dev.orathin.SparseVector || v instanceof dev.orathin.ByteVector) {
            return new JsonVector(v instanceof dev.orathin.ByteVector bv ? bv : v);
        }
        throw new IllegalArgumentException("no JSON value for " + v.getClass().getName());
    }

    /** A JSON object; keys in the order the document has them. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        /** Copies, keeping the order. */
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(members, "members")));
        }

        @Override
        public Map<String, Object> toJava() {
            Map<String, Object> m = new LinkedHashMap<>();
            members.forEach((k, v) -> m.put(k, v.toJava()));
            return m;
        }
    }

    /** A JSON array. */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
        /** Copies. */
        public JsonArray {
            elements = List.copyOf(elements);
        }

        @Override
        public List<Object> toJava() {
            List<Object> l = new ArrayList<>(elements.size());
            elements.forEach(e -> l.add(e.toJava()));
            return l;
        }
    }

    /** A JSON string. */
    record JsonString(String value) implements JsonValue {
        /** Validates. */
        public JsonString {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toJava() {
            return value;
        }
    }

    /** A JSON number, exact (Oracle NUMBER inside OSON). */
    record JsonNumber(BigDecimal value) implements JsonValue {
        /** Validates. */
        public JsonNumber {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public BigDecimal toJava() {
            return value;
        }
    }

    /** true / false. */
    record JsonBoolean(boolean value) implements JsonValue {
        @Override
        public Boolean toJava() {
            return value;
        }
    }

    /** JSON null. */
    record JsonNull() implements JsonValue {
        /** The one null. */
        public static final JsonNull INSTANCE = new JsonNull();

        @Override
        public Object toJava() {
            return null;
        }
    }

    /** Oracle extended scalar: BINARY_FLOAT. */
    record JsonFloat(float value) implements JsonValue {
        @Override
        public Float toJava() {
            return value;
        }
    }

    /** Oracle extended scalar: BINARY_DOUBLE. */
    record JsonDouble(double value) implements JsonValue {
        @Override
        public Double toJava() {
            return value;
        }
    }

    /**
     * Oracle extended scalar: DATE ({@code date} true) or TIMESTAMP.
     *
     * @param value the date and time
     * @param date true for a DATE (whole seconds)
     */
    record JsonTimestamp(LocalDateTime value, boolean date) implements JsonValue {
        /** Validates. */
        public JsonTimestamp {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public LocalDateTime toJava() {
            return value;
        }
    }

    /** Oracle extended scalar: TIMESTAMP WITH TIME ZONE. */
    record JsonTimestampTz(OffsetDateTime value) implements JsonValue {
        /** Validates. */
        public JsonTimestampTz {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public OffsetDateTime toJava() {
            return value;
        }
    }

    /** Oracle extended scalar: INTERVAL DAY TO SECOND. */
    record JsonIntervalDs(Duration value) implements JsonValue {
        /** Validates. */
        public JsonIntervalDs {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Duration toJava() {
            return value;
        }
    }

    /** Oracle extended scalar: INTERVAL YEAR TO MONTH. */
    record JsonIntervalYm(Period value) implements JsonValue {
        /** Validates. */
        public JsonIntervalYm {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Period toJava() {
            return value;
        }
    }

    /**
     * Oracle extended scalar: RAW ({@code id} false) or a document id (OSON type 0x7E, {@code id} true).
     *
     * @param value the bytes (copied)
     * @param id true for a document id
     */
    record JsonBinary(byte[] value, boolean id) implements JsonValue {
        /** Copies. */
        public JsonBinary {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public byte[] toJava() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JsonBinary b && b.id == id && Arrays.equals(b.value, value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value) * 31 + (id ? 1 : 0);
        }

        @Override
        public String toString() {
            return "JsonBinary[" + java.util.HexFormat.of().formatHex(value) + "]";
        }
    }

    /**
     * Oracle extended scalar: a VECTOR inside JSON, as {@code float[]}, {@code double[]}, {@code byte[]}
     * or {@link dev.orathin.SparseVector}.
     */
    record JsonVector(Object value) implements JsonValue {
        /** Validates. */
        public JsonVector {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Object toJava() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JsonVector v && Arrays.deepEquals(new Object[] {v.value}, new Object[] {value});
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(new Object[] {value});
        }
    }
}
