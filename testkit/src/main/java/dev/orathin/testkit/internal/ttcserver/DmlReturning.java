package dev.orathin.testkit.internal.ttcserver;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DML with {@code RETURNING expr, ... INTO :b, ...}: H2 runs it as a query over the statement's
 * data-change delta table ({@code SELECT expr FROM FINAL TABLE (INSERT/UPDATE/MERGE ...)} or
 * {@code OLD TABLE (DELETE ...)}), and the values go back as Oracle sends them: a ROW_DATA
 * message holding, for each INTO bind in order, a ub4 row count and then each row's value
 * followed by its sb4 actual length (python-oracledb's {@code _process_row_data} for return
 * binds). The INTO binds are the statement's last binds; clients send no value for them.
 * {@code ROWID} is not available (H2 has none).
 */
final class DmlReturning {

    private static final Pattern RETURNING = Pattern.compile(
            "(?is)^(.*\\S)\\s+return(?:ing)?\\s+(.+?)\\s+into\\s+(:[\\w\"$#]+(?:\\s*,\\s*:[\\w\"$#]+)*)\\s*$");

    /** The H2 query and how many binds at the end are INTO binds. */
    record Parsed(String h2Sql, int intoBinds) {
    }

    /** Writes one bind value in the client's declared type. */
    @FunctionalInterface
    interface ValueWriter {
        void write(Ttc.Out out, Object value, Requests.Meta meta);
    }

    private DmlReturning() {
    }

    /** The DML as an H2 query, or null when the SQL has no RETURNING ... INTO clause. */
    static Parsed parse(String sql) {
        if (SqlText.kind(sql) != SqlText.Kind.DML) {
            return null;
        }
        Matcher m = RETURNING.matcher(sql.strip());
        if (!m.matches()) {
            return null;
        }
        String dml = m.group(1);
        if (m.group(2).toUpperCase(Locale.ROOT).matches(".*\\bROWID\\b.*")) {
            throw new OraErrors.OraException(904, "\"ROWID\": invalid identifier (the orathin testkit has no ROWID)");
        }
        String delta = SqlText.firstWord(dml).equals("DELETE") ? "OLD TABLE" : "FINAL TABLE";
        int into = m.group(3).split(",").length;
        return new Parsed("SELECT " + m.group(2) + " FROM " + delta + " (" + dml + ")", into);
    }

    /** How many INTO binds the statement ends with (0 without RETURNING ... INTO). */
    static int intoBinds(String sql) {
        if (sql == null) {
            return 0;
        }
        try {
            Parsed p = parse(sql);
            return p == null ? 0 : p.intoBinds();
        } catch (OraErrors.OraException e) {
            return 0; // refused when the statement runs
        }
    }

    /** Reads the returned rows (one array of the returned expressions per changed row). */
    static List<Object[]> rows(ResultSet rs) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = rs.getObject(i + 1);
            }
            rows.add(row);
        }
        return rows;
    }

    /** ROW_DATA with the returned values of the INTO binds (the last {@code rows[0].length} binds). */
    static void write(Ttc.Out out, List<Object[]> rows, List<Requests.Meta> binds, int intoBinds, ValueWriter writer) {
        out.u8(7);
        int first = binds.size() - intoBinds;
        for (int b = 0; b < intoBinds; b++) {
            out.ub(rows.size());
            for (Object[] row : rows) {
                writer.write(out, b < row.length ? row[b] : null, binds.get(first + b));
                out.ub(0); // actual length: not truncated
            }
        }
    }
}
