package dev.orathin.examples.cli;

import java.util.Collection;
import java.util.Map;

/**
 * A minimal JSON writer for the tool's {@code --json} output (maps, lists, strings, numbers,
 * booleans, null); keeps the jar free of a JSON library. Other values are written as strings.
 */
public final class Json {

    private Json() {
    }

    /** The JSON text of {@code value}, indented by two spaces per level. */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, int indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            b.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            b.append(Double.isFinite(d) ? n.toString() : quote(n.toString()));
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(b, indent + 1).append(quote(String.valueOf(e.getKey()))).append(": ");
                write(b, e.getValue(), indent + 1);
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            pad(b, indent).append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            int i = 0;
            for (Object o : c) {
                pad(b, indent + 1);
                write(b, o, indent + 1);
                b.append(++i < c.size() ? ",\n" : "\n");
            }
            pad(b, indent).append(']');
        } else if (v instanceof Object[] a) {
            write(b, java.util.Arrays.asList(a), indent);
        } else {
            b.append(quote(v.toString()));
        }
    }

    private static StringBuilder pad(StringBuilder b, int indent) {
        return b.append("  ".repeat(indent));
    }

    /** {@code s} as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
