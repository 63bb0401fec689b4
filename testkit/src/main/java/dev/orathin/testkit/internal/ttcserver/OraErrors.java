package dev.orathin.testkit.internal.ttcserver;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ORA errors the testkit reports: H2's error codes mapped to the Oracle numbers and message texts
 * clients see from a real database (numbers from Oracle's error reference).
 */
final class OraErrors {

    /** One error: ORA number, full message text (with the {@code ORA-nnnnn: } prefix), offset in the SQL. */
    record OraError(int number, String message, int offset) {
        static OraError of(int number, String text) {
            return new OraError(number, String.format(Locale.ROOT, "ORA-%05d: %s", number, text), 0);
        }
    }

    /** Raised inside the testkit for an error that already has its ORA number. */
    static final class OraException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient OraError error;

        OraException(int number, String text) {
            super(OraError.of(number, text).message());
            this.error = OraError.of(number, text);
        }
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private OraErrors() {
    }

    static OraError fromH2(SQLException e, String sql) {
        int code = e.getErrorCode();
        String quoted = firstQuoted(e.getMessage());
        switch (code) {
            case 42102: // table or view not found
            case 42103:
            case 42104:
                return at(942, "table or view does not exist", sql, quoted);
            case 42122: // column not found
                return at(904, "\"" + (quoted == null ? "?" : quoted) + "\": invalid identifier", sql, quoted);
            case 90013: // database not found (a three-part name such as sys.pkg.function)
            case 90022: // function not found
            case 90079: // schema not found
                return at(904, "\"" + (quoted == null ? "?" : quoted) + "\": invalid identifier", sql, quoted);
            case 90036: // sequence not found
                return at(2289, "sequence does not exist", sql, quoted);
            case 42101: // table already exists
                return OraError.of(955, "name is already used by an existing object");
            case 23505: // unique index or primary key violation
                return OraError.of(1, "unique constraint (" + constraint(e.getMessage()) + ") violated");
            case 23502: // NULL not allowed
                return OraError.of(1400, "cannot insert NULL into (" + (quoted == null ? "?" : "\"" + quoted + "\"") + ")");
            case 23503: // referential integrity: parent missing
                return OraError.of(2291, "integrity constraint violated - parent key not found");
            case 23513: // check constraint
                return OraError.of(2290, "check constraint violated");
            case 22012: // division by zero
                return OraError.of(1476, "divisor is equal to zero");
            case 22001: // value too long
                return OraError.of(12899, "value too large for column");
            case 22003: // numeric value out of range
                return OraError.of(1438, "value larger than specified precision allowed for this column");
            case 22018: // data conversion error
                return OraError.of(1722, "invalid number");
            case 57014: // statement was canceled
                return OraError.of(1013, "user requested cancel of current operation");
            case 42000: // syntax errors
            case 42001:
                return SqlText.firstWord(sql).isEmpty() || SqlText.kind(sql) == SqlText.Kind.DDL && !isKnownDdl(sql)
                        ? OraError.of(900, "invalid SQL statement")
                        : OraError.of(933, "SQL command not properly ended");
            case 90002: // method only allowed for a query
            case 90001:
                return OraError.of(900, "invalid SQL statement");
            default:
                return OraError.of(600, "internal error code, arguments: [orathin testkit], [H2 " + code + "], ["
                        + firstLine(e.getMessage()) + "]");
        }
    }

    private static boolean isKnownDdl(String sql) {
        switch (SqlText.firstWord(sql)) {
            case "CREATE":
            case "ALTER":
            case "DROP":
            case "TRUNCATE":
            case "GRANT":
            case "REVOKE":
            case "COMMENT":
            case "RENAME":
            case "SET":
                return true;
            default:
                return false;
        }
    }

    /** The error with its offset: where the quoted name first appears in the SQL (case-insensitive). */
    private static OraError at(int number, String text, String sql, String name) {
        int offset = 0;
        if (name != null) {
            int i = sql.toUpperCase(Locale.ROOT).indexOf(name.toUpperCase(Locale.ROOT));
            offset = Math.max(0, i);
        }
        OraError e = OraError.of(number, text);
        return new OraError(e.number(), e.message(), offset);
    }

    private static String firstQuoted(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = QUOTED.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static String constraint(String message) {
        String q = firstQuoted(message);
        return q == null ? "UNKNOWN" : q;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
