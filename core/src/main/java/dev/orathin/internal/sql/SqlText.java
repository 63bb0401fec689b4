package dev.orathin.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What orathin needs to know about a SQL text before sending it: the statement kind (from the
 * first keyword, as python-oracledb's {@code Statement._determine_statement_type}) and the bind
 * placeholders in order, skipping string literals, quoted identifiers and comments.
 *
 * @param sql the text as given
 * @param kind the statement kind
 * @param bindNames one entry per placeholder position (SQL) or per distinct name (PL/SQL, where
 *     the server binds a repeated name once); names upper-cased unless written in double quotes
 */
public record SqlText(String sql, Kind kind, List<String> bindNames) {

    /** Statement kinds. */
    public enum Kind {
        /** SELECT / WITH. */
        QUERY,
        /** INSERT / UPDATE / DELETE / MERGE. */
        DML,
        /** BEGIN / DECLARE / CALL. */
        PLSQL,
        /** CREATE / ALTER / DROP / TRUNCATE and the like (always parsed). */
        DDL,
        /** Anything else (COMMIT, SET ROLE, ...). */
        OTHER
    }

    /** Analyses a SQL text. */
    public static SqlText parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("the SQL text is empty");
        }
        String keyword = firstKeyword(sql);
        Kind kind = switch (keyword) {
            case "SELECT", "WITH" -> Kind.QUERY;
            case "INSERT", "UPDATE", "DELETE", "MERGE" -> Kind.DML;
            case "BEGIN", "DECLARE", "CALL" -> Kind.PLSQL;
            case "CREATE", "ALTER", "DROP", "TRUNCATE", "GRANT", "REVOKE", "ANALYZE", "AUDIT", "COMMENT", "RENAME", "FLASHBACK",
                    "PURGE", "NOAUDIT" -> Kind.DDL;
            default -> Kind.OTHER;
        };
        List<String> names = kind == Kind.DDL ? List.of() : scanBinds(sql);
        if (kind == Kind.PLSQL) {
            List<String> unique = new ArrayList<>();
            for (String n : names) {
                if (!unique.contains(n)) {
                    unique.add(n);
                }
            }
            names = unique;
        }
        return new SqlText(sql, kind, List.copyOf(names));
    }

    /** True when the statement returns rows. */
    public boolean isQuery() {
        return kind == Kind.QUERY;
    }

    /** True for PL/SQL blocks. */
    public boolean isPlsql() {
        return kind == Kind.PLSQL;
    }

    /** Distinct bind names in order of first appearance. */
    public List<String> distinctNames() {
        List<String> out = new ArrayList<>();
        for (String n : bindNames) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static String firstKeyword(String sql) {
        int i = skipSpaceAndComments(sql, 0);
        while (i < sql.length() && sql.charAt(i) == '(') {
            i = skipSpaceAndComments(sql, i + 1);
        }
        int start = i;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }

    private static int skipSpaceAndComments(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("--", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** The placeholders in order of appearance (every occurrence). */
    static List<String> scanBinds(String s) {
        List<String> names = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '-' && s.startsWith("--", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if ((c == 'q' || c == 'Q') && i + 2 < n && s.charAt(i + 1) == '\'' && (i == 0 || !isNameChar(s.charAt(i - 1)))) {
                // q'[ ... ]' alternative quoting: the closing delimiter pairs with the opening one
                char open = s.charAt(i + 2);
                char close = switch (open) {
                    case '[' -> ']';
                    case '{' -> '}';
                    case '(' -> ')';
                    case '<' -> '>';
                    default -> open;
                };
                int end = s.indexOf(close + "'", i + 3);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                // '' inside a literal is an escaped quote: scanning to the next quote twice handles it
                int end = s.indexOf('\'', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == ':') {
                int j = i + 1;
                while (j < n && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                if (j < n && s.charAt(j) == '"') {
                    int end = s.indexOf('"', j + 1);
                    if (end < 0) {
                        i = n;
                        continue;
                    }
                    names.add(s.substring(j + 1, end));
                    i = end + 1;
                } else if (j < n && Character.isDigit(s.charAt(j))) {
                    int k = j;
                    while (k < n && Character.isDigit(s.charAt(k))) {
                        k++;
                    }
                    names.add(s.substring(j, k));
                    i = k;
                } else if (j < n && Character.isLetter(s.charAt(j))) {
                    int k = j;
                    while (k < n && isNameChar(s.charAt(k))) {
                        k++;
                    }
                    names.add(s.substring(j, k).toUpperCase(Locale.ROOT));
                    i = k;
                } else {
                    i = j; // ":=" and the like
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
    }
}
