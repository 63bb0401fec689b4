package dev.orathin.testkit.internal.ttcserver;

import dev.orathin.testkit.internal.ttcserver.OraErrors.OraException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ALTER SESSION SET ...} as the testkit serves it. {@code CURRENT_SCHEMA} may name the
 * session's own schema (what Flyway and Hibernate set by default); another schema is refused with
 * ORA-03001, since the testkit keeps every user's objects in one H2 schema and cannot resolve names
 * the way another current schema would. Every other parameter (NLS_*, TIME_ZONE, ...) is accepted
 * and has no effect: the testkit's formats are fixed.
 */
final class AlterSession {

    private static final Pattern ALTER_SESSION = Pattern.compile("(?is)^\\s*alter\\s+session\\s+set\\s+(.*?)\\s*$");
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("(?is)\\bcurrent_schema\\s*=\\s*(\"[^\"]+\"|[A-Za-z][\\w$#]*)");

    private AlterSession() {
    }

    /** True for ALTER SESSION SET statements. */
    static boolean matches(String sql) {
        return ALTER_SESSION.matcher(sql).matches();
    }

    /** Applies the statement to the session's USERENV. */
    static void apply(String sql, Map<String, String> userenv) {
        Matcher m = CURRENT_SCHEMA.matcher(sql);
        if (!m.find()) {
            return;
        }
        String name = m.group(1);
        String schema = name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toUpperCase(Locale.ROOT);
        String own = userenv.get("SESSION_USER");
        if (own != null && !own.equalsIgnoreCase(schema)) {
            throw new OraException(3001, "unimplemented feature (the orathin testkit serves CURRENT_SCHEMA = the session's own schema"
                    + " only, not " + schema + ")");
        }
        userenv.put("CURRENT_SCHEMA", schema);
    }
}
