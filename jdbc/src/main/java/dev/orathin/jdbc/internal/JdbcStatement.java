package dev.orathin.jdbc.internal;

import dev.orathin.Cursor;
import dev.orathin.OracleType;
import dev.orathin.OutParam;
import dev.orathin.jdbc.JdbcErrorCode;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Statement}, {@link PreparedStatement} and {@link CallableStatement}: JDBC's {@code ?}
 * placeholders become {@code :1..:n}, {@code {call ...}} escapes become PL/SQL blocks, batches
 * become one array DML call, OUT parameters become {@link OutParam}s.
 */
final class JdbcStatement extends Proxies.ClosableHandler {

    private static final Pattern CALL = Pattern.compile("(?is)^\\s*\\{\\s*(\\?\\s*=\\s*)?call\\s+(.*?)\\s*\\}\\s*$");

    private final JdbcConnection conn;
    private final String sql;
    private final boolean callable;
    private Object[] binds;
    private final List<Object[]> batch = new ArrayList<>();
    private final List<String> plainBatch = new ArrayList<>();
    private Cursor cursor;
    private ResultSet resultSet;
    private long updateCount = -1;
    private int fetchSize;
    private int maxRows;
    private int queryTimeout;
    private Object lastOut;

    private JdbcStatement(JdbcConnection conn, String sql, boolean callable) {
        super(null, "statement");
        this.conn = conn;
        this.callable = callable;
        this.sql = sql == null ? null : positionalToNamed(sql, callable);
        this.binds = new Object[sql == null ? 0 : countPlaceholders(this.sql)];
        Arrays.fill(binds, Values.UNSET);
    }

