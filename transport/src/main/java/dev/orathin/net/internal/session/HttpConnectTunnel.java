package dev.orathin.net.internal.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP CONNECT tunnel to an HTTPS proxy (RFC 9110 §9.3.6), in place of Netty's
 * {@code HttpProxyHandler}: that handler pulled four jars (HTTP, SOCKS and compression codecs)
 * into every user's class path for one request line, and took the proxy password as a
 * {@code String}. Here the password stays a {@code char[]} until the Basic credentials are
 * encoded straight into the request bytes, which are wiped once written.
 *
 * <p>Sits first in the pipeline: the channel connects to the proxy instead of the database
 * ({@link #connect}), sends {@code CONNECT host:port}, reads the answer's header (at most
 * {@link #MAX_HEADER} bytes), and on a 2xx removes itself; {@link #tunnel()} then completes. Any
 * other status, a close or the timeout fails the tunnel with a {@link TunnelException} that
 * carries the status line. Nothing is written by handlers behind it before the tunnel is up
 * (TLS starts after {@link #tunnel()} completes).
 */
final class HttpConnectTunnel extends ChannelDuplexHandler {

    /** Longest proxy answer header read before giving up (a CONNECT answer is a few hundred bytes). */
    static final int MAX_HEADER = 16 * 1024;

    private final InetSocketAddress proxy;
    private final String user;
    private final char[] password;
    private final long timeoutMillis;
    private String target;
    private Promise<Channel> tunnel;
    private ScheduledFuture<?> timer;
    private final ByteArrayBuilder header = new ByteArrayBuilder();
    private volatile String statusLine;

    /** A tunnel failure: the proxy's status line, or null when it never answered (timeout, close). */
    static final class TunnelException extends java.io.IOException {
        private static final long serialVersionUID = 1L;
        private final String statusLine;
        private final boolean timeout;

        TunnelException(String message, String statusLine, boolean timeout) {
            super(message);
            this.statusLine = statusLine;
            this.timeout = timeout;
        }

        String statusLine() {
            return statusLine;
        }

        boolean timeout() {
            return timeout;
        }
    }

    /**
     * @param proxy the proxy's address (resolved by the channel's connect)
     * @param user the proxy user, or null for no credentials
     * @param password the proxy password (copied; wiped after the request is written), or null
     * @param timeoutMillis bound on the proxy's answer after TCP connected
     */
    HttpConnectTunnel(InetSocketAddress proxy, String user, char[] password, long timeoutMillis) {
        this.proxy = proxy;
        this.user = user;
        this.password = password == null ? new char[0] : password.clone();
        this.timeoutMillis = Math.max(1, timeoutMillis);
    }

    /** Completes with the channel once the proxy answered 2xx. */
    Future<Channel> tunnel() {
        return tunnel;
    }

    /** The proxy's status line, once it arrived. */
    String statusLine() {
        return statusLine;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        tunnel = ctx.executor().newPromise();
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        InetSocketAddress t = (InetSocketAddress) remote;
        String host = t.getHostString();
        target = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + t.getPort();
        promise.addListener(f -> {
            if (f.isSuccess()) {
                sendRequest(ctx);
            }
        });
        ctx.connect(proxy, local, promise);
    }

    /** Once TCP to the proxy is up: the CONNECT request, then the bounded wait for its answer. */
    private void sendRequest(ChannelHandlerContext ctx) {
        byte[] request = request();
        try {
            ctx.writeAndFlush(ctx.alloc().buffer(request.length).writeBytes(request));
        } finally {
            Arrays.fill(request, (byte) 0);
            Arrays.fill(password, '\0');
        }
        timer = ctx.executor().schedule(() -> fail(ctx, new TunnelException("the HTTPS proxy did not answer CONNECT within "
                + timeoutMillis + " ms", null, true)), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** {@code CONNECT host:port HTTP/1.1}, Host, and Basic credentials encoded without a String of the password. */
    private byte[] request() {
        ByteArrayBuilder b = new ByteArrayBuilder();
        b.ascii("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n");
        if (user != null) {
            CharBuffer creds = CharBuffer.allocate(user.length() + 1 + password.length);
            creds.put(user).put(':').put(password).flip();
            ByteBuffer raw = StandardCharsets.UTF_8.encode(creds);
            byte[] plain = new byte[raw.remaining()];
            raw.get(plain);
            byte[] encoded = Base64.getEncoder().encode(plain);
            b.ascii("Proxy-Authorization: Basic ").bytes(encoded).ascii("\r\n");
            Arrays.fill(creds.array(), '\0');
            Arrays.fill(raw.array(), (byte) 0);
            Arrays.fill(plain, (byte) 0);
            Arrays.fill(encoded, (byte) 0);
        }
        b.ascii("\r\n");
        return b.toArrayAndWipe();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (tunnel.isDone() || !(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            while (in.isReadable()) {
                header.add(in.readByte());
                if (header.size() > MAX_HEADER) {
                    fail(ctx, new TunnelException("the HTTPS proxy's answer to CONNECT is longer than " + MAX_HEADER + " bytes",
                            firstLine(), false));
                    return;
                }
                if (header.endsWithBlankLine()) {
                    String status = firstLine();
                    statusLine = status;
                    String[] parts = status.split(" ", 3);
                    boolean ok = parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].length() == 3 && parts[1].charAt(0) == '2';
                    if (!ok) {
                        fail(ctx, new TunnelException("the HTTPS proxy refused CONNECT: " + status, status, false));
                        return;
                    }
                    cancelTimer();
                    ctx.pipeline().remove(this);
                    tunnel.trySuccess(ctx.channel());
                    if (in.isReadable()) {
                        ctx.fireChannelRead(in.retain()); // bytes of the tunnelled peer, if it spoke first
                    }
                    return;
                }
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!tunnel.isDone()) {
            fail(ctx, new TunnelException("the HTTPS proxy closed the connection before answering CONNECT", statusLine, false));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!tunnel.isDone()) {
            cancelTimer();
            tunnel.tryFailure(cause);
            ctx.close();
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    private void fail(ChannelHandlerContext ctx, TunnelException e) {
        cancelTimer();
        if (tunnel.tryFailure(e)) {
            ctx.close();
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private String firstLine() {
        byte[] h = header.peek();
        int end = 0;
        while (end < header.size() && h[end] != '\r' && h[end] != '\n' && end < 256) {
            end++;
        }
        return new String(h, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** A small growable byte array (the request is wiped after use). */
    private static final class ByteArrayBuilder {
        private byte[] buf = new byte[256];
        private int size;

        ByteArrayBuilder ascii(String s) {
            return bytes(s.getBytes(StandardCharsets.US_ASCII));
        }

        ByteArrayBuilder bytes(byte[] b) {
            for (byte x : b) {
                add(x);
            }
            return this;
        }

        void add(byte b) {
            if (size == buf.length) {
                byte[] bigger = Arrays.copyOf(buf, size * 2);
                Arrays.fill(buf, (byte) 0);
                buf = bigger;
            }
            buf[size++] = b;
        }

        int size() {
            return size;
        }

        byte[] peek() {
            return buf;
        }

        boolean endsWithBlankLine() {
            return size >= 4 && buf[size - 4] == '\r' && buf[size - 3] == '\n' && buf[size - 2] == '\r' && buf[size - 1] == '\n'
                    || size >= 2 && buf[size - 2] == '\n' && buf[size - 1] == '\n';
        }

        byte[] toArrayAndWipe() {
            byte[] out = Arrays.copyOf(buf, size);
            Arrays.fill(buf, (byte) 0);
            return out;
        }
    }
}
