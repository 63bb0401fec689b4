package dev.orathin.net.internal.session;

import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.NetPacket;
import dev.orathin.net.NetSession;
import dev.orathin.net.internal.packet.Packets;
import dev.orathin.net.internal.packet.TnsPacket;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A {@link NetSession} over a Netty channel after ACCEPT: DATA split to the SDU, MARKERs, CONTROL handled here. */
public final class NettyNetSession implements NetSession {

    /** Bound on a single write reaching the socket (a peer that stops reading fills the buffers). */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);
    /** Bound on the polite close (EOF DATA packet) before the socket is dropped. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    /** Logger for session ends (close, abort); docs/observability.md. */
    static final String LOGGER = "dev.orathin.net.session";

    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final Channel channel;
    private final InboundQueue inbound;
    private final String route;
    private final int version;
    private final int sdu;
    private final long flags2;
    private final int options;
    private volatile ConnectTrace trace;
    private final java.time.Duration recvTimeout;
    private volatile boolean open = true;

    NettyNetSession(Channel channel, InboundQueue inbound, String route, Packets.Accept accept, ConnectTrace trace,
            java.time.Duration recvTimeout) {
        this.recvTimeout = recvTimeout;
        this.channel = channel;
        this.inbound = inbound;
        this.route = route;
        this.version = accept.version();
        this.sdu = accept.sdu() < 512 ? 512 : accept.sdu();
        this.flags2 = accept.flags2();
        this.options = accept.options();
        this.trace = trace;
    }

    @Override
    public int protocolVersion() {
        return version;
    }

    @Override
    public int sdu() {
        return sdu;
    }

    @Override
    public boolean fastAuthSupported() {
        return (flags2 & Packets.ACCEPT_FLAG_FAST_AUTH) != 0;
    }

    @Override
    public boolean endOfResponseSupported() {
        return version >= 319 && (flags2 & Packets.ACCEPT_FLAG_END_OF_RESPONSE) != 0;
    }

    @Override
    public boolean oobSupported() {
        // Out-of-band break cannot cross TLS and is not used over plain TCP by this client either:
        // breaks are sent as MARKER packets (protocol.md §9).
        return false;
    }

    /** Adds the connect's attempt log to the trace (called once by the connector). */
    public void attachAttempts(java.util.List<dev.orathin.net.ConnectAttempt> attempts) {
        trace = ConnectProcedure.withAttempts(trace, attempts);
    }

    @Override
    public ConnectTrace trace() {
        return trace;
    }

    @Override
    public void send(byte[] payload, int dataFlags) {
        ensureOpen();
        int max = sdu - 10;
        int off = 0;
        ChannelFuture last = null;
        do {
            int n = Math.min(max, payload.length - off);
            boolean end = off + n >= payload.length;
            last = channel.write(Unpooled.wrappedBuffer(Packets.data(end ? dataFlags : 0, payload, off, n, true)));
            off += n;
        } while (off < payload.length);
        channel.flush();
        await(last, "send");
    }

    @Override
    public NetPacket receive(Duration requested) {
        // RECV_TIMEOUT from the descriptor caps every wait, whatever the caller asks
        boolean capped = recvTimeout != null && recvTimeout.compareTo(requested) < 0;
        Duration timeout = capped ? recvTimeout : requested;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ensureOpen();
            Object o;
            try {
                o = inbound.poll(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetException(NetErrorCode.IO_ERROR, route + ": interrupted while waiting for the server");
            }
            if (o == null) {
                String bound = capped ? "RECV_TIMEOUT" : "call timeout";
                throw new NetException(NetErrorCode.RECV_TIMEOUT, route + ": no answer from the server within " + timeout.toMillis()
                        + " ms (" + bound + ")", null, java.util.List.of(), 12609).withTimeout(bound, timeout);
            }
            if (o == InboundQueue.CLOSED) {
                open = false;
                throw new NetException(NetErrorCode.CONNECTION_CLOSED, route + ": the server closed the connection");
            }
            if (o instanceof Throwable t) {
                abort();
                throw ConnectProcedure.translate(t, route, "session");
            }
            TnsPacket p = (TnsPacket) o;
            switch (p.type()) {
                case TnsPacket.DATA -> {
                    if (p.dataFlags() == TnsPacket.DATA_FLAG_EOF) {
                        abort();
                        throw new NetException(NetErrorCode.SESSION_ENDED, route + ": the server ended the session (EOF)", null,
                                java.util.List.of(), 12572);
                    }
                    return new NetPacket(NetPacket.TYPE_DATA, p.flags(), p.dataFlags(), p.tail(10));
                }
                case TnsPacket.MARKER -> {
                    return new NetPacket(NetPacket.TYPE_MARKER, p.flags(), 0, p.tail(8));
                }
                case TnsPacket.CONTROL -> control(p);
                default -> {
                    abort();
                    throw new NetException(NetErrorCode.UNEXPECTED_PACKET, route + ": unexpected packet type " + p.type()
                            + " in an open session (expected DATA, MARKER or CONTROL)");
                }
            }
        }
    }

    /** CONTROL (protocol.md §3.5): 9 = reset OOB (ignored); 8 = in-band notification with an error. */
    private void control(TnsPacket p) {
        int command = p.u16(8);
        if (command == 8 && p.length() >= 18) {
            long error = p.u32(14);
            if (error != 0 && error != 12572 && error != 12573) {
                abort();
                throw new NetException(NetErrorCode.SESSION_ENDED, route + ": the server sent an in-band notification with error "
                        + error + (error == 2396 ? " (idle time exceeded)" : ""), null, java.util.List.of(), (int) error);
            }
        }
    }

    @Override
    public void sendMarker(int markerType) {
        ensureOpen();
        await(channel.writeAndFlush(Unpooled.wrappedBuffer(Packets.marker(markerType, true))), "marker");
    }

    @Override
    public boolean isOpen() {
        return open && channel.isActive();
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        boolean polite = channel.isActive();
        if (polite) {
            polite = channel.writeAndFlush(Unpooled.wrappedBuffer(Packets.data(TnsPacket.DATA_FLAG_EOF, new byte[0], 0, 0, true)))
                    .awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
        }
        channel.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
        boolean sentEof = polite;
        LOG.log(System.Logger.Level.DEBUG, () -> route + ": session closed" + (sentEof ? "" : " (the connection was already gone)"));
    }

    @Override
    public void abort() {
        if (open) {
            LOG.log(System.Logger.Level.DEBUG, () -> route + ": session aborted");
        }
        open = false;
        channel.close();
    }

    private void ensureOpen() {
        if (!open) {
            throw new NetException(NetErrorCode.SESSION_CLOSED, route + ": the session is closed");
        }
    }

    private void await(ChannelFuture f, String what) {
        if (!f.awaitUninterruptibly(SEND_TIMEOUT.toMillis())) {
            abort();
            throw new NetException(NetErrorCode.IO_ERROR, route + ": " + what + " did not complete within " + SEND_TIMEOUT.toSeconds()
                    + " s (peer not reading)");
        }
        if (!f.isSuccess()) {
            abort();
            throw ConnectProcedure.translate(f.cause(), route, what);
        }
    }

    @Override
    public String toString() {
        return "NetSession[" + route + ", version=" + version + ", sdu=" + sdu + (open ? "" : ", closed") + "]";
    }
}
