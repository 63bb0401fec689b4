package dev.orathin.jdbc.internal;

import dev.orathin.errors.OrathinException;
import dev.orathin.jdbc.JdbcErrorCode;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.regex.Pattern;

/**
 * A savepoint: {@code SAVEPOINT name} in the open transaction, {@code ROLLBACK TO SAVEPOINT name}
 * to go back (as ojdbc11 does; unnamed ones are called {@code ORATHIN_SVPT_n}). Oracle has no
 * release: {@code releaseSavepoint} refuses with HYC00 as ojdbc11's does.
 */
final class JdbcSavepoint implements Savepoint {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_$#]{0,127}");

    private final JdbcConnection owner;
    private final int id;
    private final String name;

    private JdbcSavepoint(JdbcConnection owner, int id, String name) {
        this.owner = owner;
        this.id = id;
        this.name = name;
    }

    /** Sets a savepoint (auto-commit must be off: with it on there is no transaction to mark). */
    static JdbcSavepoint set(JdbcConnection conn, int id, String name) throws SQLException {
        if (conn.getAutoCommit()) {
            throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "setSavepoint needs auto-commit off (setAutoCommit(false))");
        }
        if (name != null && !NAME.matcher(name).matches()) {
            throw Errors.error(JdbcErrorCode.INVALID_ARGUMENT, "setSavepoint: a name of letters, digits, _ $ # starting with a letter"
                    + " (at most 128) expected, found '" + name + "'");
        }
        JdbcSavepoint sp = new JdbcSavepoint(conn, id, name);
        run(conn, "SAVEPOINT " + sp.sqlName());
        return sp;
    }

    /** Rolls the connection's transaction back to {@code sp}. */
    static void rollback(JdbcConnection conn, Savepoint sp) throws SQLException {
        if (!(sp instanceof JdbcSavepoint s) || s.owner != conn) {
            throw Errors.error(JdbcErrorCode.INVALID_ARGUMENT, "rollback(Savepoint): a savepoint set on this connection expected, found "
                    + (sp == null ? "null" : sp.getClass().getName()));
        }
        if (conn.getAutoCommit()) {
            throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "rollback(Savepoint) needs auto-commit off");
        }
        run(conn, "ROLLBACK TO SAVEPOINT " + s.sqlName());
    }

    private static void run(JdbcConnection conn, String sql) throws SQLException {
        try {
            conn.oc.execute(sql).close();
        } catch (OrathinException e) {
            throw Errors.translate(e);
        }
    }

    private String sqlName() {
        return name != null ? name : "ORATHIN_SVPT_" + id;
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "getSavepointId: savepoint " + name + " is named");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "getSavepointName: savepoint " + id + " is unnamed");
        }
        return name;
    }

    @Override
    public String toString() {
        return "JdbcSavepoint[" + sqlName() + "]";
    }
}
