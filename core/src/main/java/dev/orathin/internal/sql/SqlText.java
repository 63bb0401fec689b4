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
 * @param returnBindsFrom for DML with {@code RETURNING ... INTO}: the position (0-based) of the
 *     first bind after INTO (those are return binds); else the number of binds
 */
public record SqlText(String sql, Kind kind, List<String> bindNames, int returnBindsFrom) {

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
        List<int[]> offsets = new ArrayList<>();
        List<String> names = kind == Kind.DDL ? List.of() : scanBinds(sql, offsets);
        int returnFrom = names.size();
        if (kind == Kind.DML) {
            // python-oracledb's DML_RETURNING_PATTERN, on the text with literals and comments blanked out
            java.util.regex.Matcher m = RETURNING.matcher(masked(sql));
            if (m.find()) {
                for (int i = 0; i < names.size(); i++) {
                    if (offsets.get(i)[0] >= m.end()) {
                        returnFrom = i;
                        break;
                    }
                }
            }
        }
        if (kind == Kind.PLSQL) {
            List<String> unique = new ArrayList<>();
            for (String n : names) {
                if (!unique.contains(n)) {
                    unique.add(n);
                }
            }
            names = unique;
        }
        return new SqlText(sql, kind, List.copyOf(names), kind == Kind.PLSQL ? names.size() : returnFrom);
    }

    private static final java.util.regex.Pattern RETURNING = java.util.regex.Pattern.compile("(?si)[)\\s]RETURNING\\s+[\\s\\S]+\\s+INTO\\s+");

    /** True for DML with RETURNING ... INTO binds. */
    public boolean hasReturnBinds() {
        return returnBindsFrom < bindNames.size();
    }

    /** True when the bind at {@code position} (0-based) is a RETURNING ... INTO bind. */
    public boolean isReturnBind(int position) {
        return position >= returnBindsFrom;
    }

    /** The text with string literals, quoted identifiers and comments replaced by spaces (same length). */
    static String masked(String s) {
        char[] out = s.toCharArray();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int end = skipNonCode(s, i);
            if (end > i) {
                java.util.Arrays.fill(out, i, end, ' ');
                i = end;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** If a literal, quoted identifier or comment starts at {@code i}, the index after it; else {@code i}. */
    private static int skipNonCode(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '-' && s.startsWith("--", i)) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? n : nl + 1;
        }
        if (c == '/' && s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        if ((c == 'q' || c == 'Q') && i + 2 < n && s.charAt(i + 1) == '\'' && (i == 0 || !isNameChar(s.charAt(i - 1)))) {
            char open = s.charAt(i + 2);
            char close = switch (open) {
                case '[' -> ']';
                case '{' -> '}';
                case '(' -> ')';
                case '<' -> '>';
                default -> open;
            };
            int end = s.indexOf(close + "'", i + 3);
            return end < 0 ? n : end + 2;
        }
        if (c == '\'') {
            int end = s.indexOf('\'', i + 1);
            return end < 0 ? n : end + 1;
        }
        if (c == '"' && (i == 0 || s.charAt(i - 1) != ':')) {
            int end = s.indexOf('"', i + 1);
            return end < 0 ? n : end + 1;
        }
        return i;
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

    // The testkit has its own SQL scanner (testkit SqlText), on purpose: client and testkit stay independent.
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
        return scanBinds(s, new ArrayList<>());
    }

    /** The placeholders in order of appearance, with the offset of each colon in {@code offsets}. */
    static List<String> scanBinds(String s, List<int[]> offsets) {
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
                    offsets.add(new int[] {i});
                    i = end + 1;
                } else if (j < n && Character.isDigit(s.charAt(j))) {
                    int k = j;
                    while (k < n && Character.isDigit(s.charAt(k))) {
                        k++;
                    }
                    names.add(s.substring(j, k));
                    offsets.add(new int[] {i});
                    i = k;
                } else if (j < n && Character.isLetter(s.charAt(j))) {
                    int k = j;
                    while (k < n && isNameChar(s.charAt(k))) {
                        k++;
                    }
                    names.add(s.substring(j, k).toUpperCase(Locale.ROOT));
                    offsets.add(new int[] {i});
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
