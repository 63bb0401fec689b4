package dev.orathin.jdbc.internal;

import java.util.Locale;

/**
 * JDBC escape syntax in Oracle SQL: {@code {d 'yyyy-mm-dd'}} → {@code DATE '...'},
 * {@code {ts '...'}} → {@code TIMESTAMP '...'}, {@code {t 'hh:mm:ss'}} →
 * {@code TO_DATE('...', 'HH24:MI:SS')}, {@code {fn f(...)}} → {@code f(...)} (UCASE / LCASE as
 * UPPER / LOWER), {@code {oj ...}} → the join, {@code {escape 'c'}} → {@code ESCAPE 'c'}. Text in
 * quotes and comments is left alone; {@code {call ...}} is the statement's own and stays for the
 * caller; an escape that is not closed is left as written (the database then reports it).
 */
final class JdbcEscapes {

    private JdbcEscapes() {
    }

    static String translate(String sql) {
        if (sql.indexOf('{') < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int skip = skipQuotedOrComment(sql, i);
            if (skip > i) {
                out.append(sql, i, skip);
                i = skip;
            } else if (c == '{') {
                int end = closing(sql, i);
                String body = end < 0 ? null : sql.substring(i + 1, end).strip();
                String replaced = body == null ? null : escape(body);
                if (replaced == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(replaced);
                    i = end + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** One escape's replacement, or null to leave it (call escapes, unknown keywords). */
    private static String escape(String body) {
        int sp = 0;
        while (sp < body.length() && Character.isLetter(body.charAt(sp))) {
            sp++;
        }
        String keyword = body.substring(0, sp).toLowerCase(Locale.ROOT);
        String rest = translate(body.substring(sp).strip());
        switch (keyword) {
            case "d":
                return "DATE " + rest;
            case "ts":
                return "TIMESTAMP " + rest;
            case "t":
                return "TO_DATE(" + rest + ", 'HH24:MI:SS')";
            case "oj":
                return rest;
            case "escape":
                return "ESCAPE " + rest;
            case "fn":
                String upper = rest.toUpperCase(Locale.ROOT);
                if (upper.startsWith("UCASE")) {
                    return "UPPER" + rest.substring(5);
                }
                if (upper.startsWith("LCASE")) {
                    return "LOWER" + rest.substring(5);
                }
                return rest;
            default:
                return null;
        }
    }

    /** The index of the brace closing the one at {@code open}, or -1. */
    private static int closing(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            int skip = skipQuotedOrComment(s, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The index after a quoted literal, quoted identifier or comment starting at {@code i}, or {@code i}. */
    private static int skipQuotedOrComment(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            int end = s.indexOf(c, i + 1);
            return end < 0 ? s.length() : end + 1;
        }
        if (s.startsWith("--", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end + 1;
        }
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        return i;
    }
}
