package dev.orathin.net.internal.session;

import dev.orathin.net.AttemptPlan;
import dev.orathin.net.ConnectAttempt;
import dev.orathin.net.ConnectEvent;
import dev.orathin.net.ConnectListener;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.NetSession;
import dev.orathin.net.Route;

import dev.orathin.net.ConnectAttempt.Phase;
import dev.orathin.net.internal.events.Events;
import dev.orathin.net.internal.session.ConnectProcedure;
import dev.orathin.net.internal.session.FailureLog;
import dev.orathin.net.internal.session.NettyNetSession;
import dev.orathin.net.internal.tls.NettyTls;
import dev.orathin.wallet.Wallet;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opens an Oracle Net session by walking an {@link AttemptPlan}: every route of a description in
 * order, every IP a host name resolves to, then RETRY_COUNT more passes RETRY_DELAY apart, then the
 * next description — until one attempt reaches ACCEPT or the overall deadline passes.
 *
 * <p>Fail fast (issue #21): an address whose attempt failed permanently ({@link NetErrorCode#permanent()}:
 * an untrusted, expired or mismatching certificate, a rejected client certificate, a TLS listener on
 * a TCP address) is left out of later passes; other addresses are still tried, and when none is left
 * the connect ends at once instead of sleeping through its retries.
 *
 * <p>When every attempt fails, the exception is the most informative failure: a permanent one, else
 * the last one from an attempt that reached a listener (connect-behaviour.md §11, ojdbc's rule),
 * else the last transport failure; a timeout caused only by the overall deadline is reported only
 * when nothing better is known, and the message then says that deadline was reached. The message
 * lists every attempt (identical ones once, with a count); distinct other failures are attached as
 * suppressed exceptions.
 *
 * <p>Each step is reported to a {@link ConnectListener} and logged through {@code System.Logger}
 * {@code dev.orathin.net.connect} (docs/observability.md).
 */
public final class NetConnector {

    /** Overall bound used when the caller gives none. */
    public static final Duration DEFAULT_OVERALL_TIMEOUT = Duration.ofMinutes(5);

    private NetConnector() {
    }

    /** Connects over one route. */
    public static NetSession connect(Route route, Wallet wallet) {
        return connect(AttemptPlan.single(route), wallet, null, ConnectListener.NONE);
    }

    /**
     * Connects following the plan.
     *
     * @param wallet client key and trust for TCPS routes ({@code null}: JDK default trust, no client certificate)
     * @param overallTimeout the whole connect's bound, retries included ({@code null}: {@link #DEFAULT_OVERALL_TIMEOUT})
     */
    public static NetSession connect(AttemptPlan plan, Wallet wallet, Duration overallTimeout) {
        return connect(plan, wallet, overallTimeout, ConnectListener.NONE);
    }

    /**
     * Connects following the plan and reports each step to {@code listener}.
     *
     * @param wallet client key and trust for TCPS routes ({@code null}: JDK default trust, no client certificate)
     * @param overallTimeout the whole connect's bound, retries included ({@code null}: {@link #DEFAULT_OVERALL_TIMEOUT})
     * @param listener receives the connect's events ({@code null}: none; the built-in logging always runs)
     */
    public static NetSession connect(AttemptPlan plan, Wallet wallet, Duration overallTimeout, ConnectListener listener) {
        Duration overall = overallTimeout == null ? DEFAULT_OVERALL_TIMEOUT : overallTimeout;
        long begin = System.nanoTime();
        long overallDeadline = begin + overall.toNanos();
        Events events = new Events(listener);
        Map<String, SslContext> contexts = new HashMap<>();
        FailureLog failures = new FailureLog();
        Set<String> dropped = new HashSet<>();
        boolean deadlineReached = false;
        boolean allDropped = false;
        walk:
        for (AttemptPlan.DescriptionPlan d : plan.descriptions()) {
            for (int pass = 0; pass <= d.retryCount(); pass++) {
                List<Route> left = new ArrayList<>();
                for (Route r : d.routes()) {
                    if (!dropped.contains(key(r))) {
                        left.add(r);
                    }
                }
                if (left.isEmpty()) {
                    allDropped = true; // every address of this description failed for good: no point in retrying
                    break;
                }
                if (pass > 0) {
                    events.emit(new ConnectEvent.RetryScheduled(pass + 1, d.retryCount() + 1, d.retryDelay(), left.size()));
                    if (!sleep(d.retryDelay(), overallDeadline)) {
                        deadlineReached = true;
                        break walk;
                    }
                }
                for (Route route : left) {
                    for (Route r : expand(route, events, failures)) {
                        if (System.nanoTime() - overallDeadline >= 0) {
                            deadlineReached = true;
                            break walk;
                        }
                        long start = System.nanoTime();
                        SslContext ssl = r.isTcps() ? contexts.computeIfAbsent(String.valueOf(r.tls().sslVersion()),
                                v -> context(wallet, r.tls().sslVersion())) : null;
                        ConnectProcedure proc = new ConnectProcedure(ssl, start + r.timeouts().connect().toNanos(), overallDeadline, overall,
                                events);
                        try {
                            NettyNetSession s = proc.run(r, failures.attempts());
                            ConnectAttempt ok = ConnectProcedure.attempt(r, Phase.DONE, "ok", start);
                            failures.succeeded(ok);
                            events.emit(new ConnectEvent.AttemptEnded(ok));
                            events.emit(new ConnectEvent.Connected(r, failures.attempts().size(), Duration.ofNanos(System.nanoTime() - begin)));
                            s.attachAttempts(failures.attempts());
                            return s;
                        } catch (NetException e) {
                            boolean permanent = FailureLog.isPermanent(e);
                            // only a timeout is the deadline's doing; a failure that merely happened late keeps its rank
                            boolean cut = proc.hitOverallDeadline() && isTimeout(e);
                            ConnectAttempt a = ConnectProcedure.attempt(r, proc.phase(), e.getMessage(), start);
                            failures.failed(r, a, e, proc.phase().compareTo(Phase.TCP) > 0
                                    || e.errorCode() == NetErrorCode.SERVICE_NOT_REGISTERED, cut);
                            events.emit(new ConnectEvent.AttemptFailed(r, proc.phase(), e, permanent));
                            events.emit(new ConnectEvent.AttemptEnded(a));
                            if (permanent) {
                                // failover to the other addresses still happens: another host may present another certificate
                                dropped.add(key(route));
                            }
                            if (cut) {
                                deadlineReached = true;
                                break walk;
                            }
                        }
                    }
                }
            }
        }
        boolean everyAddressDropped = allDropped && plan.descriptions().stream().allMatch(d -> d.routes().stream()
                .allMatch(r -> dropped.contains(key(r))));
        NetException result = failures.result(overall, deadlineReached, everyAddressDropped);
        events.emit(new ConnectEvent.ConnectFailed(result, failures.attempts().size(), Duration.ofNanos(System.nanoTime() - begin)));
        throw result;
    }

    private static boolean isTimeout(NetException e) {
        return e.errorCode() == NetErrorCode.OVERALL_TIMEOUT || e.errorCode() == NetErrorCode.CONNECT_TIMEOUT
                || e.errorCode() == NetErrorCode.TCP_CONNECT_TIMEOUT || e.errorCode() == NetErrorCode.PROXY_TIMEOUT;
    }

    /** Identity of a planned address for the permanent-failure rule: where it goes and how it checks the server. */
    private static String key(Route r) {
        return r + "|" + r.tls();
    }
    private static SslContext context(Wallet wallet, String sslVersion) {
        if (wallet != null) {
            return NettyTls.context(wallet, sslVersion);
        }
        try {
            return SslContextBuilder.forClient().endpointIdentificationAlgorithm(null).protocols(sslVersion == null ? new String[] {"TLSv1.3", "TLSv1.2"}
                    : new String[] {sslVersion}).build();
        } catch (javax.net.ssl.SSLException e) {
            throw new NetException(NetErrorCode.TLS_HANDSHAKE_FAILED, "cannot build the default TLS context", e);
        }
    }

    /** One route per IP of the host (A and AAAA, in the resolver's order); proxied routes are not resolved. */
    private static List<Route> expand(Route route, Events events, FailureLog failures) {
        if (route.address() != null || route.proxy() != null) {
            return List.of(route);
        }
        long start = System.nanoTime();
        try {
            InetAddress[] ips = InetAddress.getAllByName(route.host());
            List<Route> out = new ArrayList<>(ips.length);
            List<String> shown = new ArrayList<>(ips.length);
            for (InetAddress ip : ips) {
                out.add(route.withAddress(ip.getHostAddress()));
                shown.add(ip.getHostAddress());
            }
            events.emit(new ConnectEvent.DnsResolved(route, shown, Duration.ofNanos(System.nanoTime() - start)));
            return out;
        } catch (UnknownHostException e) {
            NetException ne = new NetException(NetErrorCode.DNS_FAILED, route + " [DNS]: host \"" + route.host()
                    + "\" could not be resolved", e, List.of(), 12545);
            ConnectAttempt a = ConnectProcedure.attempt(route, Phase.DNS, ne.getMessage(), start);
            failures.failed(route, a, ne, false, false);
            events.emit(new ConnectEvent.AttemptFailed(route, Phase.DNS, ne, false));
            events.emit(new ConnectEvent.AttemptEnded(a));
            return List.of();
        }
    }

    /**
     * Sleeps RETRY_DELAY; false (without sleeping) when the overall deadline would pass before the
     * next pass could start, or the thread is interrupted.
     */
    private static boolean sleep(Duration delay, long deadline) {
        long nanos = delay.toNanos();
        if (deadline - System.nanoTime() <= nanos) {
            return false;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
