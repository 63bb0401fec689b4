package dev.orathin.jdbc.internal;

import dev.orathin.Column;
import dev.orathin.Cursor;
import dev.orathin.OracleType;
import dev.orathin.OutParam;
import dev.orathin.errors.OrathinException;
import dev.orathin.jdbc.JdbcErrorCode;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated keys as ojdbc11 gets them: the key columns (named, or by position in the table) are
 * described with a query on the DML's table, and the DML runs with
 * {@code RETURNING col, ... INTO :k1, ...}; {@code getGeneratedKeys} then reads one row per changed
 * row. ojdbc answers {@code RETURN_GENERATED_KEYS} without column names with the ROWID; orathin
 * refuses that form (HYC00) and needs the key columns.
 */
final class GeneratedKeys {

    private static final Pattern TABLE = Pattern.compile(
            "(?is)^\\s*(?:insert\\s+into|update|delete\\s+from|delete|merge\\s+into)\\s+((?:\"[^\"]+\"|[A-Za-z][\\w$#]*)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[A-Za-z][\\w$#]*))?)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][\\w$#]*");

    private final String[] names;
    private final int[] indexes;
    private List<Column> columns;

    private GeneratedKeys(String[] names, int[] indexes) {
        this.names = names;
        this.indexes = indexes;
    }

    static GeneratedKeys named(String[] names) throws SQLException {
        if (names == null || names.length == 0 || Arrays.stream(names).anyMatch(n -> n == null || n.isBlank())) {
            throw Errors.error(JdbcErrorCode.INVALID_ARGUMENT, "generated keys: column names expected, found "
                    + (names == null ? "null" : Arrays.toString(names)));
        }
        return new GeneratedKeys(names.clone(), null);
    }

    static GeneratedKeys indexed(int[] indexes) throws SQLException {
        if (indexes == null || indexes.length == 0 || Arrays.stream(indexes).anyMatch(i -> i < 1)) {
            throw Errors.error(JdbcErrorCode.INVALID_ARGUMENT, "generated keys: column indexes (1-based) expected, found "
                    + (indexes == null ? "null" : Arrays.toString(indexes)));
        }
        return new GeneratedKeys(null, indexes.clone());
    }

    /** True for the statements keys come back from (INSERT, UPDATE, DELETE, MERGE). */
    static boolean appliesTo(String sql) {
        return TABLE.matcher(sql).lookingAt();
    }

    private static String quoted(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name; // already a quoted identifier (Spring Data JDBC passes its id column as "ID"), as ojdbc takes it
        }
        return IDENTIFIER.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Describes the key columns on the statement's table (one round trip, as ojdbc does), once. */
    List<Column> columns(JdbcConnection conn, String sql) throws SQLException {
        if (columns != null) {
            return columns;
        }
        Matcher m = TABLE.matcher(sql);
        if (!m.lookingAt()) {
            throw Errors.error(JdbcErrorCode.INVALID_ARGUMENT, "generated keys: INSERT, UPDATE, DELETE or MERGE expected, found "
                    + sql.strip().split("\\s+", 2)[0]);
        }
        String select = names != null ? String.join(", ", Arrays.stream(names).map(GeneratedKeys::quoted).toList()) : "*";
        try (Cursor c = conn.oc.execute("SELECT " + select + " FROM " + m.group(1) + " WHERE 1 = 0")) {
            List<Column> all = c.columns();
            if (indexes == null) {
                columns = all;
            } else {
                List<Column> picked = new ArrayList<>();
                for (int i : indexes) {
                    if (i > all.size()) {
                        throw Errors.error(JdbcErrorCode.INDEX_OUT_OF_RANGE, "generated keys: column index " + i + " is out of range 1.."
                                + all.size() + " of " + m.group(1));
                    }
                    picked.add(all.get(i - 1));
                }
                columns = picked;
            }
        } catch (OrathinException e) {
            throw Errors.translate(e);
        }
        return columns;
    }

    /** The statement with {@code RETURNING ... INTO} the key columns after its {@code binds} placeholders. */
    static String returning(String namedSql, List<Column> keys, int binds) {
        StringBuilder into = new StringBuilder();
        StringBuilder cols = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            cols.append(i == 0 ? "" : ", ").append(quoted(keys.get(i).name()));
            into.append(i == 0 ? "" : ", ").append(':').append(binds + i + 1);
        }
        return namedSql.strip() + " RETURNING " + cols + " INTO " + into;
    }

    /** The bind values followed by one OUT placeholder per key column. */
    static Object[] withOutParams(Object[] values, List<Column> keys) {
        Object[] all = Arrays.copyOf(values, values.length + keys.size());
        for (int i = 0; i < keys.size(); i++) {
            OracleType t = keys.get(i).type();
            all[values.length + i] = OutParam.of(t == OracleType.CLOB || t == OracleType.BLOB ? OracleType.VARCHAR2 : t);
        }
        return all;
    }

    /** The returned keys as rows for {@code getGeneratedKeys}. */
    static RowSource rows(Cursor cursor, List<Column> keys, int firstOut) {
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Object v = cursor.outValue(firstOut + i);
            values.add(v instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>());
        }
        return RowSource.of(keys, values);
    }

    /** NO_GENERATED_KEYS runs as usual; RETURN_GENERATED_KEYS without key columns is refused (ojdbc returns the ROWID). */
    static void checkFlag(String method, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            throw Errors.notSupported(method + " with RETURN_GENERATED_KEYS and no key columns (name the key columns:"
                    + " prepareStatement(sql, new String[] {\"ID\"}))");
        }
        if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw Errors.error(JdbcErrorCode.INVALID_ARGUMENT, method + ": RETURN_GENERATED_KEYS (1) or NO_GENERATED_KEYS (2) expected,"
                    + " found " + autoGeneratedKeys);
        }
    }
}
