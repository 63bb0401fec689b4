package dev.orathin.net;

import dev.orathin.net.ConnectAttempt.Phase;
import dev.orathin.net.internal.session.ConnectProcedure;
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
import java.util.List;
import java.util.Map;

/**
 * Opens an Oracle Net session by walking an {@link AttemptPlan}: every route of a description in
 * order, every IP a host name resolves to, then RETRY_COUNT more passes RETRY_DELAY apart, then the
 * next description — until one attempt reaches ACCEPT or the overall deadline passes.
 *
 * <p>When every attempt fails, the exception is the most informative failure (connect-behaviour.md
 * §11, ojdbc's rule): the last one from an attempt that reached a listener (REFUSE, TLS, protocol)
 * or else the last transport failure; it lists every attempt, and the other failures are attached
 * as suppressed exceptions.
 */
public final class NetConnector {

    /** Overall bound used when the caller gives none. */
    public static final Duration DEFAULT_OVERALL_TIMEOUT = Duration.ofMinutes(5);

    private NetConnector() {
    }

    /** Connects over one route. */
    public static NetSession connect(Route route, Wallet wallet) {
        return connect(AttemptPlan.single(route), wallet, null);
    }

    /**
     * Connects following the plan.
     *
     * @param wallet client key and trust for TCPS routes ({@code null}: JDK default trust, no client certificate)
     * @param overallTimeout the whole connect's bound, retries included ({@code null}: {@link #DEFAULT_OVERALL_TIMEOUT})
     */
    public static NetSession connect(AttemptPlan plan, Wallet wallet, Duration overallTimeout) {
        Duration overall = overallTimeout == null ? DEFAULT_OVERALL_TIMEOUT : overallTimeout;
        long overallDeadline = System.nanoTime() + overall.toNanos();
        Map<String, SslContext> contexts = new HashMap<>();
        List<ConnectAttempt> log = new ArrayList<>();
        NetException reachedListener = null;
        NetException last = null;
        java.util.Map<NetException, String> ids = new java.util.IdentityHashMap<>();
        List<NetException> all = new ArrayList<>();
        for (AttemptPlan.DescriptionPlan d : plan.descriptions()) {
            for (int pass = 0; pass <= d.retryCount(); pass++) {
                if (pass > 0 && !sleep(d.retryDelay(), overallDeadline)) {
                    break;
                }
                for (Route route : d.routes()) {
                    for (Route r : expand(route, log, all)) {
                        if (System.nanoTime() >= overallDeadline) {
                            NetException e = new NetException(NetErrorCode.OVERALL_TIMEOUT, "connect did not succeed within the overall"
                                    + " connect timeout of " + overall.toMillis() + " ms", null, List.of(), 12170);
                            NetException p = reachedListener != null ? reachedListener : last != null ? last : e;
                            throw finish(p, log, all, ids.get(p));
                        }
                        long start = System.nanoTime();
                        long deadline = Math.min(overallDeadline, start + r.timeouts().connect().toNanos());
                        SslContext ssl = r.isTcps() ? contexts.computeIfAbsent(String.valueOf(r.tls().sslVersion()),
                                v -> context(wallet, r.tls().sslVersion())) : null;
                        ConnectProcedure proc = new ConnectProcedure(ssl, deadline);
                        try {
                            NettyNetSession s = proc.run(r, log);
                            log.add(ConnectProcedure.attempt(r, Phase.DONE, "ok", start));
                            s.attachAttempts(log);
                            return s;
                        } catch (NetException e) {
                            log.add(ConnectProcedure.attempt(r, proc.phase(), e.getMessage(), start));
                            all.add(e);
                            ids.put(e, r.connectionId());
                            last = e;
                            if (proc.phase().compareTo(Phase.TCP) > 0 || e.errorCode() == NetErrorCode.SERVICE_NOT_REGISTERED) {
                                reachedListener = e;
                            }
                        }
                    }
                }
            }
        }
        NetException primary = reachedListener != null ? reachedListener : last;
        throw finish(primary, log, all, primary == null ? null : ids.get(primary));
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
    private static List<Route> expand(Route route, List<ConnectAttempt> log, List<NetException> all) {
        if (route.address() != null || route.proxy() != null) {
            return List.of(route);
        }
        long start = System.nanoTime();
        try {
            InetAddress[] ips = InetAddress.getAllByName(route.host());
            List<Route> out = new ArrayList<>(ips.length);
            for (InetAddress ip : ips) {
                out.add(route.withAddress(ip.getHostAddress()));
            }
            return out;
        } catch (UnknownHostException e) {
            NetException ne = new NetException(NetErrorCode.DNS_FAILED, route + " [DNS]: host \"" + route.host()
                    + "\" could not be resolved", e, List.of(), 12545);
            log.add(ConnectProcedure.attempt(route, Phase.DNS, ne.getMessage(), start));
            all.add(ne);
            return List.of();
        }
    }

    private static boolean sleep(Duration delay, long deadline) {
        long remaining = deadline - System.nanoTime();
        long nanos = Math.min(delay.toNanos(), remaining);
        if (nanos <= 0 && remaining <= 0) {
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

    private static NetException finish(NetException primary, List<ConnectAttempt> log, List<NetException> all, String connectionId) {
        if (primary == null) {
            primary = new NetException(NetErrorCode.DNS_FAILED, "no address of the connect descriptor could be tried");
        }
        NetException result = primary.withAttempts(log, connectionId);
        for (NetException e : all) {
            if (e != primary) {
                result.addSuppressed(e);
            }
        }
        return result;
    }
}
