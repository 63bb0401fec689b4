package dev.orathin.internal.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for connect configuration documents: objects become
 * ordered {@code Map<String, Object>}, arrays {@code List<Object>}, numbers {@link BigDecimal},
 * plus {@code String}, {@code Boolean} and {@code null}. Bounded: at most {@link #MAX_DEPTH}
 * levels; the caller bounds the text's size. Errors name the line and column and what was
 * expected; they never quote more than a few characters of the text (it may hold a password).
 * (Written for orathin; no JSON library is a dependency of the driver.)
 */
public final class JsonText {

    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;

    /** A JSON syntax error at a position. */
    public static final class SyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    private final String s;
    private int i;

    private JsonText(String s) {
        this.s = s;
    }

    /** Parses one JSON value filling the whole text (whitespace around it allowed). */
    public static Object parse(String text) {
        JsonText p = new JsonText(text);
        p.ws();
        Object v = p.value(0);
        p.ws();
        if (p.i < p.s.length()) {
            throw p.error("the end of the document");
        }
        return v;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " levels of nesting");
        }
        if (i >= s.length()) {
            throw error("a value");
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("a value");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (peek('}')) {
            i++;
            return m;
        }
        while (true) {
            ws();
            if (!peek('"')) {
                throw error("a member name in double quotes");
            }
            int at = i;
            String k = string();
            ws();
            expect(':');
            ws();
            if (m.containsKey(k)) {
                i = at;
                throw error("each member name once, but \"" + shorten(k) + "\" is repeated");
            }
            m.put(k, value(depth + 1));
            ws();
            if (peek(',')) {
                i++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (peek(']')) {
            i++;
            return l;
        }
        while (true) {
            ws();
            l.add(value(depth + 1));
            ws();
            if (peek(',')) {
                i++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private String string() {
        i++; // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw error("a closing double quote");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                i--;
                throw error("no control character inside a string (escape it)");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw error("an escape after the backslash");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("four hex digits after \\u");
                    }
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(i++), 16);
                        if (d < 0) {
                            i--;
                            throw error("four hex digits after \\u");
                        }
                        v = v * 16 + d;
                    }
                    b.append((char) v);
                }
                default -> {
                    i--;
                    throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
                }
            }
        }
    }

    private BigDecimal number() {
        int start = i;
        if (peek('-')) {
            i++;
        }
        if (peek('0')) {
            i++;
        } else if (!digits()) {
            throw error("digits");
        }
        if (peek('.')) {
            i++;
            if (!digits()) {
                throw error("digits after the decimal point");
            }
        }
        if (peek('e') || peek('E')) {
            i++;
            if (peek('+') || peek('-')) {
                i++;
            }
            if (!digits()) {
                throw error("digits in the exponent");
            }
        }
        if (i - start > 100) {
            i = start;
            throw error("a number of at most 100 characters");
        }
        return new BigDecimal(s.substring(start, i));
    }

    private boolean digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > start;
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) {
            throw error("a value");
        }
        i += word.length();
        return v;
    }

    private void ws() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "'");
        }
        i++;
    }

    private SyntaxException error(String expected) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < Math.min(i, s.length()); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        String found = i >= s.length() ? "the end of the text" : "'" + s.charAt(i) + "'";
        return new SyntaxException("line " + line + ", column " + col + ": expected " + expected + " but found " + found);
    }

    private static String shorten(String k) {
        return k.length() > 40 ? k.substring(0, 40) + "..." : k;
    }
}
