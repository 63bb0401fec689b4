package dev.orathin.jdbc.internal;

import dev.orathin.CoreErrorCode;
import dev.orathin.OracleDatabaseException;
import dev.orathin.errors.OrathinException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * orathin's exceptions as the {@link SQLException} subclasses JDBC code expects: the ORA number as
 * vendor code, a SQLState where Oracle defines one, and the {@code OTN-nnnn} code in the message.
 */
public final class Errors {

    private static final Set<Integer> AUTHORIZATION = Set.of(1017, 28000, 28001, 28150, 1045);
    private static final Set<Integer> INTEGRITY = Set.of(1, 1400, 2290, 2291, 2292, 1407);
    private static final Set<Integer> SYNTAX = Set.of(900, 901, 903, 904, 905, 906, 907, 911, 917, 918, 919, 920, 921, 923, 933,
            936, 942, 955, 957, 960, 6550);

    private Errors() {
    }

    /** The SQLException for an orathin failure. */
    public static SQLException translate(OrathinException e) {
        String message = e.getMessage();
        if (e instanceof OracleDatabaseException d) {
            int ora = d.oraCode();
            if (AUTHORIZATION.contains(ora)) {
                return new SQLInvalidAuthorizationSpecException(message, "28000", ora, e);
            }
            if (INTEGRITY.contains(ora)) {
                return new SQLIntegrityConstraintViolationException(message, "23000", ora, e);
            }
            if (SYNTAX.contains(ora)) {
                return new SQLSyntaxErrorException(message, "42000", ora, e);
            }
            if (ora == 1013) {
                return new SQLTimeoutException(message, "HYT00", ora, e);
            }
            return new SQLException(message, ora == 1403 ? "02000" : "HY000", ora, e);
        }
        String code = e.code();
        if (code.equals(CoreErrorCode.CALL_TIMEOUT.code())) {
            return new SQLTimeoutException(message, "HYT00", 0, e);
        }
        if (code.equals(CoreErrorCode.NOT_SUPPORTED.code()) || code.equals(CoreErrorCode.UNSUPPORTED_TYPE.code())) {
            return new SQLFeatureNotSupportedException(message, "0A000", 0, e);
        }
        if (code.equals(CoreErrorCode.CONNECTION_CLOSED.code())) {
            return new SQLRecoverableException(message, "08003", 0, e);
        }
        if (code.startsWith("OTN-3")) {
            return new SQLTransientConnectionException(message, "08001", 0, e);
        }
        if (code.startsWith("OTN-4") || code.startsWith("OTN-1") || code.startsWith("OTN-2")) {
            return new SQLNonTransientConnectionException(message, "08001", 0, e);
        }
        if (code.startsWith("OTN-5")) {
            return new SQLRecoverableException(message, "08006", 0, e);
        }
        return new SQLException(message, "HY000", 0, e);
    }

    /** A method orathin does not implement. */
    public static SQLFeatureNotSupportedException notSupported(String what) {
        return new SQLFeatureNotSupportedException("OTN-9001: " + what + " is not supported by orathin's JDBC driver", "0A000");
    }
}
