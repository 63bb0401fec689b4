package dev.orathin.jdbc.internal;

import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.errors.OrathinException;
import dev.orathin.jdbc.JdbcErrorCode;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;

/** {@link Connection} over an {@link OracleConnection}. JDBC's default autocommit (on) applies. */
public final class JdbcConnection extends Proxies.Handler {

    final OracleConnection oc;
    final String url;
    final String user;
    private volatile boolean closed;
    private boolean readOnly;
    private int isolation = Connection.TRANSACTION_READ_COMMITTED;
    private int networkTimeoutMillis;

    private JdbcConnection(OracleConnection oc, String url, String user) {
        super(oc);
        this.oc = oc;
        this.url = url;
        this.user = user;
    }

    /** A JDBC connection over an open orathin connection. */
    public static Connection open(OracleConnection oc, String url, String user) {
        oc.autoCommit(true);
        return Proxies.create(Connection.class, new JdbcConnection(oc, url, user));
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.error(JdbcErrorCode.CONNECTION_CLOSED, "the connection is closed");
        }
    }

    @Override
    Object handle(String name, Method m, Object[] a) throws Throwable {
        switch (name) {
            case "close":
                closed = true;
                oc.close();
                return null;
            case "isClosed":
                return closed;
            case "abort":
                closed = true;
                Executor ex = (Executor) a[0];
                if (ex == null) {
                    throw Errors.error(JdbcErrorCode.INVALID_ARGUMENT, "abort needs an executor, was null");
                }
                ex.execute(oc::close);
                return null;
            case "isValid":
                if ((Integer) a[0] < 0) {
                    throw Errors.error(JdbcErrorCode.INVALID_ARGUMENT, "isValid needs a timeout >= 0 seconds, was " + a[0]);
                }
                return valid((Integer) a[0]);
            default:
                break;
        }
        checkOpen();
        try {
            return handleOpen(name, a);
        } catch (OrathinException e) {
            throw Errors.translate(e);
        }
    }

    private Object handleOpen(String name, Object[] a) throws SQLException {
        switch (name) {
            case "createStatement":
                requireForwardOnly(a, 0);
                return JdbcStatement.create(this, null, false);
            case "prepareStatement":
                if (a.length == 2 && a[1] instanceof Integer k && k != Statement.NO_GENERATED_KEYS) {
                    throw Errors.notSupported("prepareStatement with generated keys (use RETURNING ... INTO with prepareCall)");
                }
                if (a.length == 2 && !(a[1] instanceof Integer)) {
                    throw Errors.notSupported("prepareStatement with key columns");
                }
                requireForwardOnly(a, 1);
                return JdbcStatement.create(this, (String) a[0], false);
            case "prepareCall":
                requireForwardOnly(a, 1);
                return JdbcStatement.create(this, (String) a[0], true);
            case "nativeSQL":
                return JdbcStatement.positionalToNamed((String) a[0], false);
            case "setAutoCommit":
                oc.autoCommit((Boolean) a[0]);
                return null;
            case "getAutoCommit":
                return oc.autoCommit();
            case "commit":
                oc.commit();
                return null;
            case "rollback":
                if (a.length > 0) {
                    throw Errors.notSupported("Connection.rollback(Savepoint)");
                }
                oc.rollback();
                return null;
            case "setReadOnly":
                readOnly = (Boolean) a[0]; // a hint in JDBC; Oracle read-only transactions are not started
                return null;
            case "isReadOnly":
                return readOnly;
            case "setTransactionIsolation":
                int level = (Integer) a[0];
                if (level != Connection.TRANSACTION_READ_COMMITTED && level != Connection.TRANSACTION_SERIALIZABLE) {
                    throw Errors.notSupported("transaction isolation level " + level + " (Oracle has READ_COMMITTED and SERIALIZABLE)");
                }
                if (level != isolation) {
                    oc.execute("alter session set isolation_level = "
                            + (level == Connection.TRANSACTION_SERIALIZABLE ? "serializable" : "read committed")).close();
                    isolation = level;
                }
                return null;
            case "getTransactionIsolation":
                return isolation;
            case "setNetworkTimeout":
                networkTimeoutMillis = (Integer) a[1];
                oc.callTimeout(networkTimeoutMillis == 0 ? Duration.ofDays(365) : Duration.ofMillis(networkTimeoutMillis));
                return null;
            case "getNetworkTimeout":
                return networkTimeoutMillis;
            case "getSchema":
                try (Cursor c = oc.execute("select sys_context('USERENV', 'CURRENT_SCHEMA') from dual")) {
                    return c.next() ? c.getString(1) : null;
                }
            case "setSchema":
                oc.execute("alter session set current_schema = " + quoteIdentifier((String) a[0])).close();
                return null;
            case "getCatalog":
                return null;
            case "setCatalog":
                return null; // JDBC: ignored by databases without catalogs
            case "getMetaData":
                return JdbcMetaData.database(this);
            case "getWarnings":
                return (SQLWarning) null;
            case "clearWarnings":
                return null;
            case "getHoldability":
                return java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT;
            case "setHoldability":
                if ((Integer) a[0] != java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT) {
                    throw Errors.notSupported("holdability " + a[0]);
                }
                return null;
            case "getClientInfo":
                return a.length == 0 ? new java.util.Properties() : null;
            case "setClientInfo":
                if (a.length == 2 && "OCSID.MODULE".equals(a[0])) {
                    oc.module((String) a[1]);
                } else if (a.length == 2 && "OCSID.ACTION".equals(a[0])) {
                    oc.action((String) a[1]);
                } else if (a.length == 2 && "OCSID.CLIENTID".equals(a[0])) {
                    oc.clientIdentifier((String) a[1]);
                }
                return null;
            default:
                return Proxies.UNHANDLED;
        }
    }

    private boolean valid(int seconds) {
        if (closed) {
            return false;
        }
        Duration before = oc.callTimeout();
        try {
            oc.callTimeout(seconds == 0 ? before : Duration.ofSeconds(seconds));
            oc.ping();
            return true;
        } catch (OrathinException e) {
            return false;
        } finally {
            if (oc.isHealthy()) {
                oc.callTimeout(before);
            }
        }
    }

    private static void requireForwardOnly(Object[] a, int typeIndex) throws SQLException {
        if (a.length > typeIndex + 1) {
            int type = (Integer) a[typeIndex];
            int concurrency = (Integer) a[typeIndex + 1];
            if (type != java.sql.ResultSet.TYPE_FORWARD_ONLY || concurrency != java.sql.ResultSet.CONCUR_READ_ONLY) {
                throw Errors.notSupported("result sets other than TYPE_FORWARD_ONLY / CONCUR_READ_ONLY");
            }
        }
    }

    private static String quoteIdentifier(String s) {
        if (s == null || !s.matches("[A-Za-z][A-Za-z0-9_$#]*")) {
            return "\"" + String.valueOf(s).replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
