package dev.orathin.json;

import java.math.BigDecimal;

/** JSON text of a {@link JsonValue} (RFC 8259 escaping; extended scalars as strings). */
final class Text {

    private Text() {
    }

    static void write(JsonValue v, StringBuilder sb) {
        if (v instanceof JsonValue.JsonObject o) {
            sb.append('{');
            boolean first = true;
            for (var e : o.members().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof JsonValue.JsonArray a) {
            sb.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(a.elements().get(i), sb);
            }
            sb.append(']');
        } else if (v instanceof JsonValue.JsonString s) {
            string(s.value(), sb);
        } else if (v instanceof JsonValue.JsonNumber n) {
            sb.append(number(n.value()));
        } else if (v instanceof JsonValue.JsonBoolean b) {
            sb.append(b.value());
        } else if (v instanceof JsonValue.JsonNull) {
            sb.append("null");
        } else if (v instanceof JsonValue.JsonFloat f) {
            finite(f.value(), Float.toString(f.value()), sb);
        } else if (v instanceof JsonValue.JsonDouble d) {
            finite(d.value(), Double.toString(d.value()), sb);
        } else if (v instanceof JsonValue.JsonBinary b) {
            string(java.util.HexFormat.of().withUpperCase().formatHex(b.value()), sb);
        } else if (v instanceof JsonValue.JsonVector vec) {
            sb.append(vectorText(vec.value()));
        } else {
            string(String.valueOf(v.toJava()), sb); // dates, timestamps, intervals: ISO-8601 text
        }
    }

    private static String vectorText(Object v) {
        if (v instanceof float[] f) {
            return java.util.Arrays.toString(f).replace(" ", "");
        }
        if (v instanceof double[] d) {
            return java.util.Arrays.toString(d).replace(" ", "");
        }
        if (v instanceof byte[] b) {
            return java.util.Arrays.toString(b).replace(" ", "");
        }
        return String.valueOf(v);
    }

    /** NaN and infinities are not JSON numbers: written as strings. */
    private static void finite(double d, String text, StringBuilder sb) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            string(text, sb);
        } else {
            sb.append(text);
        }
    }

    static String number(BigDecimal d) {
        BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        return s.scale() <= 0 && s.precision() - s.scale() <= 40 ? s.toPlainString() : s.toString();
    }

    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
