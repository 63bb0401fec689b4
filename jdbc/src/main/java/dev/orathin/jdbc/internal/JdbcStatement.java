package dev.orathin.jdbc.internal;

import dev.orathin.Cursor;
import dev.orathin.errors.OrathinException;
import dev.orathin.jdbc.JdbcErrorCode;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Statement}, and the execution shared by {@link JdbcPreparedStatement} and
 * {@link JdbcCallableStatement}: JDBC's {@code ?} placeholders become {@code :1..:n},
 * {@code {call ...}} escapes become PL/SQL blocks, batches become one array DML call.
 */
class JdbcStatement extends StatementDefaults {

    private static final Pattern CALL = Pattern.compile("(?is)^\\s*\\{\\s*(\\?\\s*=\\s*)?call\\s+(.*?)\\s*\\}\\s*$");
    private static final Object[] NO_BINDS = {};

    final JdbcConnection conn;
    /** The prepared SQL with {@code :n} placeholders, or null for a plain statement. */
    final String sql;
    Object[] binds;
    private final List<Object[]> batch = new ArrayList<>();
    private final List<String> plainBatch = new ArrayList<>();
    Cursor cursor;
    private JdbcResultSet resultSet;
    private long updateCount = -1;
    private int fetchSize;
    private int maxRows;
    private int queryTimeout;
    private boolean closed;
    /** The key columns to return ({@code prepareStatement(sql, columnNames)}), or null. */
    GeneratedKeys keys;
    private JdbcResultSet generated;
    /** {@code closeOnCompletion}: closing the result set closes this statement. */
    boolean closeOnCompletion;

    JdbcStatement(JdbcConnection conn, String sql) {
        this(conn, sql, false);
    }

    JdbcStatement(JdbcConnection conn, String sql, boolean callable) {
        this.conn = conn;
        this.sql = sql == null ? null : positionalToNamed(sql, callable);
        this.binds = new Object[sql == null ? 0 : countPlaceholders(this.sql)];
        Arrays.fill(binds, Values.UNSET);
    }

    /** JDBC {@code ?} placeholders as Oracle {@code :1..:n} (outside literals and comments); {@code {call}} escapes as blocks. */
    static String positionalToNamed(String sql, boolean callable) {
        String s = sql;
        Matcher m = CALL.matcher(s);
        if (m.matches()) {
            s = m.group(1) != null ? "begin ? := " + m.group(2) + "; end;" : "begin " + m.group(2) + "; end;";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                end = end < 0 ? s.length() - 1 : end;
                out.append(s, i, end + 1);
                i = end;
            } else if (s.startsWith("--", i)) {
                int end = s.indexOf('\n', i);
                end = end < 0 ? s.length() - 1 : end;
                out.append(s, i, end + 1);
                i = end;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() - 1 : end + 1;
                out.append(s, i, end + 1);
                i = end;
            } else if (c == '?') {
                out.append(':').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int countPlaceholders(String named) {
        Matcher m = Pattern.compile(":(\\d+)").matcher(named.replaceAll("'[^']*'", "''"));
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }

    /** Refuses every call on a closed statement or over a closed connection. */
    final void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.error(JdbcErrorCode.OBJECT_CLOSED, "the statement is closed");
        }
        conn.checkOpen();
    }

    @Override
    final SQLException unsupported(String method) throws SQLException {
        checkOpen();
        return super.unsupported(method);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (sql == null ? "" : sql) + "]";
    }

    @Override
    public final void close() {
        closeCursor();
        closed = true;
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    /** Runs {@code text}, a plain statement's SQL. */
    private String plain(String text) throws SQLException {
        checkOpen();
        return positionalToNamed(text, false);
    }

    @Override
    public ResultSet executeQuery(String text) throws SQLException {
        return query(plain(text), NO_BINDS);
    }

    final ResultSet query(String text, Object[] values) throws SQLException {
        run(text, values);
        if (resultSet == null) {
            throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "executeQuery on a statement that returns no rows (use executeUpdate or execute)");
        }
        return resultSet;
    }

    @Override
    public int executeUpdate(String text) throws SQLException {
        run(plain(text), NO_BINDS);
        return (int) Math.max(0, updateCount);
    }

    @Override
    public long executeLargeUpdate(String text) throws SQLException {
        run(plain(text), NO_BINDS);
        return Math.max(0, updateCount);
    }

    final long update(String text, Object[] values) throws SQLException {
        run(text, values);
        return Math.max(0, updateCount);
    }

    @Override
    public int executeUpdate(String text, int autoGeneratedKeys) throws SQLException {
        return (int) executeLargeUpdate(text, autoGeneratedKeys);
    }

    @Override
    public int executeUpdate(String text, int[] columnIndexes) throws SQLException {
        return (int) executeLargeUpdate(text, columnIndexes);
    }

    @Override
    public int executeUpdate(String text, String[] columnNames) throws SQLException {
        return (int) executeLargeUpdate(text, columnNames);
    }

    @Override
    public long executeLargeUpdate(String text, int autoGeneratedKeys) throws SQLException {
        checkKeysFlag("executeLargeUpdate", autoGeneratedKeys);
        return executeLargeUpdate(text);
    }

    @Override
    public long executeLargeUpdate(String text, int[] columnIndexes) throws SQLException {
        return withKeys(GeneratedKeys.indexed(columnIndexes), () -> executeLargeUpdate(text));
    }

    @Override
    public long executeLargeUpdate(String text, String[] columnNames) throws SQLException {
        return withKeys(GeneratedKeys.named(columnNames), () -> executeLargeUpdate(text));
    }

