package dev.orathin.net.internal.session;

import dev.orathin.net.ConnectAttempt;
import dev.orathin.net.ConnectAttempt.Phase;
import dev.orathin.net.ConnectEvent;
import dev.orathin.net.ConnectTrace;
import dev.orathin.net.IdentityVerdict;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.Route;
import dev.orathin.net.internal.events.Events;
import dev.orathin.net.internal.packet.Packets;
import dev.orathin.net.internal.packet.TnsFrameDecoder;
import dev.orathin.net.internal.packet.TnsPacket;
import dev.orathin.net.internal.tls.NettyTls;
import dev.orathin.net.internal.tls.ServerIdentity;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.concurrent.Future;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * One connection attempt over one route: TCP (optionally to an HTTPS proxy and through its CONNECT
 * tunnel), TLS with the server identity check, then the Oracle Net exchange — CONNECT answered by
 * ACCEPT, REFUSE, REDIRECT (followed, bounded) or RESEND (with a fresh TLS handshake on the same
 * socket when flagged: the ADB listener hand-off). Everything is bounded by the attempt's deadline.
 *
 * <p>The server identity is verified after every handshake before anything else is written on that
 * TLS session (issue #22): a failed verdict closes the channel without sending CONNECT. Each step is
 * reported to the attempt's {@link Events}.
 */
public final class ConnectProcedure {

    /** Most REDIRECTs followed in one attempt (node-oracledb's MAX_REDIRECTS is 2). */
    public static final int MAX_REDIRECTS = 2;
    /** Most RESENDs answered in one attempt (one per TLS hand-off; more is a loop). */
    static final int MAX_RESENDS = 3;

    private static final Pattern HOST = Pattern.compile("\\(\\s*HOST\\s*=\\s*([^)\\s]+)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PORT = Pattern.compile("\\(\\s*PORT\\s*=\\s*(\\d+)\\s*\\)", Pattern.CASE_INSENSITIVE);

    private final SslContext ssl;
    private final long deadline;
    private final long connectDeadline;
    private final long overallDeadline;
    private final Duration overall;
    private final Events events;
    private boolean tcpBoundIsTransport;
    private final Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
    private int roundTrips;
    private Phase phase = Phase.DNS;

    /**
     * An attempt bounded by one deadline, reporting only to the log.
     *
     * @param ssl the TLS context (null for tcp routes)
     * @param deadlineNanos System.nanoTime() after which the attempt fails (reported as CONNECT_TIMEOUT)
     */
    public ConnectProcedure(SslContext ssl, long deadlineNanos) {
        this(ssl, deadlineNanos, Long.MAX_VALUE, null, Events.logOnly());
    }

    /**
     * An attempt bounded by the earlier of its CONNECT_TIMEOUT and the whole connect's deadline; a
     * timeout names the bound that expired.
     *
     * @param ssl the TLS context (null for tcp routes)
     * @param connectDeadlineNanos System.nanoTime() when this attempt's CONNECT_TIMEOUT expires
     * @param overallDeadlineNanos System.nanoTime() when the whole connect's timeout expires
     * @param overall the whole connect's timeout (for messages), or null
     * @param events where the steps are reported
     */
    public ConnectProcedure(SslContext ssl, long connectDeadlineNanos, long overallDeadlineNanos, Duration overall, Events events) {
        this.ssl = ssl;
        this.connectDeadline = connectDeadlineNanos;
        this.overallDeadline = overallDeadlineNanos;
        this.deadline = Math.min(connectDeadlineNanos, overallDeadlineNanos);
        this.overall = overall;
        this.events = events;
    }

    /** True when the attempt ran into the whole connect's deadline (not its own CONNECT_TIMEOUT). */
    public boolean hitOverallDeadline() {
        return overallDeadline <= connectDeadline && System.nanoTime() - overallDeadline >= 0;
    }

    /** The phase reached so far (for the attempt log). */
    public Phase phase() {
        return phase;
    }

    /** Runs the attempt; the returned session owns the channel. */
    public NettyNetSession run(Route route, List<ConnectAttempt> attemptsSoFar) {
        Route current = route;
        boolean redirected = false;
        for (int hop = 0; ; hop++) {
            Hop h = connectTransport(current);
            try {
                NsAnswer answer;
                try {
                    answer = negotiate(h, current, redirected);
                } catch (TnsPacket.MalformedPacketException | IndexOutOfBoundsException e) {
                    // a listener packet too short for its fields (e.g. a truncated ACCEPT) is a protocol
                    // error of this attempt, never an internal exception escaping the connect
                    throw translate(e instanceof TnsPacket.MalformedPacketException ? e
                            : new TnsPacket.MalformedPacketException(String.valueOf(e.getMessage())), current.toString(), phase.name());
                }
                if (answer instanceof NsAnswer.Accepted a) {
                    return a.session();
                }
                Packets.Redirect r = ((NsAnswer.Redirected) answer).redirect();
                h.channel.close();
                if (hop >= MAX_REDIRECTS) {
                    throw new NetException(NetErrorCode.TOO_MANY_REDIRECTS, current + " [NS]: more than " + MAX_REDIRECTS
                            + " redirects (last to " + r.address() + ")");
                }
                current = redirectTarget(current, r);
                redirected = true;
            } catch (RuntimeException e) {
                h.channel.close();
                throw e;
            }
        }
    }

    private record Hop(Channel channel, InboundQueue inbound, PeerSniffer sniffer) {
    }

    private Hop connectTransport(Route route) {
        InboundQueue inbound = new InboundQueue();
        PeerSniffer sniffer = route.isTcps() ? null : new PeerSniffer();
        HttpConnectTunnel[] tunnelHandler = new HttpConnectTunnel[1];
        long t0 = System.nanoTime();
        long tcpBound = Math.min(route.timeouts().transportConnect().toMillis(), remainingMillis());
        tcpBoundIsTransport = route.timeouts().transportConnect().toMillis() <= remainingMillis();
        Bootstrap b = new Bootstrap().group(IoGroup.get()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, tcpBound));
        if (route.timeouts().expireTime() != null) {
            // EXPIRE_TIME -> keepalive probes (protocol.md §10.5: idle n min, interval 6 s, count 10, as python)
            b.option(ChannelOption.SO_KEEPALIVE, true);
            keepalive(b, route.timeouts().expireTime());
        }
        boolean viaProxy = route.proxy() != null;
        if (viaProxy && !route.isTcps()) {
            throw new NetException(NetErrorCode.PROXY_REQUIRES_TCPS, route + ": an HTTPS proxy can only tunnel TCPS addresses; "
                    + "use PROTOCOL=tcps or remove HTTPS_PROXY");
        }
        if (viaProxy) {
            b.resolver(NoopAddressResolverGroup.INSTANCE); // the proxy resolves the database host
        }
        b.handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                if (viaProxy) {
                    Route.Proxy p = route.proxy();
                    // the tunnel copies the password and wipes its copy once the request is written
                    tunnelHandler[0] = new HttpConnectTunnel(new InetSocketAddress(p.host(), p.port()), p.user(), p.password(),
                            remainingMillis());
                    ch.pipeline().addLast("proxy", tunnelHandler[0]);
                }
                if (sniffer != null) {
                    ch.pipeline().addLast("sniffer", sniffer);
                }
                ch.pipeline().addLast("frame", new TnsFrameDecoder()).addLast("inbound", inbound);
            }
        });
        SocketAddress target = viaProxy ? InetSocketAddress.createUnresolved(route.host(), route.port())
                : new InetSocketAddress(route.address() != null ? route.address() : route.host(), route.port());
        if (!viaProxy && ((InetSocketAddress) target).isUnresolved()) {
            throw new NetException(NetErrorCode.DNS_FAILED, route + " [DNS]: host \"" + route.host() + "\" could not be resolved");
        }
        phases.put(Phase.DNS, Duration.ofNanos(System.nanoTime() - t0));
        phase = Phase.TCP;
        long tcp0 = System.nanoTime();
        ChannelFuture cf = b.connect(target);
        if (!cf.awaitUninterruptibly(remainingMillis() + 50) || !cf.isDone()) {
            cf.cancel(false);
            cf.channel().close();
            throw timeout(route);
        }
        if (!cf.isSuccess()) {
            cf.channel().close();
            if (cf.cause() instanceof ConnectTimeoutException) {
                throw timeout(route); // names TRANSPORT_CONNECT_TIMEOUT, CONNECT_TIMEOUT or the overall bound
            }
            throw translate(cf.cause(), route.toString(), viaProxy ? "proxy" : "TCP");
        }
        Channel ch = cf.channel();
        Duration tcpTook = Duration.ofNanos(System.nanoTime() - tcp0);
        phases.put(Phase.TCP, tcpTook);
        events.emit(new ConnectEvent.TcpConnected(route, remote(ch), tcpTook));
        if (viaProxy) {
            phase = Phase.PROXY;
            long p0 = System.nanoTime();
            Future<Channel> tunnel = tunnelHandler[0].tunnel();
            awaitStep(tunnel, ch, route, "proxy");
            roundTrips++;
            Duration took = Duration.ofNanos(System.nanoTime() - p0);
            phases.put(Phase.PROXY, took);
            String status = tunnelHandler[0].statusLine();
            events.emit(new ConnectEvent.ProxyTunnelOpened(route, status == null ? "2xx" : status, took));
        }
        if (route.isTcps()) {
            tls(ch, route, Phase.TLS);
        }
        return new Hop(ch, inbound, sniffer);
    }

    private void tls(Channel ch, Route route, Phase tlsPhase) {
        phase = tlsPhase;
        long t0 = System.nanoTime();
        if (ch.pipeline().get("tls") != null) {
            // The hand-off: abandon the first TLS session without close_notify (protocol.md §3.4).
            ch.pipeline().remove("tls");
        }
        SslHandler h = NettyTls.handler(ssl, ch.alloc(), route, remainingMillis());
        ch.pipeline().addBefore("frame", "tls", h);
        String step = tlsPhase == Phase.TLS ? "TLS" : "TLS after hand-off";
        int handshake = tlsPhase == Phase.TLS ? 1 : 2;
        awaitStep(h.handshakeFuture(), ch, route, step);
        SSLSession session = h.engine().getSession();
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (java.security.cert.Certificate c : session.getPeerCertificates()) {
                chain.add((X509Certificate) c);
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            ch.close();
            throw new NetException(NetErrorCode.TLS_HANDSHAKE_FAILED, route + " [" + tlsPhase + "]: no server certificate", e);
        }
        java.security.cert.Certificate[] local = session.getLocalCertificates();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        events.emit(new ConnectEvent.TlsHandshakeDone(route, handshake, session.getProtocol(), session.getCipherSuite(), chain,
                local == null || local.length == 0 ? null : (X509Certificate) local[0], took));
        // Verified before any application byte is written on this TLS session (#22): on failure the
        // channel is closed here and CONNECT is never sent.
        IdentityVerdict verdict = ServerIdentity.verify(chain.get(0), route);
        events.emit(new ConnectEvent.IdentityChecked(route, handshake, verdict));
        if (!verdict.ok()) {
            ch.close();
            throw ServerIdentity.failure(verdict, route, step);
        }
        phases.merge(tlsPhase, took, Duration::plus);
        roundTrips += 2;
    }

    /** CONNECT until ACCEPT (session), REDIRECT (returned), or a failure. */
    private NsAnswer negotiate(Hop h, Route route, boolean redirected) {
        phase = Phase.NS;
        long t0 = System.nanoTime();
        int resends = 0;
        sendConnect(h, route, redirected);
        while (true) {
            TnsPacket p = next(h, route);
            switch (p.type()) {
                case TnsPacket.ACCEPT -> {
                    Packets.Accept a = Packets.Accept.decode(p);
                    if (a.version() < TnsFrameDecoder.MIN_LARGE_SDU_VERSION) {
                        throw new NetException(NetErrorCode.VERSION_TOO_OLD, route + " [NS]: the server accepted Oracle Net version "
                                + a.version() + "; orathin needs 315 or later (Oracle Database 12.1+)");
                    }
                    if ((a.nsiFlags0() & Packets.NSI_NA_REQUIRED) != 0) {
                        throw new NetException(NetErrorCode.NATIVE_ENCRYPTION_REQUIRED, route + " [NS]: the server requires Native"
                                + " Network Encryption or data integrity (SQLNET.ENCRYPTION_SERVER / CRYPTO_CHECKSUM_SERVER = required);"
                                + " orathin is a thin client and protects traffic with TLS: connect over TCPS, or set those server"
                                + " parameters to 'accepted'");
                    }
                    phases.merge(Phase.NS, Duration.ofNanos(System.nanoTime() - t0), Duration::plus);
                    phase = Phase.DONE;
                    events.emit(new ConnectEvent.NetAnswer(route, ConnectEvent.NetAnswer.Kind.ACCEPT, "version " + a.version() + ", SDU "
                            + a.sdu()));
                    return new NsAnswer.Accepted(new NettyNetSession(h.channel, h.inbound, route.toString(), a,
                            new ConnectTrace(route.toString(), phases, roundTrips, List.of()), route.timeouts().recv()));
                }
                case TnsPacket.REFUSE -> {
                    Packets.Refuse r = Packets.Refuse.decode(p);
                    events.emit(new ConnectEvent.NetAnswer(route, ConnectEvent.NetAnswer.Kind.REFUSE, "error " + r.error()));
                    throw refused(route, r);
                }
                case TnsPacket.REDIRECT -> {
                    int len = p.u16(8);
                    byte[] data = p.length() > 10 ? p.tail(10) : next(h, route).tail(10);
                    Packets.Redirect r = Packets.Redirect.parse(new String(data, 0, Math.min(len, data.length), StandardCharsets.US_ASCII));
                    events.emit(new ConnectEvent.NetAnswer(route, ConnectEvent.NetAnswer.Kind.REDIRECT, "to " + addressOnly(r.address())));
                    return new NsAnswer.Redirected(r);
                }
                case TnsPacket.RESEND -> {
                    boolean handoff = (p.flags() & TnsPacket.FLAG_TLS_RENEG) != 0 && route.isTcps();
                    events.emit(new ConnectEvent.NetAnswer(route, ConnectEvent.NetAnswer.Kind.RESEND, handoff
                            ? "new TLS handshake first (listener hand-off)" : ""));
                    if (++resends > MAX_RESENDS) {
                        throw new NetException(NetErrorCode.UNEXPECTED_PACKET, route + " [NS]: listener asked to resend CONNECT more than "
                                + MAX_RESENDS + " times");
                    }
                    if (handoff) {
                        phases.merge(Phase.NS, Duration.ofNanos(System.nanoTime() - t0), Duration::plus);
                        tls(h.channel, route, Phase.TLS2);
                        phase = Phase.NS;
                        t0 = System.nanoTime();
                    }
                    sendConnect(h, route, redirected);
                }
                default -> throw new NetException(NetErrorCode.UNEXPECTED_PACKET, route + " [NS]: got packet type " + p.type()
                        + " in answer to CONNECT (expected ACCEPT, REFUSE, REDIRECT or RESEND)");
            }
        }
    }

    private void sendConnect(Hop h, Route route, boolean redirected) {
        ChannelFuture last = null;
        for (byte[] packet : Packets.connect(route.connectData(), route.sdu(), redirected)) {
            last = h.channel.write(Unpooled.wrappedBuffer(packet));
        }
        h.channel.flush();
        last.awaitUninterruptibly(remainingMillis() + 50);
        if (!last.isSuccess()) {
            // With TLS 1.3 the server judges the client certificate after the client's handshake is
            // done: its alert is the real cause of the failed write, so prefer it when it arrived.
            Object early = null;
            try {
                early = h.inbound.poll(Math.min(200, remainingMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            h.channel.close();
            Throwable cause = early instanceof Throwable t ? t : last.cause();
            throw cause == null ? timeout(route) : translate(cause, route.toString(), "CONNECT");
        }
        roundTrips++;
    }

    private TnsPacket next(Hop h, Route route) {
        Object o;
        try {
            o = h.inbound.poll(remainingMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetException(NetErrorCode.IO_ERROR, route + " [" + phase + "]: interrupted");
        }
        if (o == null) {
            throw timeout(route);
        }
        if (o == InboundQueue.CLOSED) {
            boolean silentClose = !route.isTcps() && h.sniffer != null && !h.sniffer.sawBytes();
            throw new NetException(NetErrorCode.CONNECTION_CLOSED, route + " [" + phase + "]: the listener closed the connection"
                    + " without answering CONNECT" + (silentClose ? "; if this port is a TCPS listener (ADB and most cloud databases"
                    + " use 1522), the address needs PROTOCOL=tcps" : ""), null, List.of(), 12537);
        }
        if (o instanceof PeerSniffer.TlsOnPlainTcp t) {
            throw new NetException(NetErrorCode.PROTOCOL_MISMATCH, route + " [" + phase + "]: the listener answered CONNECT with "
                    + t.getMessage() + ": it is a TCPS listener (often port 1522) and the address says PROTOCOL=tcp; use"
                    + " PROTOCOL=tcps (tcps:// in Easy Connect) with a wallet", null, List.of(), 12537);
        }
        if (o instanceof Throwable t) {
            throw translate(t, route.toString(), phase.name());
        }
        return (TnsPacket) o;
    }

    private static NetException refused(Route route, Packets.Refuse r) {
        return switch (r.error()) {
            case 12514 -> new NetException(NetErrorCode.SERVICE_NOT_REGISTERED, route + " [NS]: service \"" + route.serviceName()
                    + "\" is not registered with the listener", null, List.of(), 12514);
            case 12505 -> new NetException(NetErrorCode.SID_NOT_KNOWN, route + " [NS]: the listener does not know the SID in the"
                    + " connect descriptor", null, List.of(), 12505);
            case 0 -> new NetException(NetErrorCode.LISTENER_REFUSED, route + " [NS]: the listener refused the connection without"
                    + " an error number (" + r.text() + ")", null, List.of(), 12564);
            default -> new NetException(NetErrorCode.LISTENER_REFUSED, route + " [NS]: the listener refused the connection with error "
                    + r.error() + describe(r.error()), null, List.of(), r.error());
        };
    }

    private static String describe(int error) {
        return switch (error) {
            case 12516 -> " (listener could not find an available handler with a matching protocol stack)";
            case 12519 -> " (no appropriate service handler found: the service is at its connection limit)";
            case 12520 -> " (no available handler for the requested type of server)";
            case 12528 -> " (all instances are blocking new connections)";
            default -> "";
        };
    }

    private Route redirectTarget(Route from, Packets.Redirect r) {
        Matcher host = HOST.matcher(r.address());
        Matcher port = PORT.matcher(r.address());
        if (!host.find() || !port.find()) {
            throw new NetException(NetErrorCode.MALFORMED_PACKET, from + " [NS]: REDIRECT without HOST and PORT: expected an"
                    + " (ADDRESS=(HOST=..)(PORT=..)) but got \"" + r.address() + "\"");
        }
        int p;
        try {
            p = Integer.parseInt(port.group(1));
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            throw new NetException(NetErrorCode.MALFORMED_PACKET, from + " [NS]: REDIRECT to invalid port " + port.group(1));
        }
        return from.redirectedTo(host.group(1), p, r.connectData() != null ? r.connectData() : from.connectData());
    }

    private void awaitStep(Future<?> f, Channel ch, Route route, String step) {
        if (!f.awaitUninterruptibly(remainingMillis() + 50) || !f.isDone()) {
            ch.close();
            throw timeout(route);
        }
        if (!f.isSuccess()) {
            ch.close();
            if (f.cause() instanceof io.netty.handler.ssl.SslHandshakeTimeoutException) {
                // the SslHandler's timer is set to this attempt's deadline: it is CONNECT_TIMEOUT firing
                throw timeout(route);
            }
            throw translate(f.cause(), route.toString(), step);
        }
    }

    /**
     * The timeout that ended this attempt, naming the bound that expired: TRANSPORT_CONNECT_TIMEOUT
     * (TCP only, when it was the tighter bound), the whole connect's timeout, or CONNECT_TIMEOUT.
     */
    private NetException timeout(Route route) {
        String waiting = waitingFor();
        if (phase == Phase.TCP && tcpBoundIsTransport) {
            return new NetException(NetErrorCode.TCP_CONNECT_TIMEOUT, route + " [TCP]: no TCP connection within TRANSPORT_CONNECT_TIMEOUT="
                    + route.timeouts().transportConnect().toMillis() + " ms", null, List.of(), 12170);
        }
        if (overallDeadline <= connectDeadline) {
            return new NetException(NetErrorCode.OVERALL_TIMEOUT, route + " [" + phase + "]: " + waiting + " when the overall connect"
                    + " timeout" + (overall == null ? "" : " of " + overall.toMillis() + " ms") + " expired", null, List.of(), 12170);
        }
        return new NetException(NetErrorCode.CONNECT_TIMEOUT, route + " [" + phase + "]: " + waiting + " within CONNECT_TIMEOUT="
                + route.timeouts().connect().toMillis() + " ms", null, List.of(), 12170);
    }

    private String waitingFor() {
        return switch (phase) {
            case DNS, TCP -> "no TCP connection";
            case PROXY -> "no answer from the HTTPS proxy";
            case TLS, TLS2 -> "TLS handshake not complete (the server accepted TCP but did not answer)";
            case NS -> "no answer to CONNECT (the server accepted the connection but did not answer)";
            case DONE -> "attempt not complete";
        };
    }

    private static String remote(Channel ch) {
        SocketAddress a = ch.remoteAddress();
        if (a instanceof InetSocketAddress i) {
            return (i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString()) + ":" + i.getPort();
        }
        return String.valueOf(a);
    }

    /** The HOST and PORT of a REDIRECT address (the rest of it is connect data, not for logs). */
    private static String addressOnly(String address) {
        Matcher host = HOST.matcher(address);
        Matcher port = PORT.matcher(address);
        return (host.find() ? host.group(1) : "?") + ":" + (port.find() ? port.group(1) : "?");
    }

    private long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** {@code HTTP/1.1 407 Proxy Authentication Required} → {@code 407 Proxy Authentication Required}. */
    private static String statusOnly(String statusLine) {
        int sp = statusLine.indexOf(' ');
        return sp > 0 ? statusLine.substring(sp + 1) : statusLine;
    }

    /** Maps an I/O failure to a NetException naming the route and step. */
    static NetException translate(Throwable t, String route, String step) {
        if (t instanceof NetException ne) {
            return ne;
        }
        if (t instanceof TnsPacket.MalformedPacketException || t instanceof io.netty.handler.codec.DecoderException
                && t.getCause() instanceof TnsPacket.MalformedPacketException) {
            Throwable m = t instanceof TnsPacket.MalformedPacketException ? t : t.getCause();
            return new NetException(NetErrorCode.MALFORMED_PACKET, route + " [" + step + "]: " + m.getMessage(), t);
        }
        if (t instanceof ConnectTimeoutException) {
            return new NetException(NetErrorCode.TCP_CONNECT_TIMEOUT, route + " [TCP]: " + t.getMessage(), t, List.of(), 12170);
        }
        if (t instanceof HttpConnectTunnel.TunnelException te) {
            if (te.timeout()) {
                return new NetException(NetErrorCode.PROXY_TIMEOUT, route + " [PROXY]: the HTTPS proxy did not answer CONNECT in time ("
                        + te.getMessage() + ")", t);
            }
            String status = te.statusLine();
            return new NetException(NetErrorCode.PROXY_REFUSED, route + " [PROXY]: the HTTPS proxy, not the database, refused the"
                    + " tunnel" + (status != null && !status.isEmpty() ? ": " + statusOnly(status) : ": " + te.getMessage()), t);
        }
        if ((t instanceof SSLException || t.getCause() instanceof SSLException) && step.equals("session")) {
            // after the handshake a TLS failure means a record failed its integrity check (or an alert
            // arrived): the data stream is broken, not the handshake
            return new NetException(NetErrorCode.IO_ERROR, route + " [session]: TLS record rejected, the connection is no longer"
                    + " trustworthy: " + rootMessage(t), t);
        }
        if (t instanceof SSLException || t.getCause() instanceof SSLException) {
            NetErrorCode code = NettyTls.classify(t);
            return new NetException(code, route + " [" + step + "]: " + code.summary() + ": " + rootMessage(t), t);
        }
        if (t instanceof ConnectException) {
            return new NetException(NetErrorCode.TCP_REFUSED, route + " [" + step + "]: nothing listens there (" + t.getMessage() + ")",
                    t, List.of(), 12541);
        }
        if (t instanceof java.nio.channels.ClosedChannelException) {
            return new NetException(NetErrorCode.CONNECTION_CLOSED, route + " [" + step + "]: the connection was closed", t,
                    List.of(), 12537);
        }
        if (t instanceof java.net.UnknownHostException) {
            return new NetException(NetErrorCode.DNS_FAILED, route + " [DNS]: " + t.getMessage(), t);
        }
        return new NetException(NetErrorCode.IO_ERROR, route + " [" + step + "]: " + t, t);
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.toString() : r.getMessage();
    }

    private static void keepalive(Bootstrap b, Duration idle) {
        try {
            b.option(NioChannelOption.of(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE), (int) Math.max(1, idle.toSeconds()));
            b.option(NioChannelOption.of(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL), 6);
            b.option(NioChannelOption.of(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT), 10);
        } catch (UnsupportedOperationException | NoClassDefFoundError e) {
            // platform without the extended options: SO_KEEPALIVE with OS defaults still applies
        }
    }

    /** Records a failed or successful attempt for the log. */
    public static ConnectAttempt attempt(Route route, Phase phase, String outcome, long startNanos) {
        return new ConnectAttempt(route.toString(), phase, outcome, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** The trace of a finished connect, attempts included. */
    public static ConnectTrace withAttempts(ConnectTrace t, List<ConnectAttempt> attempts) {
        return new ConnectTrace(t.route(), t.phases(), t.roundTrips(), new ArrayList<>(attempts));
    }
}
