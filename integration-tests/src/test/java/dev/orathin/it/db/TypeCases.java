package dev.orathin.it.db;

import dev.orathin.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 23ai type cases of the types matrix, one row each: what every client binds and must fetch
 * back. The expected values are the definition of the case; every client compares what it fetched
 * with them in its own language ({@code types.js} has the same list).
 */
final class TypeCases {

    private TypeCases() {
    }

    /** One vector value: format FLOAT32/FLOAT64/INT8/BINARY, dimensions, sparse indices (or null), values. */
    record Vec(String format, int dims, int[] indices, double[] values) {
        /** BINARY / INT8: the values as bytes. */
        byte[] bytes() {
            byte[] b = new byte[values.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (int) values[i];
            }
            return b;
        }

        float[] floats() {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return f;
        }

        /** Canonical text, equal for equal vectors (floats printed as float, so FLOAT32 rounding shows). */
        String canonical() {
            StringBuilder sb = new StringBuilder(format).append(' ').append(dims);
            if (indices != null) {
                sb.append(" sparse").append(java.util.Arrays.toString(indices));
            }
            sb.append(" [");
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ",");
                sb.append(format.equals("FLOAT32") ? Float.toString((float) values[i]) : format.equals("FLOAT64")
                        ? Double.toString(values[i]) : Integer.toString((int) values[i]));
            }
            return sb.append(']').toString();
        }
    }

    /** Case name → the rows it binds (id, vector or null), in order. */
    static Map<String, List<Vec>> vectorCases() {
        Map<String, List<Vec>> m = new LinkedHashMap<>();
        m.put("vector_float32", List.of(new Vec("FLOAT32", 6, null, new double[] {1.5, -2.25, 0, 3.4028234663852886E38, 1.401298464324817E-45,
                -0.0})));
        m.put("vector_float64", List.of(new Vec("FLOAT64", 4, null, new double[] {1.5, -1e300, 4.9E-324, 0.1})));
        m.put("vector_nan_inf", List.of(new Vec("FLOAT32", 3, null, new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}),
                new Vec("FLOAT64", 3, null, new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})));
        m.put("vector_int8", List.of(new Vec("INT8", 5, null, new double[] {-128, 127, 0, 1, -1})));
        m.put("vector_binary", List.of(new Vec("BINARY", 24, null, new double[] {-1, 1, -128})));
        m.put("vector_sparse", List.of(new Vec("FLOAT32", 10, new int[] {1, 7}, new double[] {2.5, -1}),
                new Vec("FLOAT64", 5, new int[] {0}, new double[] {-0.5})));
        double[] big = new double[65535];
        for (int i = 0; i < big.length; i++) {
            big[i] = (i % 100) * 0.25 - 7;
        }
        m.put("vector_dims_1_65535", List.of(new Vec("FLOAT32", 1, null, new double[] {42}), new Vec("FLOAT32", 65535, null, big)));
        List<Vec> nul = new ArrayList<>();
        nul.add(null);
        m.put("vector_null", nul);
        return m;
    }

    /** A JSON object from alternating keys and values. */
    static JsonValue obj(Object... kv) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (JsonValue) kv[i + 1]);
        }
        return new JsonValue.JsonObject(m);
    }

    static JsonValue arr(JsonValue... e) {
        return new JsonValue.JsonArray(List.of(e));
    }

    static JsonValue str(String s) {
        return new JsonValue.JsonString(s);
    }

    static JsonValue num(String n) {
        return new JsonValue.JsonNumber(new java.math.BigDecimal(n));
    }

    /**
     * JSON case name → documents seeded in H2 (as text; the testkit encodes them as OSON with its own
     * encoder), null for SQL NULL. Every client fetches them and compares with these values.
     */
    static Map<String, List<JsonValue>> jsonCases() {
        Map<String, List<JsonValue>> m = new LinkedHashMap<>();
        List<JsonValue> scalars = new ArrayList<>();
        scalars.add(obj("name", str("Ωμέγα ✓ \"quoted\" \\ tab\t"), "n", num("1"), "dec", num("-0.0125"), "big",
                num("12345678901234567890123456789"), "tiny", num("1E-100"), "t", new JsonValue.JsonBoolean(true), "f",
                new JsonValue.JsonBoolean(false), "z", JsonValue.JsonNull.INSTANCE, "arr", arr(num("1"), str("two"), arr(num("3")), obj()),
                "nested", obj("ключ", str("值"), "empty", arr())));
        scalars.add(str("just a string"));
        scalars.add(num("42"));
        scalars.add(null);
        m.put("json_scalars_nonascii_keys", scalars);
        m.put("json_empty", List.of(obj(), arr(), str("")));
        JsonValue deep = num("1");
        for (int i = 0; i < 100; i++) {
            deep = i % 2 == 0 ? arr(deep) : obj("d" + i, deep);
        }
        m.put("json_deep_100", List.of(deep));
        Object[] kv = new Object[600];
        for (int i = 0; i < 300; i++) {
            kv[2 * i] = "key_" + i;
            kv[2 * i + 1] = num(Integer.toString(i * 7));
        }
        JsonValue many = obj(kv);
        m.put("json_large", List.of(many, obj("long", str("x".repeat(70_000)), "list", arr(many, many))));
        m.put("json_long_field_name", List.of(obj("é".repeat(150), str("300-byte key"), "short", num("2"))));
        return m;
    }

    /** The documents every client binds into its own JSON table and reads back (all seeded ones but the 300-byte key). */
    static List<JsonValue> jsonBinds() {
        List<JsonValue> l = new ArrayList<>();
        jsonCases().forEach((k, v) -> {
            if (!k.equals("json_long_field_name")) {
                v.stream().filter(java.util.Objects::nonNull).forEach(l::add);
            }
        });
        return l;
    }

    /** The testkit-seeded rows of {@code vec_seed} (TO_VECTOR text → the testkit's own encoder), fetched by every client. */
    static List<Vec> seeded() {
        List<Vec> l = new ArrayList<>();
        l.add(new Vec("FLOAT32", 3, null, new double[] {1, 2.5, -3}));
        l.add(null);
        return l;
    }
}
