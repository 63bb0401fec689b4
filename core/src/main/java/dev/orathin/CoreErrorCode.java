package dev.orathin;

import dev.orathin.errors.ErrorCode;

/**
 * Stable codes of core: connect parameters (1xxx), the TTC protocol, authentication and API use
 * (5xxx), database errors (6xxx) and unsupported features (9xxx).
 */
public enum CoreErrorCode implements ErrorCode {
    /** A connect parameter name that neither python-oracledb, ojdbc nor the naming layer knows. */
    UNKNOWN_PARAMETER(1070, "unknown connect parameter"),
    /** A user without a password (give the password, or neither for wallet-stored credentials). */
    PASSWORD_MISSING(1071, "user given without a password"),
    /** A connect parameter value of the wrong form (e.g. a timeout that is not a number). */
    INVALID_PARAMETER(1072, "invalid connect parameter value"),
    /** Neither user nor password given and the wallet holds no credential for the connect string. */
    NO_STORED_CREDENTIAL(1073, "no wallet-stored credential for this connect string"),
    /** A config-&lt;scheme&gt;:// source that cannot be read (no provider, unreadable file, failing provider). */
    CONFIG_SOURCE(1074, "connect configuration source unavailable"),
    /** A connect configuration document that is not valid JSON or lacks what a connect needs. */
    CONFIG_INVALID(1075, "connect configuration document invalid"),
    /** A secret in a connect configuration document that cannot be resolved (unset variable, unreadable file, unknown type). */
    CONFIG_SECRET(1076, "connect configuration secret unresolved"),
    /** A TTC message that does not follow the expected layout. */
    MALFORMED_MESSAGE(5001, "malformed TTC message"),
    /** A TTC message type not expected at this point. */
    UNEXPECTED_MESSAGE(5002, "unexpected TTC message"),
    /** The server interrupted the call with a break marker. */
    BREAK_RECEIVED(5003, "server sent a break"),
    /** The server's password verifier type is not supported (10G). */
    UNSUPPORTED_VERIFIER(5010, "unsupported password verifier"),
    /** The server's authentication response did not prove it knows the password verifier. */
    SERVER_NOT_AUTHENTICATED(5011, "server authentication response invalid"),
    /** A value in the authentication exchange was missing or malformed. */
    AUTH_PROTOCOL(5012, "authentication exchange malformed"),
    /** The connection was closed by the application. */
    CONNECTION_CLOSED(5020, "connection closed"),
    /** Another thread's call held the connection longer than the call timeout allows to wait. */
    CONNECTION_BUSY(5021, "connection busy with another thread's call"),
    /** An error the database returned (carries the ORA number). */
    DATABASE_ERROR(6000, "database error"),
    /** The call took longer than the connection's call timeout and was interrupted. */
    CALL_TIMEOUT(5030, "call timeout expired"),
    /** A bind value or bind list that does not fit the statement. */
    BIND_ERROR(5040, "invalid bind"),
    /** A cursor getter used on the wrong column type, column index or cursor state. */
    CURSOR_STATE(5041, "invalid cursor use"),
    /** A column value that cannot be read as the Java type asked for (e.g. text as a number). */
    VALUE_CONVERSION(5042, "value cannot be converted"),
    /** A number outside the range of the Java type asked for (e.g. 300 read as a byte). */
    NUMERIC_OVERFLOW(5043, "numeric value out of range"),
    /** A column label the query does not have. */
    NO_SUCH_COLUMN(5044, "no such column"),
    /** A LOB used wrongly: freed, an offset below 1, a negative amount, a value too large for one Java array. */
    LOB_STATE(5045, "invalid LOB use"),
    /** A VECTOR image that does not follow the format (magic byte, lengths, dimensions). */
    MALFORMED_VECTOR(5070, "malformed VECTOR value"),
    /** A JSON (OSON) image that does not follow the format (header, offsets, node types). */
    MALFORMED_OSON(5071, "malformed JSON (OSON) value"),
    /** A VECTOR image variant orathin does not decode (a newer version or an unknown element format). */
    UNSUPPORTED_VECTOR(9020, "unsupported VECTOR variant"),
    /** A JSON (OSON) variant orathin does not decode or encode (e.g. a newer OSON version). */
    UNSUPPORTED_OSON(9021, "unsupported JSON (OSON) variant"),
    /** A feature orathin does not implement yet. */
    NOT_SUPPORTED(9001, "not supported"),
    /** A column of a data type orathin cannot decode. */
    UNSUPPORTED_TYPE(9002, "unsupported data type");

    private final int number;
    private final String summary;

    CoreErrorCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }

    /** A call timeout or a busy connection may pass on the next try; everything else here fails the same way again. */
    @Override
    public boolean isTransient() {
        return this == CALL_TIMEOUT || this == CONNECTION_BUSY;
    }
}