    @Override
    public boolean execute(String text) throws SQLException {
        run(plain(text), NO_BINDS);
        return resultSet != null;
    }

    final boolean execute(String text, Object[] values) throws SQLException {
        run(text, values);
        return resultSet != null;
    }

    @Override
    public boolean execute(String text, int autoGeneratedKeys) throws SQLException {
        checkKeysFlag("execute", autoGeneratedKeys);
        return execute(text);
    }

    @Override
    public boolean execute(String text, int[] columnIndexes) throws SQLException {
        return withKeys(GeneratedKeys.indexed(columnIndexes), () -> execute(text));
    }

    @Override
    public boolean execute(String text, String[] columnNames) throws SQLException {
        return withKeys(GeneratedKeys.named(columnNames), () -> execute(text));
    }

    @FunctionalInterface
    private interface Run<T> {
        T run() throws SQLException;
    }

    private <T> T withKeys(GeneratedKeys k, Run<T> run) throws SQLException {
        checkOpen();
        keys = k;
        try {
            return run.run();
        } finally {
            keys = null;
        }
    }

    /** NO_GENERATED_KEYS runs as usual; RETURN_GENERATED_KEYS without key columns is refused (ojdbc returns the ROWID). */
    static void checkKeysFlag(String method, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            throw Errors.notSupported(method + " with RETURN_GENERATED_KEYS and no key columns (name the key columns:"
                    + " prepareStatement(sql, new String[] {\"ID\"}))");
        }
        if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw Errors.error(JdbcErrorCode.INVALID_ARGUMENT, method + ": RETURN_GENERATED_KEYS (1) or NO_GENERATED_KEYS (2) expected,"
                    + " found " + autoGeneratedKeys);
        }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return generated != null ? generated : new JdbcResultSet(RowSource.of(List.of(), List.of()), this, 0);
    }

    @Override
    public void addBatch(String text) throws SQLException {
        checkOpen();
        plainBatch.add(text);
    }

    final void addBatchRow() throws SQLException {
        checkOpen();
        batch.add(binds.clone());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
        plainBatch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return Arrays.stream(executeLargeBatch()).mapToInt(c -> (int) c).toArray();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        try {
            if (!plainBatch.isEmpty()) {
                long[] counts = new long[plainBatch.size()];
                for (int i = 0; i < counts.length; i++) {
                    run(positionalToNamed(plainBatch.get(i), false), NO_BINDS);
                    counts[i] = Math.max(0, updateCount);
                }
                return counts;
            }
            if (batch.isEmpty()) {
                return new long[0];
            }
            closeCursor();
            return conn.oc.executeMany(sql, new ArrayList<>(batch));
        } catch (OrathinException e) {
            throw batchFailure(Errors.translate(e));
        } finally {
            batch.clear();
            plainBatch.clear();
        }
    }

    /**
     * A failed batch as {@link BatchUpdateException} carrying the cause's SQLState and vendor code.
     * The reply names the error, not the rows applied before it, so the update counts are empty —
     * what ojdbc11 reports for the same failure over the testkit ({@code FrameworkFeaturesTest}).
     */
    private static BatchUpdateException batchFailure(SQLException cause) {
        return new BatchUpdateException(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), new long[0], cause);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return resultSet != null ? -1 : (int) updateCount;
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return resultSet != null ? -1L : updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        checkOpen();
        closeCursor();
        updateCount = -1;
        return false;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return getMoreResults();
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return conn;
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        try {
            conn.oc.cancel();
        } catch (OrathinException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        maxRows = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        queryTimeout = seconds;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw Errors.notSupported("fetch directions other than FETCH_FORWARD");
        }
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    private void run(String text, Object[] values) throws SQLException {
        checkOpen();
        if (text == null) {
            throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "no SQL given");
        }
        closeCursor();
        try {
            Duration before = conn.oc.callTimeout();
            if (queryTimeout > 0) {
                conn.oc.callTimeout(Duration.ofSeconds(queryTimeout));
            }
            try {
                for (Object v : values) {
                    if (v == Values.UNSET) {
                        throw Errors.error(JdbcErrorCode.PARAMETER_NOT_SET, "not every parameter is set");
                    }
                }
                List<dev.orathin.Column> keyColumns = null;
                int firstOut = values.length + 1;
                generated = null;
                if (keys != null && GeneratedKeys.appliesTo(text)) {
                    keyColumns = keys.columns(conn, text);
                    text = GeneratedKeys.returning(text, keyColumns, values.length);
                    values = GeneratedKeys.withOutParams(values, keyColumns);
                }
                cursor = conn.oc.execute(text, values);
                if (keyColumns != null) {
                    generated = new JdbcResultSet(GeneratedKeys.rows(cursor, keyColumns, firstOut), this, 0);
                }
                if (fetchSize > 0) {
                    cursor.arraySize(fetchSize);
                }
                if (cursor.isQuery()) {
                    resultSet = new JdbcResultSet(cursor, this, maxRows);
                    updateCount = -1;
                } else {
                    updateCount = cursor.rowCount();
                }
            } finally {
                if (queryTimeout > 0 && conn.oc.isHealthy()) {
                    conn.oc.callTimeout(before);
                }
            }
        } catch (OrathinException e) {
            throw Errors.translate(e);
        }
    }

    /** Closes the current result set (JDBC: re-executing or closing a statement closes its result set) and cursor. */
    final void closeCursor() {
        if (resultSet != null) {
            resultSet.close();
            resultSet = null;
        }
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
