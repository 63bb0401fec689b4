package dev.orathin.testkit.internal.ttcserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oracle SQL text as the testkit needs it: the statement kind from the first keyword, bind
 * placeholders ({@code :name}, {@code :1}) found outside literals and comments and replaced by
 * H2's {@code ?}, and a few Oracle idioms rewritten into what H2 runs.
 */
final class SqlText {

    enum Kind { QUERY, DML, DDL, PLSQL, COMMIT, ROLLBACK, SAVEPOINT, LOCK }

    private static final Pattern CONNECT_BY_LEVEL = Pattern.compile(
            "(?is)^\\s*select\\s+(.*?)\\s+from\\s+dual\\s+connect\\s+by\\s+level\\s*<=\\s*(\\S+?)\\s*$");
    /** Session and database time zones: the testkit runs in UTC. */
    /** CREATE / ALTER TABLE: the only statements where {@code VECTOR(...)} is a column type. */
    private static final Pattern VECTOR_DDL = Pattern.compile("(?is)\\s*(create|alter)\\s+table\\b");
    private static final Pattern VECTOR_TYPE = Pattern.compile("(?i)(?<![\\w\"$#])vector(\\s*\\([^)]*\\))?(?![\\w\"$#])");
    private static final Pattern TIMEZONES = Pattern.compile("(?i)\\b(?:dbtimezone|sessiontimezone)\\b");

    private static final Pattern ROLLBACK_TO = Pattern.compile("(?is)\\s*rollback\\s+(work\\s+)?to\\b");
    private static final Pattern LOCK_TABLE = Pattern.compile("(?is)\\s*lock\\s+table\\s+(.+?)\\s+in\\s+\\w+(\\s+\\w+)?\\s+mode(\\s+nowait|\\s+wait\\s+\\d+)?\\s*");

    /** The SQL with placeholders replaced, and the bind names in order of occurrence. */
    record Parsed(String h2Sql, List<String> bindNames) {
    }

    private SqlText() {
    }

    static Kind kind(String sql) {
        String w = firstWord(sql);
        switch (w) {
            case "SELECT":
            case "WITH":
                return Kind.QUERY;
            case "INSERT":
            case "UPDATE":
            case "DELETE":
            case "MERGE":
                return Kind.DML;
            case "BEGIN":
            case "DECLARE":
            case "CALL":
                return Kind.PLSQL;
            case "COMMIT":
                return Kind.COMMIT;
            case "ROLLBACK":
                return ROLLBACK_TO.matcher(sql).lookingAt() ? Kind.SAVEPOINT : Kind.ROLLBACK;
            case "SAVEPOINT":
                return Kind.SAVEPOINT;
            case "LOCK":
                return Kind.LOCK;
            default:
                return Kind.DDL;
        }
    }

    // Like core's SqlText on purpose: the testkit reads SQL with code of its own, independent of the client.
    static String firstWord(String sql) {
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

    /** Replaces bind placeholders with {@code ?} outside literals, quoted identifiers and comments. */
    static Parsed binds(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(n, end + 1);
                out.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                int end = skipSpaceAndComments(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && (Character.isLetterOrDigit(sql.charAt(i + 1)) || sql.charAt(i + 1) == '"')) {
                int start = i + 1;
                int end = start;
                if (sql.charAt(start) == '"') {
                    end = sql.indexOf('"', start + 1);
                    end = end < 0 ? n : end + 1;
                } else {
                    while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$'
                            || sql.charAt(end) == '#')) {
                        end++;
                    }
                }
                String name = sql.substring(start, end);
                names.add(name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toUpperCase(Locale.ROOT));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Parsed(rewrite(out.toString()), names);
    }

    private static final Pattern SYS_CONTEXT = Pattern.compile("(?i)sys_context\\s*\\(\\s*'userenv'\\s*,\\s*'(\\w+)'\\s*\\)");
    private static final Pattern USER = Pattern.compile("(?i)(?<![\\w.\"$#])user(?![\\w\"$#(])");

    /**
     * Session functions H2 answers differently: {@code SYS_CONTEXT('USERENV', 'X')} and {@code USER}
     * become the session's values as literals (outside quoted text only for {@code USER}).
     */
    static String session(String sql, java.util.function.Function<String, String> userenv) {
        Matcher m = SYS_CONTEXT.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = userenv.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "NULL" : "'" + v.replace("'", "''") + "'"));
        }
        m.appendTail(out);
        String s = out.toString();
        String user = userenv.apply("SESSION_USER");
        if (user == null) {
            return s;
        }
        String schema = userenv.apply("CURRENT_SCHEMA");
        if (schema != null) {
            // the session's own objects live in H2's PUBLIC schema: "SCHEMA".name and schema.name lose the qualifier
            s = Pattern.compile("\"" + Pattern.quote(schema) + "\"\\s*\\.\\s*(?=[\"\\p{L}_])").matcher(s).replaceAll("");
        }
        String[] parts = s.split("'", -1); // even parts are outside string literals ('' escapes give empty odd parts)
        for (int i = 0; i < parts.length; i += 2) {
            if (schema != null) {
                parts[i] = Pattern.compile("(?i)(?<![\\w.\"$#])" + Pattern.quote(schema) + "\\s*\\.\\s*(?=[\"\\p{L}_])").matcher(parts[i]).replaceAll("");
            }
            parts[i] = USER.matcher(parts[i]).replaceAll(Matcher.quoteReplacement("'" + user + "'"));
        }
        return String.join("'", parts);
    }

    /**
     * {@code LOCK TABLE t IN ... MODE}: H2 has no table locks; the testkit answers with a query that
     * only checks the table exists (the lock is not taken — sessions see H2's row locks only).
     */
    static String lockTableCheck(String sql) {
        Matcher m = LOCK_TABLE.matcher(sql);
        if (!m.matches()) {
            throw new OraErrors.OraException(900, "invalid SQL statement");
        }
        return "SELECT 1 FROM " + m.group(1) + " WHERE 1 = 0";
    }

    /** Oracle idioms H2 lacks: {@code select ... from dual connect by level <= n} becomes a SYSTEM_RANGE. */
    static String rewrite(String sql) {
        String s = TIMEZONES.matcher(sql.strip()).replaceAll("'+00:00'");
        if (VECTOR_DDL.matcher(s).lookingAt()) {
            s = VECTOR_TYPE.matcher(s).replaceAll(VectorData.DOMAIN);
        }
        Matcher m = CONNECT_BY_LEVEL.matcher(s);
        if (m.matches()) {
            return "SELECT " + m.group(1) + " FROM (SELECT X AS \"LEVEL\" FROM SYSTEM_RANGE(1, " + m.group(2) + "))";
        }
        return s;
    }
}
