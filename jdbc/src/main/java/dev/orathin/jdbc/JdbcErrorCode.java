package dev.orathin.jdbc;

import dev.orathin.errors.ErrorCode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;

/**
 * Stable codes of the JDBC layer's own failures (7xxx), each with the {@link SQLException}
 * subclass and SQLState it is thrown as. Mistakes in how JDBC is called never carry an 08xxx
 * SQLState, so pools (HikariCP evicts on 08xxx) keep the healthy connection.
 */
public enum JdbcErrorCode implements ErrorCode {
    /** The URL, a property or a DataSource setting cannot give connect parameters. */
    INVALID_CONNECT_PARAMS(7001, "invalid connection parameters", SQLNonTransientConnectionException.class, "08001"),
    /** The connection was closed by the application (or aborted). */
    CONNECTION_CLOSED(7002, "connection is closed", SQLRecoverableException.class, "08003"),
    /** {@code unwrap} to a type the object does not implement. */
    NOT_A_WRAPPER(7003, "not a wrapper for the type", SQLNonTransientException.class, "HY000"),
    /** An argument value JDBC does not allow (null executor, negative timeout). */
    INVALID_ARGUMENT(7004, "invalid argument value", SQLNonTransientException.class, "HY009"),
    /** A call in the wrong order: no SQL, not executed yet, executeQuery on DML. */
    FUNCTION_SEQUENCE(7005, "function sequence error", SQLNonTransientException.class, "HY010"),
    /** A parameter or column index outside 1..n. */
    INDEX_OUT_OF_RANGE(7006, "index out of range", SQLNonTransientException.class, "07009"),
    /** A value that cannot be returned as the Java type asked for. */
    CONVERSION(7007, "value cannot be converted", SQLDataException.class, "22018"),
    /** A statement or result set used after close. */
    OBJECT_CLOSED(7008, "statement or result set is closed", SQLNonTransientException.class, "HY010"),
    /** A getter without a current row (before next() or after the last row). */
    NO_CURRENT_ROW(7009, "no current row", SQLNonTransientException.class, "24000"),
    /** A column label the result set does not have. */
    NO_SUCH_COLUMN(7010, "no such column", SQLSyntaxErrorException.class, "42S22"),
    /** A parameter without a value at execute. */
    PARAMETER_NOT_SET(7011, "parameter not set", SQLNonTransientException.class, "07001"),
    /** A number outside the range of the getter's type (getByte on 300, getInt on 1e20). */
    NUMERIC_OVERFLOW(7012, "numeric value out of range", SQLDataException.class, "22003"),
    /** A value that is not a date or time read as one. */
    NOT_A_DATETIME(7013, "value is not a date or time", SQLDataException.class, "22007");

    private final int number;
    private final String summary;
    private final Class<? extends SQLException> type;
    private final String sqlState;

    JdbcErrorCode(int number, String summary, Class<? extends SQLException> type, String sqlState) {
        this.number = number;
        this.summary = summary;
        this.type = type;
        this.sqlState = sqlState;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }

    /** The {@link SQLException} subclass this failure is thrown as. */
    public Class<? extends SQLException> exceptionType() {
        return type;
    }

    /** The SQLState it carries. */
    public String sqlState() {
        return sqlState;
    }

}
