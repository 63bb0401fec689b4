package dev.orathin;

/**
 * Observes every call a connection makes to the database, once it has ended: how long it took, how
 * many round trips and bytes it cost, how many rows it returned or changed, and how it ended. It is
 * the hook for metrics and tracing (the optional {@code orathin-micrometer} and
 * {@code orathin-opentelemetry} modules implement it); give it with
 * {@link ConnectParams.Builder#callListener(CallListener)} or, through JDBC,
 * {@code OrathinDataSource.setCallListener}.
 *
 * <p>{@link #callEnded(CallEvent)} runs on the calling thread just before the call returns
 * (while it still holds the connection, so other threads' calls on the same connection wait for
 * it). It must
 * return quickly; an exception it throws is logged (logger {@code dev.orathin.calls}) and
 * otherwise ignored. Events carry no SQL text, bind values or secrets — only the statement's
 * leading keyword (see {@link CallEvent#operation()}).
 */
@FunctionalInterface
public interface CallListener {

    /** A listener that ignores every call. */
    CallListener NONE = event -> {
    };

    /** A call ended, successfully or not. */
    void callEnded(CallEvent event);

    /** A listener that hands each event to this listener and then to {@code next}. */
    default CallListener andThen(CallListener next) {
        java.util.Objects.requireNonNull(next, "next");
        return event -> {
            callEnded(event);
            next.callEnded(event);
        };
    }
}
