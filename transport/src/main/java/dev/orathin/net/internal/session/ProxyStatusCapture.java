package dev.orathin.net.internal.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits in front of Netty's {@code HttpProxyHandler} and copies the proxy's status line (for the
 * "tunnel opened" event: Netty does not expose it on success). Reads without consuming, keeps at
 * most {@link #MAX_LINE} bytes, and removes itself once the line is complete.
 */
final class ProxyStatusCapture extends ChannelInboundHandlerAdapter {

    /** Longest status line kept (RFC 9112 recommends supporting at least 8000 octets; we only show it). */
    static final int MAX_LINE = 256;

    private final StringBuilder line = new StringBuilder();
    private volatile String status;

    /** The status line, or null before it arrived. */
    String status() {
        return status;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (status == null && msg instanceof ByteBuf b) {
            for (int i = b.readerIndex(); i < b.writerIndex(); i++) {
                byte c = b.getByte(i);
                if (c == '\r' || c == '\n' || line.length() >= MAX_LINE) {
                    status = line.toString();
                    ctx.pipeline().remove(this);
                    break;
                }
                line.append((char) (c & 0xff));
            }
        }
        ctx.fireChannelRead(msg);
    }
}
