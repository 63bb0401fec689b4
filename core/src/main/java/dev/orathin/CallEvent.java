package dev.orathin;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One call to the database, as {@link CallListener} sees it once it has ended.
 *
 * @param kind what the call was
 * @param operation the statement's leading SQL keyword in upper case ({@code SELECT}, {@code INSERT},
 *     {@code MERGE}, {@code BEGIN}, {@code CREATE}, ...), or the kind's name for calls without SQL
 *     ({@code FETCH}, {@code COMMIT}, {@code ROLLBACK}, {@code PING}, {@code LOB}); never the SQL text, which may
 *     hold literals a metrics system must not see
 * @param duration from the call's start (including waiting for another thread's call on the same
 *     connection) to its end
 * @param roundTrips requests sent to the server that waited for an answer (0 when the call failed
 *     before sending)
 * @param rows rows the call returned (queries, fetches) or changed (DML, the sum over an
 *     {@code executeMany}); 0 for other calls and for failed ones
 * @param bytesSent TTC payload bytes sent (without Oracle Net headers and TLS framing)
 * @param bytesReceived TTC payload bytes received
 * @param errorCode empty when the call succeeded, else the database's code ({@code ORA-00942}) or
 *     orathin's ({@code OTN-5030})
 * @param connectionBroken true when the call failed in a way that closed the connection (network
 *     loss, timeout without a reset answer, a reply orathin could not follow)
 */
public record CallEvent(Kind kind, String operation, Duration duration, int roundTrips, long rows, long bytesSent,
        long bytesReceived, Optional<String> errorCode, boolean connectionBroken) {

    /** What a call was. */
    public enum Kind {
        /** {@code execute}/{@code executeUpdate}: a query's first rows, DML, DDL or PL/SQL. */
        EXECUTE,
        /** A cursor fetching its next rows. */
        FETCH,
        /** {@code executeMany}: array DML. */
        EXECUTE_MANY,
        /** Commit. */
        COMMIT,
        /** Rollback. */
        ROLLBACK,
        /** Ping. */
        PING,
        /** A LOB operation (length, read, write, trim, temporary LOB create/free, open/close). */
        LOB
    }

    /** Checks the fields. */
    public CallEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(errorCode, "errorCode");
    }

    /** True when the call succeeded. */
    public boolean succeeded() {
        return errorCode.isEmpty();
    }
}
