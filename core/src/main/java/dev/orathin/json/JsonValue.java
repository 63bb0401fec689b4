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
