package dev.orathin.net.internal.session;

import dev.orathin.net.ConnectAttempt;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failures of one connect and the choice of the one to report (connect-behaviour.md §11,
 * issues #21/#22): a permanent failure (certificate, identity, protocol) beats everything, then the
 * last failure from an attempt that reached a listener, then the last transport failure; a
 * timeout caused only by the overall deadline ranks last — it says when the connect gave up, not
 * what is wrong. Distinct failures are attached as suppressed exceptions once each; identical
 * attempts appear once, with a count, in the message.
 */
public final class FailureLog {

    private record Failure(NetException error, int rank, String connectionId) {
    }

    private final List<ConnectAttempt> attempts = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    /** Every attempt so far, in order (failed and successful). */
    public List<ConnectAttempt> attempts() {
        return attempts;
    }

    /** Records a successful attempt (the log then goes into the session's trace). */
    public void succeeded(ConnectAttempt a) {
        attempts.add(a);
    }

    /**
     * Records a failed attempt.
     *
     * @param reachedListener the attempt got past TCP (or the proxy) to a listener
     * @param cutByDeadline the whole connect's deadline, not the attempt's own bounds, ended it
     */
    public void failed(Route route, ConnectAttempt a, NetException e, boolean reachedListener, boolean cutByDeadline) {
        attempts.add(a);
        int rank = cutByDeadline ? 0 : isPermanent(e) ? 3 : reachedListener ? 2 : 1;
        failures.add(new Failure(e, rank, route.connectionId()));
    }

    /** True when retrying the address of {@code e} cannot help. */
    public static boolean isPermanent(NetException e) {
        return e.errorCode() instanceof NetErrorCode c && c.permanent();
    }

    /**
     * The exception to throw: the most informative failure with every attempt listed, distinct
     * other failures suppressed, and a note when the overall deadline ended the connect.
     *
     * @param overall the whole connect's timeout
     * @param deadlineReached the overall deadline ended the connect (rather than the plan running out)
     * @param allDropped every address failed permanently, so retries were skipped
     */
    public NetException result(Duration overall, boolean deadlineReached, boolean allDropped) {
        Failure primary = null;
        for (Failure f : failures) {
            if (primary == null || f.rank >= primary.rank) {
                primary = f;
            }
        }
        String note;
        if (deadlineReached) {
            note = primary != null && primary.error.errorCode() == NetErrorCode.OVERALL_TIMEOUT ? null : "; the overall connect timeout of "
                    + overall.toMillis() + " ms was reached after " + attempts.size() + " attempt(s)";
        } else {
            note = allDropped && attempts.size() > 0 ? "; not retried: the failure is permanent for "
                    + (failures.size() > 1 ? "every address" : "this address") : null;
        }
        NetException base = primary != null ? primary.error : new NetException(NetErrorCode.OVERALL_TIMEOUT, deadlineReached
                ? "the overall connect timeout of " + overall.toMillis() + " ms expired before any address could be tried"
                : "no address of the connect descriptor could be tried", null, List.of(), 12170);
        NetException result = base.withAttempts(attempts, primary == null ? null : primary.connectionId, note);
        Map<String, NetException> distinct = new LinkedHashMap<>();
        for (Failure f : failures) {
            if (f != primary) {
                distinct.putIfAbsent(f.error.getMessage(), f.error);
            }
        }
        if (primary != null) {
            distinct.remove(primary.error.getMessage());
        }
        distinct.values().forEach(result::addSuppressed);
        return result;
    }
}
