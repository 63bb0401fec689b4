package dev.orathin.jdbc.internal;

import dev.orathin.CoreErrorCode;
import dev.orathin.OracleDatabaseException;
import dev.orathin.errors.ErrorCode;
import dev.orathin.errors.OrathinException;
import dev.orathin.jdbc.JdbcErrorCode;
import dev.orathin.net.NetErrorCode;
import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one mapping from orathin's failures to JDBC: every {@code OTN-nnnn} code and the common ORA
 * errors to the {@link SQLException} subclass and SQLState that pools and frameworks act on. The
 * ORA number is the vendor code; the {@code OTN-nnnn} code starts the message. jdbc/README.md
 * holds this table, generated from here by {@code ErrorMappingTest}.
 *
 * <p>The rules: mistakes in how the API is called (binds, getters, indexes) are 22xxx / 42xxx /
 * HYxxx and never 08xxx, so HikariCP keeps the healthy connection; permanent connect faults
 * (configuration, wallet, certificate, DN) are {@link SQLNonTransientConnectionException};
 * network trouble while connecting is {@link SQLTransientConnectionException}; a session lost
 * mid-call is {@link SQLRecoverableException} 08006. Unsupported features use HYC00 (optional
 * feature not implemented) rather than 0A000, which HikariCP treats as a broken connection.
 */
public final class Errors {

    /** Where a failure goes in JDBC: the exception class and the SQLState. */
    public record Target(Class<? extends SQLException> type, String sqlState) {
    }

    private static final Target FEATURE = new Target(SQLFeatureNotSupportedException.class, "HYC00");
    private static final Target CONNECT_PERMANENT = new Target(SQLNonTransientConnectionException.class, "08001");
    private static final Target CONNECT_TRANSIENT = new Target(SQLTransientConnectionException.class, "08001");
    private static final Target SESSION_LOST = new Target(SQLRecoverableException.class, "08006");
    private static final Target SESSION_BROKEN = new Target(SQLNonTransientConnectionException.class, "08006");
    private static final Target CLOSED = new Target(SQLRecoverableException.class, "08003");
    private static final Target OTHER = new Target(SQLException.class, "HY000");

    private static final Map<Integer, Target> ORA = buildOraTable();

    private Errors() {
    }

    private static Map<Integer, Target> buildOraTable() {
        Map<Integer, Target> m = new LinkedHashMap<>();
        put(m, new Target(SQLIntegrityConstraintViolationException.class, "23000"), 1, 1400, 1407, 2290, 2291, 2292);
        put(m, new Target(SQLSyntaxErrorException.class, "42000"), 900, 901, 903, 904, 905, 906, 907, 911, 917, 918, 919, 920, 921,
                923, 933, 936, 942, 955, 957, 960, 1722, 6550);
        put(m, new Target(SQLInvalidAuthorizationSpecException.class, "28000"), 1005, 1017, 1045, 28000, 28001, 28150);
        put(m, new Target(SQLDataException.class, "22001"), 1401, 12899);
        put(m, new Target(SQLDataException.class, "22003"), 1438);
        put(m, new Target(SQLDataException.class, "22007"), 1830, 1858, 1861);
        put(m, new Target(SQLDataException.class, "22008"), 1843, 1847);
        put(m, new Target(SQLDataException.class, "22012"), 1476);
        put(m, new Target(SQLTimeoutException.class, "HYT00"), 1013);
        put(m, new Target(SQLTransactionRollbackException.class, "40001"), 60, 8177);
        put(m, new Target(SQLTransientException.class, "61000"), 54);
        put(m, new Target(SQLTransientException.class, "72000"), 4068);
        put(m, SESSION_LOST, 28, 1092, 3113, 3114, 3135, 12537);
        put(m, CLOSED, 1012);
        put(m, new Target(SQLTransientConnectionException.class, "08004"), 18, 20, 1033, 1034, 1089, 1090, 12514, 12516, 12519, 12520,
                12521, 12528);
        put(m, new Target(SQLException.class, "02000"), 1403);
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<Integer, Target> m, Target t, int... ora) {
        for (int n : ora) {
            if (m.put(n, t) != null) {
                throw new IllegalStateException("ORA-" + n + " mapped twice");
            }
        }
    }

    /** The ORA numbers with a mapping of their own, in table order; others are {@link SQLException} HY000. */
    public static Map<Integer, Target> oraTable() {
        return ORA;
    }

    /** Where an ORA error goes. */
    public static Target target(int ora) {
        return ORA.getOrDefault(ora, OTHER);
    }