    static Statement create(JdbcConnection conn, String sql, boolean callable) {
        JdbcStatement h = new JdbcStatement(conn, sql, callable);
        if (callable) {
            return Proxies.create(CallableStatement.class, h);
        }
        return sql == null ? Proxies.create(Statement.class, h) : Proxies.create(PreparedStatement.class, h);
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

    @Override
    void onClose() {
        closeCursor();
    }

    @Override
    void checkUsable() throws SQLException {
        conn.checkOpen();
    }

    @Override
    Object dispatch(String name, Method m, Object[] a) throws SQLException {
        switch (name) {
            case "executeQuery":
                run(a.length == 1 ? positionalToNamed((String) a[0], false) : sql, a.length == 1 ? new Object[0] : binds);
                if (resultSet == null) {
                    throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "executeQuery on a statement that returns no rows (use executeUpdate or execute)");
                }
                return resultSet;
            case "executeUpdate":
            case "executeLargeUpdate":
                if (a.length > 1) {
                    throw Errors.notSupported("Statement." + name + " with generated keys");
                }
                run(a.length == 1 ? positionalToNamed((String) a[0], false) : sql, a.length == 1 ? new Object[0] : binds);
                long n = Math.max(0, updateCount);
                return name.equals("executeLargeUpdate") ? (Object) n : (Object) (int) n;
            case "execute":
                if (a.length > 1) {
                    throw Errors.notSupported("Statement.execute with generated keys");
                }
                run(a.length == 1 ? positionalToNamed((String) a[0], false) : sql, a.length == 1 ? new Object[0] : binds);
                return resultSet != null;
            case "addBatch":
                if (a.length == 1) {
                    plainBatch.add((String) a[0]);
                } else {
                    batch.add(binds.clone());
                }
                return null;
            case "clearBatch":
                batch.clear();
                plainBatch.clear();
                return null;
            case "executeBatch":
            case "executeLargeBatch":
                long[] counts = executeBatch();
                return name.equals("executeBatch") ? Arrays.stream(counts).mapToInt(c -> (int) c).toArray() : counts;
            case "getResultSet":
                return resultSet;
            case "getUpdateCount":
                return resultSet != null ? -1 : (int) updateCount;
            case "getLargeUpdateCount":
                return resultSet != null ? -1L : updateCount;
            case "getMoreResults":
                closeCursor();
                updateCount = -1;
                return false;
            case "getConnection":
                return conn.self;
            case "cancel":
                conn.oc.cancel();
                return null;
            case "setFetchSize":
                fetchSize = (Integer) a[0];
                return null;
            case "getFetchSize":
                return fetchSize;
            case "setMaxRows":
                maxRows = (Integer) a[0];
                return null;
            case "getMaxRows":
                return maxRows;
            case "setQueryTimeout":
                queryTimeout = (Integer) a[0];
                return null;
            case "getQueryTimeout":
                return queryTimeout;
            case "setEscapeProcessing":
            case "setPoolable":
            case "setMaxFieldSize":
                return null;
            case "isPoolable":
                return false;
            case "getMaxFieldSize":
                return 0;
            case "getWarnings":
                return null;
            case "clearWarnings":
                return null;
            case "getResultSetType":
                return ResultSet.TYPE_FORWARD_ONLY;
            case "getResultSetConcurrency":
                return ResultSet.CONCUR_READ_ONLY;
            case "getResultSetHoldability":
                return ResultSet.CLOSE_CURSORS_AT_COMMIT;
            case "setFetchDirection":
                if ((Integer) a[0] != ResultSet.FETCH_FORWARD) {
                    throw Errors.notSupported("fetch directions other than FETCH_FORWARD");
                }
                return null;
            case "getFetchDirection":
                return ResultSet.FETCH_FORWARD;
            case "clearParameters":
                Arrays.fill(binds, Values.UNSET);
                return null;
            case "registerOutParameter":
                if (!(a[0] instanceof Integer)) {
                    throw Errors.notSupported("registerOutParameter by name");
                }
                int i = index(a[0]);
                OracleType type = oracleType((Integer) a[1]);
                Object in = binds[i];
                if (in instanceof java.math.BigDecimal d && (type == OracleType.BINARY_DOUBLE || type == OracleType.BINARY_FLOAT)) {
                    // setDouble binds NUMBER (as ojdbc); an IN OUT BINARY_DOUBLE / FLOAT sends its IN value in the OUT type
                    in = type == OracleType.BINARY_DOUBLE ? (Object) d.doubleValue() : (Object) d.floatValue();
                }
                binds[i] = in == Values.UNSET || in instanceof OutParam ? OutParam.of(type) : OutParam.inOut(type, in);
                return null;
            case "wasNull":
                return lastOut == null;
            case "setNull":
                binds[index(a[0])] = null;
                return null;
            default:
                break;
        }
        if (name.startsWith("set") && a.length >= 2 && a[0] instanceof Integer && sql != null) {
            binds[index(a[0])] = Values.toBind(a[1]);
            return null;
        }
        if (callable && name.startsWith("get") && a.length >= 1 && a[0] instanceof Integer) {
            if (cursor == null) {
                throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "no OUT values: the statement has not been executed");
            }
            lastOut = cursor.outValue((Integer) a[0]);
            return Values.convert(lastOut, name, a.length > 1 && a[1] instanceof Class<?> c ? c : null, "OUT parameter " + a[0]);
        }
        return Proxies.UNHANDLED;
    }

    private int index(Object parameterIndex) throws SQLException {
        int i = (Integer) parameterIndex;
        if (i < 1 || i > binds.length) {
            throw Errors.error(JdbcErrorCode.INDEX_OUT_OF_RANGE, "parameter index " + i + " is out of range 1.." + binds.length);
        }
        return i - 1;
    }

    private void run(String text, Object[] values) throws SQLException {
        if (text == null) {
            throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "no SQL given");
        }
        closeCursor();
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
            cursor = conn.oc.execute(text, values);
            if (fetchSize > 0) {
                cursor.arraySize(fetchSize);
            }
            if (cursor.isQuery()) {
                resultSet = JdbcResultSet.create(cursor, self, maxRows);
                updateCount = -1;
            } else {
                updateCount = cursor.rowCount();
            }
        } finally {
            if (queryTimeout > 0 && conn.oc.isHealthy()) {
                conn.oc.callTimeout(before);
            }
        }
    }

    private long[] executeBatch() throws SQLException {
        try {
            if (!plainBatch.isEmpty()) {
                long[] counts = new long[plainBatch.size()];
                for (int i = 0; i < counts.length; i++) {
                    run(positionalToNamed(plainBatch.get(i), false), new Object[0]);
                    counts[i] = Math.max(0, updateCount);
                }
                return counts;
            }
            if (batch.isEmpty()) {
                return new long[0];
            }
            closeCursor();
            return conn.oc.executeMany(sql, new ArrayList<>(batch));
        } finally {
            batch.clear();
            plainBatch.clear();
        }
    }

    /** Closes the current result set (JDBC: re-executing or closing a statement closes its result set) and cursor. */
    private void closeCursor() {
        if (resultSet != null) {
            try {
                resultSet.close();
            } catch (SQLException e) {
                // closing a result set only releases its cursor; nothing to report
            }
            resultSet = null;
        }
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }

    /** The Oracle type for an OUT parameter's JDBC type. */
    static OracleType oracleType(int sqlType) throws SQLException {
        switch (sqlType) {
            case Types.NUMERIC:
            case Types.DECIMAL:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.SMALLINT:
            case Types.TINYINT:
                return OracleType.NUMBER;
            case Types.DOUBLE:
            case Types.FLOAT:
                return OracleType.BINARY_DOUBLE;
            case Types.REAL:
                return OracleType.BINARY_FLOAT;
            case Types.VARCHAR:
            case Types.CHAR:
            case Types.LONGVARCHAR:
                return OracleType.VARCHAR2;
            case Types.NVARCHAR:
            case Types.NCHAR:
                return OracleType.NVARCHAR2;
            case Types.DATE:
                return OracleType.DATE;
            case Types.TIMESTAMP:
                return OracleType.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return OracleType.TIMESTAMP_TZ;
            case Types.VARBINARY:
            case Types.BINARY:
                return OracleType.RAW;
            case Types.BOOLEAN:
            case Types.BIT:
                return OracleType.BOOLEAN;
            default:
                throw Errors.notSupported("OUT parameters of JDBC type " + sqlType);
        }
    }
}