    /** Where a failure with this code goes (for database errors, see {@link #target(int)}). */
    public static Target target(ErrorCode code) {
        if (code instanceof JdbcErrorCode j) {
            return new Target(j.exceptionType(), j.sqlState());
        }
        if (code instanceof CoreErrorCode c) {
            switch (c) {
                case CALL_TIMEOUT:
                    return new Target(SQLTimeoutException.class, "HYT00");
                case NOT_SUPPORTED:
                case UNSUPPORTED_TYPE:
                    return FEATURE;
                case CONNECTION_CLOSED:
                    return CLOSED;
                case CONNECTION_BUSY:
                    return new Target(SQLTransientException.class, "HYT00");
                case BIND_ERROR:
                case LOB_STATE:
                    // a LOB offset below 1, a negative length, a freed LOB: an invalid argument, the session is intact
                    return new Target(SQLDataException.class, "22023");
                case VALUE_CONVERSION:
                    return new Target(SQLDataException.class, "22018");
                case NUMERIC_OVERFLOW:
                    return new Target(SQLDataException.class, "22003");
                case MALFORMED_VECTOR:
                case MALFORMED_OSON:
                    // one value failed to decode after it was read whole: the session is intact (not 08xxx)
                    return new Target(SQLDataException.class, "22000");
                case NO_SUCH_COLUMN:
                    return new Target(SQLSyntaxErrorException.class, "42S22");
                case CURSOR_STATE:
                    return new Target(SQLNonTransientException.class, "24000");
                case PASSWORD_MISSING:
                    return new Target(SQLInvalidAuthorizationSpecException.class, "28000");
                case DATABASE_ERROR:
                    return OTHER;
                case MALFORMED_MESSAGE:
                case UNEXPECTED_MESSAGE:
                case BREAK_RECEIVED:
                    return SESSION_BROKEN;
                default:
                    break; // by band below
            }
        }
        if (code instanceof NetErrorCode n) {
            switch (n) {
                case CONNECTION_CLOSED:
                case IO_ERROR:
                case RECV_TIMEOUT:
                case SESSION_ENDED:
                    return SESSION_LOST;
                case SESSION_CLOSED:
                    return CLOSED;
                default:
                    break;
            }
        }
        switch (code.band()) {
            case CONFIG:
            case WALLET:
            case TTC:
                return CONNECT_PERMANENT;
            case TRANSPORT:
            case NET_PROTOCOL:
                return code.isTransient() ? CONNECT_TRANSIENT : CONNECT_PERMANENT;
            case UNSUPPORTED:
                return FEATURE;
            default:
                return OTHER;
        }
    }

    /** The SQLException for an orathin failure. */
    public static SQLException translate(OrathinException e) {
        if (e instanceof OracleDatabaseException d) {
            return create(target(d.oraCode()), e.getMessage(), d.oraCode(), e);
        }
        return create(target(e.errorCode()), e.getMessage(), 0, e);
    }

    /** A JDBC-layer failure: {@code OTN-7nnn: detail} as the code's exception class and SQLState. */
    public static SQLException error(JdbcErrorCode code, String detail) {
        return error(code, detail, null);
    }

    /** A JDBC-layer failure with a cause. */
    public static SQLException error(JdbcErrorCode code, String detail, Throwable cause) {
        return create(target(code), code.code() + ": " + detail, 0, cause);
    }

    /** A method orathin does not implement. */
    public static SQLFeatureNotSupportedException notSupported(String what) {
        return (SQLFeatureNotSupportedException) create(FEATURE, CoreErrorCode.NOT_SUPPORTED.code() + ": " + what
                + " is not supported by orathin's JDBC driver", 0, null);
    }

    /** An exception of the target's class. */
    static SQLException create(Target t, String message, int vendorCode, Throwable cause) {
        String s = t.sqlState();
        Class<? extends SQLException> type = t.type();
        if (type == SQLFeatureNotSupportedException.class) {
            return new SQLFeatureNotSupportedException(message, s, vendorCode, cause);
        }
        if (type == SQLDataException.class) {
            return new SQLDataException(message, s, vendorCode, cause);
        }
        if (type == SQLSyntaxErrorException.class) {
            return new SQLSyntaxErrorException(message, s, vendorCode, cause);
        }
        if (type == SQLIntegrityConstraintViolationException.class) {
            return new SQLIntegrityConstraintViolationException(message, s, vendorCode, cause);
        }
        if (type == SQLInvalidAuthorizationSpecException.class) {
            return new SQLInvalidAuthorizationSpecException(message, s, vendorCode, cause);
        }
        if (type == SQLNonTransientConnectionException.class) {
            return new SQLNonTransientConnectionException(message, s, vendorCode, cause);
        }
        if (type == SQLNonTransientException.class) {
            return new SQLNonTransientException(message, s, vendorCode, cause);
        }
        if (type == SQLTransientConnectionException.class) {
            return new SQLTransientConnectionException(message, s, vendorCode, cause);
        }
        if (type == SQLTimeoutException.class) {
            return new SQLTimeoutException(message, s, vendorCode, cause);
        }
        if (type == SQLTransactionRollbackException.class) {
            return new SQLTransactionRollbackException(message, s, vendorCode, cause);
        }
        if (type == SQLTransientException.class) {
            return new SQLTransientException(message, s, vendorCode, cause);
        }
        if (type == SQLRecoverableException.class) {
            return new SQLRecoverableException(message, s, vendorCode, cause);
        }
        return new SQLException(message, s, vendorCode, cause);
    }

    /**
     * A failed batch as {@link BatchUpdateException} carrying the cause's SQLState and vendor code.
     * The reply names the error, not the rows applied before it, so the update counts are empty —
     * what ojdbc11 reports for the same failure over the testkit ({@code FrameworkFeaturesTest}).
     */
    static BatchUpdateException batchFailure(SQLException cause) {
        return new BatchUpdateException(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), new long[0], cause);
    }
}
